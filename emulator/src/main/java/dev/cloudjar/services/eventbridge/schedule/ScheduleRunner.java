package dev.cloudjar.services.eventbridge.schedule;

import dev.cloudjar.core.AdjustableClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that sleeps until the earliest due time of its schedules on the injected clock, fires
 * what is due, and computes each schedule's next time. Adding or removing a schedule, or an advance
 * of an {@link AdjustableClock}, wakes it; nothing polls. When the clock jumps past several due
 * times of one schedule, that schedule fires once, for the latest of them.
 */
public final class ScheduleRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunner.class);

    /** A schedule's key, what it fires and when. */
    private record Entry(String key, ScheduleExpression expression, ZoneId zone, Instant anchor, Instant due) {
    }

    private final Clock clock;
    private final BiConsumer<String, Instant> fire;
    private final Map<String, Entry> entries = new HashMap<>();
    private final Thread thread;
    private final AutoCloseable clockListener;
    private boolean closed;

    /** {@code fire} gets the schedule's key and the due time it fires for; it runs on this runner's thread. */
    public ScheduleRunner(Clock clock, String name, BiConsumer<String, Instant> fire) {
        this.clock = clock;
        this.fire = fire;
        this.clockListener = clock instanceof AdjustableClock adjustable ? adjustable.onAdvance(this::wake) : null;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Adds or replaces a schedule; its first due time is the first after now. */
    public synchronized void schedule(String key, ScheduleExpression expression, ZoneId zone, Instant anchor) {
        Instant due = expression.next(clock.instant(), anchor, zone);
        if (due == null) {
            entries.remove(key);
        } else {
            entries.put(key, new Entry(key, expression, zone, anchor, due));
        }
        notifyAll();
    }

    public synchronized void unschedule(String key) {
        entries.remove(key);
        notifyAll();
    }

    /** The next due time of a schedule, or null. */
    public synchronized Instant due(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.due;
    }

    private synchronized void wake() {
        notifyAll();
    }

    private void run() {
        while (true) {
            List<Entry> due = new ArrayList<>();
            synchronized (this) {
                while (!closed) {
                    Instant now = clock.instant();
                    Instant earliest = null;
                    for (Entry e : entries.values()) {
                        if (!e.due.isAfter(now)) {
                            due.add(e);
                        } else if (earliest == null || e.due.isBefore(earliest)) {
                            earliest = e.due;
                        }
                    }
                    if (!due.isEmpty()) {
                        break;
                    }
                    try {
                        wait(earliest == null ? 0 : Math.max(1, earliest.toEpochMilli() - now.toEpochMilli()));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                Instant now = clock.instant();
                for (Entry e : due) {
                    // the latest due time not after now is the one this firing stands for
                    Instant fireAt = e.due;
                    Instant next = e.expression.next(fireAt, e.anchor, e.zone);
                    while (next != null && !next.isAfter(now)) {
                        fireAt = next;
                        next = e.expression.next(fireAt, e.anchor, e.zone);
                    }
                    if (next == null) {
                        entries.remove(e.key);
                    } else {
                        entries.put(e.key, new Entry(e.key, e.expression, e.zone, e.anchor, next));
                    }
                    due.set(due.indexOf(e), new Entry(e.key, e.expression, e.zone, e.anchor, fireAt));
                }
            }
            for (Entry e : due) {
                try {
                    fire.accept(e.key, e.due);
                } catch (RuntimeException failure) {
                    LOG.warn("schedule {} failed to fire", e.key, failure);
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        if (clockListener != null) {
            try {
                clockListener.close();
            } catch (Exception ignored) {
                // removing a listener from a list cannot fail
            }
        }
    }
}
