package dev.cloudjar.services.lambda.runtime;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Routes {@code System.out}/{@code System.err} writes made on a function's threads into that
 * invocation's log; every other thread writes to the original streams unchanged. Installed once per
 * JVM. A function thread (and the threads it starts) carries a {@link Sink} whose current log the
 * execution environment swaps per invocation.
 */
public final class LogCapture {
    /** The log of the invocation running on this thread's execution environment, if any. */
    public static final class Sink {
        private volatile InvocationLog current;

        public void attach(InvocationLog log) {
            current = log;
        }

        InvocationLog current() {
            return current;
        }
    }

    private static final InheritableThreadLocal<Sink> SINK = new InheritableThreadLocal<>();
    private static volatile boolean installed;
    private static PrintStream originalOut = System.out;

    private LogCapture() {
    }

    /** Replaces System.out and System.err with thread-aware streams (idempotent). */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        originalOut = System.out;
        System.setOut(new PrintStream(new Router(System.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Router(System.err), true, StandardCharsets.UTF_8));
        installed = true;
    }

    /** Binds the current thread (and threads it creates later) to an environment's sink. */
    public static void bind(Sink sink) {
        SINK.set(sink);
    }

    /** The console, bypassing capture: where echoed function lines are printed. */
    public static PrintStream console() {
        return originalOut;
    }

    /** Sends bytes to the bound invocation log, or to the original stream. */
    private static final class Router extends OutputStream {
        private final PrintStream original;

        Router(PrintStream original) {
            this.original = original;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            Sink sink = SINK.get();
            InvocationLog log = sink == null ? null : sink.current();
            if (log == null) {
                original.write(b, off, len);
            } else {
                log.append(new String(b, off, len, StandardCharsets.UTF_8));
            }
        }

        @Override
        public void flush() {
            original.flush();
        }
    }
}
