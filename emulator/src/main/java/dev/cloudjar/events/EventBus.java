package dev.cloudjar.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries events between services asynchronously, so a failing or slow consumer never fails or slows
 * the request that caused the event. {@link #awaitIdle} lets tests wait until every published event
 * and every piece of work registered with {@link #track()} has finished, instead of sleeping.
 */
public final class EventBus implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final Map<Class<?>, List<Consumer<Object>>> subscribers = new ConcurrentHashMap<>();
    private final ExecutorService dispatcher;
    private final AtomicLong inFlight = new AtomicLong();
    private final Object idleMonitor = new Object();

    public EventBus() {
        this.dispatcher = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "cloudjar-events");
            thread.setDaemon(true);
            return thread;
        });
    }

    @SuppressWarnings("unchecked")
    public <T extends CloudEvent> void subscribe(Class<T> type, Consumer<? super T> consumer) {
        subscribers.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add((Consumer<Object>) consumer);
    }

    /** Delivers the event to every subscriber of its class (and its interfaces) on a bus thread. */
    public void publish(CloudEvent event) {
        for (Map.Entry<Class<?>, List<Consumer<Object>>> entry : subscribers.entrySet()) {
            if (!entry.getKey().isInstance(event)) {
                continue;
            }
            for (Consumer<Object> consumer : entry.getValue()) {
                Work work = track();
                try {
                    dispatcher.execute(() -> {
                        try {
                            consumer.accept(event);
                        } catch (RuntimeException | Error e) {
                            LOG.warn("event consumer failed for {}", event, e);
                        } finally {
                            work.close();
                        }
                    });
                } catch (RuntimeException rejected) {
                    work.close();
                }
            }
        }
    }

    /**
     * Registers a piece of asynchronous work (a retry, a poller's batch) that {@link #awaitIdle}
     * should wait for. Close the returned handle exactly once when the work ends.
     */
    public Work track() {
        inFlight.incrementAndGet();
        return new Work(this);
    }

    /** Waits until nothing is in flight; returns false if that did not happen within the timeout. */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idleMonitor) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    idleMonitor.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    public long inFlight() {
        return inFlight.get();
    }

    private void finished() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (idleMonitor) {
                idleMonitor.notifyAll();
            }
        }
    }

    @Override
    public void close() {
        dispatcher.shutdownNow();
    }

    /** A handle on tracked work; closing it twice has no further effect. */
    public static final class Work implements AutoCloseable {
        private final EventBus bus;
        private boolean closed;

        private Work(EventBus bus) {
            this.bus = bus;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                bus.finished();
            }
        }
    }
}
