package dev.cloudjar.services.lambda.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What one invocation printed (START, the function's output, END, REPORT), kept per invocation so
 * that {@code LogType=Tail} can return its last 4 KB. Bounded: beyond {@link #MAX_CHARS} the oldest
 * output is dropped, as only the tail is ever returned.
 */
public final class InvocationLog {
    static final int MAX_CHARS = 256 * 1024;
    private static final int TAIL_BYTES = 4096;

    private final StringBuilder text = new StringBuilder(256);
    private final String functionName;
    private final LogEcho echo;
    private final Clock clock;
    private final String logStreamName;
    /** Complete lines with the time each was finished, for CloudWatch Logs; bounded like {@link #text}. */
    private final Deque<TimedLine> lines = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    private long linesChars;

    /** One line of output and when it was printed (epoch millis). */
    public record TimedLine(long timestamp, String message) {
    }

    /** Where complete lines also go: CloudJar's console, prefixed with the function name. */
    public interface LogEcho {
        void line(String functionName, String line);
    }

    public InvocationLog(String functionName, LogEcho echo) {
        this(functionName, echo, null, null);
    }

    /** A log that also keeps timestamped lines for the execution environment's log stream. */
    public InvocationLog(String functionName, LogEcho echo, Clock clock, String logStreamName) {
        this.functionName = functionName;
        this.echo = echo;
        this.clock = clock;
        this.logStreamName = logStreamName;
    }

    /** The execution environment's CloudWatch Logs stream, or null when the log keeps no lines. */
    public String logStreamName() {
        return logStreamName;
    }

    /** The lines printed so far, oldest first; a last line without its newline is included as it is. */
    public synchronized List<TimedLine> lines() {
        List<TimedLine> out = new ArrayList<>(lines);
        if (partial.length() > 0) {
            out.add(new TimedLine(clock.millis(), partial.toString()));
        }
        return out;
    }

    private void keepLines(String chunk) {
        if (clock == null) {
            return;
        }
        int from = 0;
        int nl;
        while ((nl = chunk.indexOf('\n', from)) >= 0) {
            partial.append(chunk, from, nl + 1);
            TimedLine line = new TimedLine(clock.millis(), partial.toString());
            partial.setLength(0);
            lines.addLast(line);
            linesChars += line.message().length();
            from = nl + 1;
        }
        partial.append(chunk, from, chunk.length());
        while (linesChars > MAX_CHARS && lines.size() > 1) {
            linesChars -= lines.removeFirst().message().length();
        }
        if (partial.length() > MAX_CHARS) {
            partial.delete(0, partial.length() - MAX_CHARS / 2);
        }
    }

    /** Appends text as the function printed it; whole lines are echoed to the console. */
    public synchronized void append(String chunk) {
        text.append(chunk);
        keepLines(chunk);
        if (echo != null) {
            int from = 0;
            int nl;
            while ((nl = chunk.indexOf('\n', from)) >= 0) {
                echo.line(functionName, chunk.substring(from, nl));
                from = nl + 1;
            }
            if (from < chunk.length()) {
                echo.line(functionName, chunk.substring(from));
            }
        }
        if (text.length() > MAX_CHARS) {
            text.delete(0, text.length() - MAX_CHARS / 2);
        }
    }

    public synchronized String text() {
        return text.toString();
    }

    /** The last 4 KB (UTF-8) of the log, as X-Amz-Log-Result carries it before base64. */
    public synchronized byte[] tail() {
        byte[] all = text.toString().getBytes(StandardCharsets.UTF_8);
        if (all.length <= TAIL_BYTES) {
            return all;
        }
        byte[] tail = new byte[TAIL_BYTES];
        System.arraycopy(all, all.length - TAIL_BYTES, tail, 0, TAIL_BYTES);
        return tail;
    }
}
