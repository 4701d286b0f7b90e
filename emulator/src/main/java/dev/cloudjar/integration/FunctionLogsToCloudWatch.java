package dev.cloudjar.integration;

import dev.cloudjar.core.Scope;
import dev.cloudjar.events.FunctionLogEvent;
import dev.cloudjar.services.logs.LogsBackend;
import dev.cloudjar.services.logs.model.InputEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda's output into CloudWatch Logs: each finished invocation's lines go to the function's log
 * group and its execution environment's stream, both created on first write as Lambda does. Under
 * load one bus thread at a time writes everything queued, a stream's invocations in one batch, so
 * busy functions neither pile up bus threads waiting on a group's lock nor pay a write per
 * invocation; the writing thread keeps the bus busy until the queue is empty, so awaitIdle still
 * waits for the lines.
 */
public final class FunctionLogsToCloudWatch {
    private static final Logger LOG = LoggerFactory.getLogger(FunctionLogsToCloudWatch.class);
    private final Supplier<LogsBackend> logs;
    private final Queue<FunctionLogEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    public FunctionLogsToCloudWatch(Supplier<LogsBackend> logs) {
        this.logs = logs;
    }

    public void onFunctionLog(FunctionLogEvent event) {
        pending.add(event);
        // re-checked after releasing: an event queued while the writer was finishing is not stranded
        while (!pending.isEmpty() && writing.compareAndSet(false, true)) {
            try {
                writeQueued();
            } finally {
                writing.set(false);
            }
        }
    }

    private void writeQueued() {
        Map<Stream, List<InputEvent>> batches = new LinkedHashMap<>();
        FunctionLogEvent event;
        while ((event = pending.poll()) != null) {
            List<InputEvent> lines = batches.computeIfAbsent(new Stream(event.scope(), event.logGroupName(), event.logStreamName()),
                    key -> new ArrayList<>());
            long last = lines.isEmpty() ? Long.MIN_VALUE : lines.get(lines.size() - 1).timestamp();
            for (FunctionLogEvent.Line line : event.lines()) {
                if (!line.message().isEmpty()) {
                    // one environment runs one invocation at a time, so its lines only move forward
                    last = Math.max(last, line.timestamp());
                    lines.add(new InputEvent(last, line.message()));
                }
            }
        }
        LogsBackend backend = logs.get();
        batches.forEach((stream, lines) -> {
            try {
                backend.appendFunctionLog(stream.scope(), stream.group(), stream.name(), lines);
            } catch (RuntimeException e) {
                // one stream's failure must not lose the other streams' lines
                LOG.warn("writing {} lines to log stream {} of {} failed", lines.size(), stream.name(), stream.group(), e);
            }
        });
    }

    private record Stream(Scope scope, String group, String name) {
    }
}
