package dev.cloudjar.services.lambda.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.lambda.model.EventInvokeConfig;
import dev.cloudjar.services.lambda.runtime.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous invocation queue (InvocationType=Event, S3 and SNS triggers): runs each event,
 * retries a failed one after the configured delays up to MaximumRetryAttempts (default 2) while it
 * is younger than MaximumEventAgeInSeconds, then sends it to the OnFailure destination and the
 * dead-letter queue; a success goes to the OnSuccess destination. Each event is tracked on the event
 * bus until it is finished, so {@code awaitIdle} covers retries.
 */
public final class AsyncInvocations implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncInvocations.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AsyncTarget target;
    private final EventBus events;
    private final Clock clock;
    private final List<Duration> retryDelays;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final PersistentMap<AsyncEvent> pending;

    /** {@code pending} keeps queued events in the store so that they survive a restart ({@link #resume}). */
    public AsyncInvocations(AsyncTarget target, EventBus events, Clock clock, List<Duration> retryDelays,
                            PersistentMap<AsyncEvent> pending) {
        this.target = target;
        this.pending = pending;
        this.events = events;
        this.clock = clock;
        this.retryDelays = List.copyOf(retryDelays);
        this.workers = Executors.newCachedThreadPool(daemon("lambda-async"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("lambda-async-retry"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    public void submit(AsyncEvent event) {
        pending.put(event.requestId(), event);
        start(event);
    }

    /** Queues again the events a previous run accepted but did not finish. */
    public void resume() {
        List<AsyncEvent> left = new java.util.ArrayList<>();
        for (Map.Entry<String, AsyncEvent> e : pending.range(null, null)) {
            left.add(e.getValue());
        }
        left.forEach(this::start);
    }

    private void start(AsyncEvent event) {
        EventBus.Work work = events.track();
        try {
            workers.execute(() -> attempt(event, work));
        } catch (RuntimeException rejected) {
            work.close();
        }
    }

    private void attempt(AsyncEvent event, EventBus.Work work) {
        boolean handedOn = false;
        try {
            AsyncEvent current = event.nextAttempt();
            InvocationResult result;
            try {
                result = target.invoke(current);
            } catch (RuntimeException gone) {
                LOG.warn("async invocation {} of {} dropped: {}", current.requestId(), current.functionName(), gone.getMessage());
                return;
            }
            EventInvokeConfig config = target.eventInvokeConfig(current);
            if (!result.failed()) {
                if (config.onSuccess() != null) {
                    send(current, config.onSuccess(), record(current, result, "Success"));
                }
                return;
            }
            long ageSeconds = (clock.millis() - current.enqueuedMillis()) / 1000;
            int retriesDone = current.attempts() - 1;
            if (retriesDone < config.retries() && ageSeconds < config.maxAgeSeconds()) {
                pending.put(current.requestId(), current);
                Duration delay = retryDelays.isEmpty() ? Duration.ZERO
                        : retryDelays.get(Math.min(retriesDone, retryDelays.size() - 1));
                timer.schedule(() -> {
                    try {
                        workers.execute(() -> attempt(current, work));
                    } catch (RuntimeException rejected) {
                        work.close();
                    }
                }, delay.toMillis(), TimeUnit.MILLISECONDS);
                handedOn = true;
                return;
            }
            String condition = ageSeconds >= config.maxAgeSeconds() ? "EventAgeExceeded" : "RetriesExhausted";
            if (config.onFailure() != null) {
                send(current, config.onFailure(), record(current, result, condition));
            }
            String dlq = target.deadLetterTarget(current);
            if (dlq != null) {
                String message = errorMessage(result);
                target.deliver(current.scope(), dlq, new String(current.payload(), StandardCharsets.UTF_8),
                        Map.of("RequestID", current.requestId(), "ErrorCode", "200", "ErrorMessage", message));
            }
        } catch (RuntimeException e) {
            LOG.warn("async invocation {} failed to finish", event.requestId(), e);
        } finally {
            if (!handedOn) {
                pending.remove(event.requestId());
                work.close();
            }
        }
    }

    private void send(AsyncEvent event, String destination, String body) {
        try {
            target.deliver(event.scope(), destination, body, Map.of());
        } catch (RuntimeException e) {
            LOG.warn("destination {} of {} failed: {}", destination, event.requestId(), e.getMessage());
        }
    }

    /** AWS's invocation record, as OnSuccess/OnFailure destinations receive it. */
    private String record(AsyncEvent event, InvocationResult result, String condition) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.put("timestamp", Instant.now(clock).toString());
        ObjectNode request = root.putObject("requestContext");
        request.put("requestId", event.requestId());
        request.put("functionArn", target.functionArn(event));
        request.put("condition", condition);
        request.put("approximateInvokeCount", event.attempts());
        root.set("requestPayload", parseOrText(event.payload()));
        ObjectNode response = root.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", result.executedVersion());
        if (result.functionError() != null) {
            response.put("functionError", result.functionError());
        }
        root.set("responsePayload", parseOrText(result.payload()));
        return root.toString();
    }

    private static JsonNode parseOrText(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            return JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static String errorMessage(InvocationResult result) {
        JsonNode node = parseOrText(result.payload());
        return node.path("errorMessage").asText(node.toString());
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
