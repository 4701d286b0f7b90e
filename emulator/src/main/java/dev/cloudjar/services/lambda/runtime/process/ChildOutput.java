package dev.cloudjar.services.lambda.runtime.process;

import dev.cloudjar.services.lambda.runtime.InvocationLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads a child's merged stdout/stderr on its own thread and appends whole lines to the log of the
 * invocation in progress (or only echoes them between invocations). CloudJar's bootstraps print a
 * marker line after the handler's output and before posting the result, so {@link #awaitMarker} knows
 * the log is complete when the result arrives; a custom runtime gets a short best-effort drain instead.
 */
final class ChildOutput {
    static final String MARKER = "\u0000cloudjar-invocation-end\u0000";
    private static final byte[] MARKER_BYTES = (MARKER + "\n").getBytes(StandardCharsets.UTF_8);
    private static final int MAX_LINE = 256 * 1024;

    private final InputStream in;
    private final InvocationLog.LogEcho echo;
    private final String functionName;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private InvocationLog target;
    private long markers;
    private boolean ended;
    private long chunks;

    ChildOutput(InputStream in, String functionName, InvocationLog.LogEcho echo) {
        this.in = in;
        this.functionName = functionName;
        this.echo = echo;
        Thread t = new Thread(this::pump, "lambda-output-" + functionName);
        t.setDaemon(true);
        t.start();
    }

    /** Where lines go from now on; null between invocations. Returns the markers seen so far. */
    long attach(InvocationLog log) {
        lock.lock();
        try {
            target = log;
            return markers;
        } finally {
            lock.unlock();
        }
    }

    /** Waits (bounded) until the marker after {@code seen} arrived, or the output ended. */
    void awaitMarker(long seen, long maxMillis) {
        await(() -> markers > seen, maxMillis);
    }

    /**
     * For runtimes that print no marker: what they printed before posting the result is already in the
     * pipe, so waits until no output arrived for {@code quietMillis} (at most {@code maxMillis}).
     */
    void drain(long quietMillis, long maxMillis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        lock.lock();
        try {
            long seen = chunks;
            while (!ended && System.nanoTime() < until) {
                if (!changed.await(quietMillis, TimeUnit.MILLISECONDS) && chunks == seen) {
                    break;
                }
                seen = chunks;
            }
            flushPartial();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Waits (bounded) until the child's output ended, after the process exited. */
    void awaitEnd(long maxMillis) {
        await(() -> false, maxMillis);
    }

    private void await(BooleanSupplier done, long maxMillis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        lock.lock();
        try {
            while (!done.getAsBoolean() && !ended) {
                long left = until - System.nanoTime();
                if (left <= 0 || !changed.await(left, TimeUnit.NANOSECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void pump() {
        byte[] buffer = new byte[16 * 1024];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                lock.lock();
                try {
                    for (int i = 0; i < n; i++) {
                        line.write(buffer[i]);
                        if (buffer[i] == '\n' || line.size() >= MAX_LINE) {
                            emitLine();
                        }
                    }
                    chunks++;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        } catch (IOException closed) {
            // the process was stopped
        } finally {
            lock.lock();
            try {
                flushPartial();
                ended = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void emitLine() {
        byte[] bytes = line.toByteArray();
        line.reset();
        if (endsWithMarker(bytes)) {
            int keep = bytes.length - MARKER_BYTES.length;
            if (keep > 0) {
                write(new String(bytes, 0, keep, StandardCharsets.UTF_8) + "\n");
            }
            markers++;
            changed.signalAll();
            return;
        }
        write(new String(bytes, StandardCharsets.UTF_8));
    }

    private void flushPartial() {
        if (line.size() > 0) {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            write(text.endsWith("\n") ? text : text + "\n");
        }
    }

    private static boolean endsWithMarker(byte[] bytes) {
        if (bytes.length < MARKER_BYTES.length) {
            return false;
        }
        int offset = bytes.length - MARKER_BYTES.length;
        for (int i = 0; i < MARKER_BYTES.length; i++) {
            if (bytes[offset + i] != MARKER_BYTES[i]) {
                return false;
            }
        }
        return true;
    }

    private void write(String text) {
        if (target != null) {
            target.append(text);
        } else if (echo != null) {
            echo.line(functionName, text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        }
    }
}
