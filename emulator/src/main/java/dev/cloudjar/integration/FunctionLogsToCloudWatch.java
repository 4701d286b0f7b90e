package dev.cloudjar.integration;

import dev.cloudjar.events.FunctionLogEvent;
import dev.cloudjar.services.logs.LogsBackend;
import dev.cloudjar.services.logs.model.InputEvent;
import java.util.List;
import java.util.function.Supplier;

/**
 * Lambda's output into CloudWatch Logs: each finished invocation's lines go to the function's log
 * group and its execution environment's stream, both created on first write as Lambda does.
 */
public final class FunctionLogsToCloudWatch {
    private final Supplier<LogsBackend> logs;

    public FunctionLogsToCloudWatch(Supplier<LogsBackend> logs) {
        this.logs = logs;
    }

    public void onFunctionLog(FunctionLogEvent event) {
        List<InputEvent> lines = event.lines().stream()
                .filter(line -> !line.message().isEmpty())
                .map(line -> new InputEvent(line.timestamp(), line.message()))
                .toList();
        logs.get().appendFunctionLog(event.scope(), event.logGroupName(), event.logStreamName(), lines);
    }
}
