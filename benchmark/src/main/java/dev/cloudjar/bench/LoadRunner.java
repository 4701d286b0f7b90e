package dev.cloudjar.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Runs one operation from N threads until a count or a time limit is reached, whichever comes first,
 * after a short warm-up; samples the server's CPU time around the measured part only.
 */
public final class LoadRunner {
    /** One call of the operation under test; seq is unique across the run (usable in keys). */
    @FunctionalInterface
    public interface Call {
        void run(int thread, long seq) throws Exception;
    }

    private static final int MAX_CONSECUTIVE_ERRORS = 50;
    static final long SELF = ProcessHandle.current().pid();
    private final LongSupplier serverCpuMillis;
    private final AtomicLong sequence = new AtomicLong();

    public LoadRunner(LongSupplier serverCpuMillis) {
        this.serverCpuMillis = serverCpuMillis;
    }

    public Measurement run(String label, int threads, long maxOps, Duration maxTime, Call call) {
        long warmup = Math.max(threads, Math.min(1000, maxOps / 10)); // JIT-compiled servers need a real warm-up
        Measurement warm = execute(label, threads, warmup, Duration.ofSeconds(30), call, false);
        if (warm.ops() == 0) {
            return warm; // the server does not support it (or is broken): no point in measuring
        }
        return execute(label, threads, maxOps, maxTime, call, true);
    }

    private Measurement execute(String label, int threads, long maxOps, Duration maxTime, Call call, boolean measureCpu) {
        AtomicLong issued = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<LatencyRecorder> recorders = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long cpuBefore = measureCpu ? serverCpuMillis.getAsLong() : -1;
        long clientBefore = measureCpu ? ProcessCpu.cpuMillis(SELF) : -1;
        long start = System.nanoTime();
        long deadline = start + maxTime.toNanos();
        for (int t = 0; t < threads; t++) {
            LatencyRecorder recorder = new LatencyRecorder();
            recorders.add(recorder);
            int thread = t;
            Thread worker = new Thread(() -> {
                int consecutiveErrors = 0;
                while (issued.getAndIncrement() < maxOps && System.nanoTime() < deadline) {
                    long seq = sequence.getAndIncrement();
                    long t0 = System.nanoTime();
                    try {
                        call.run(thread, seq);
                        recorder.record(System.nanoTime() - t0);
                        consecutiveErrors = 0;
                    } catch (Exception | LinkageError e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, describe(e));
                        if (++consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) {
                            return;
                        }
                    }
                }
            }, "load-" + label + "-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long elapsed = System.nanoTime() - start;
        long cpuAfter = measureCpu ? serverCpuMillis.getAsLong() : -1;
        long cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
        long clientCpu = clientBefore < 0 ? -1 : ProcessCpu.cpuMillis(SELF) - clientBefore;
        LatencyRecorder all = LatencyRecorder.merge(recorders);
        return new Measurement(label, threads, all.count(), errors.get(), elapsed, all.p50(), all.p99(), cpu, firstError.get(), clientCpu);
    }

    /** A one-line description of a failed call: the AWS error code and message when there is one. */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null) {
            message = "";
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        return e.getClass().getSimpleName() + ": " + message;
    }
}
