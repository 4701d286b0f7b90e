package dev.cloudjar.services.lambda.runtime;

import java.nio.charset.StandardCharsets;

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

    /** Where complete lines also go: CloudJar's console, prefixed with the function name. */
    public interface LogEcho {
        void line(String functionName, String line);
    }

    public InvocationLog(String functionName, LogEcho echo) {
        this.functionName = functionName;
        this.echo = echo;
    }

    /** Appends text as the function printed it; whole lines are echoed to the console. */
    public synchronized void append(String chunk) {
        text.append(chunk);
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
