package dev.cloudjar.events;

import dev.cloudjar.core.Scope;
import java.util.List;

/**
 * A function ran: the event it received ({@code payload}, its first {@value #MAX_PAYLOAD} bytes as UTF-8), its
 * result or error, and its log lines. For observers such as the console's flow view; CloudWatch Logs
 * takes the lines from {@link FunctionLogEvent}. {@code startMillis} and {@code endMillis} are the
 * injected clock's time before and after the handler ran, so an observer can tell which writes
 * happened while it ran.
 */
public record FunctionInvoked(Scope scope, String functionName, String version, String requestId, String payload,
                              boolean payloadTruncated, String functionError, String result,
                              List<FunctionLogEvent.Line> lines, long startMillis, long endMillis) implements CloudEvent {
    public static final int MAX_PAYLOAD = 65_536;

    public FunctionInvoked {
        lines = List.copyOf(lines);
    }
}
