package dev.cloudjar.events;

import dev.cloudjar.core.Scope;
import java.util.List;

/**
 * A function invocation finished and printed these lines (START, its output, END, REPORT), each with
 * the time it was printed. Lambda publishes it after every invocation; integration writes the lines
 * to CloudWatch Logs group {@code logGroupName}, stream {@code logStreamName} (one per execution
 * environment, as AWS names it: {@code YYYY/MM/DD/[version]<32 hex>}).
 */
public record FunctionLogEvent(Scope scope, String functionName, String version, String logGroupName, String logStreamName,
                               List<Line> lines) implements CloudEvent {
    public FunctionLogEvent {
        lines = List.copyOf(lines);
    }

    /** One log line as the function printed it, with its newline; {@code timestamp} is epoch millis. */
    public record Line(long timestamp, String message) {
    }
}
