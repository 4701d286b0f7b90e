package dev.cloudjar.bench;

import java.util.Arrays;

/**
 * Collects per-call latencies (nanoseconds) from one thread and answers percentiles once merged.
 * Not thread-safe on purpose: each load thread owns one, and {@link #merge} combines them afterwards,
 * so recording costs an array store and nothing else.
 */
public final class LatencyRecorder {
    private long[] samples = new long[1024];
    private int size;

    public void record(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    public int count() {
        return size;
    }

    public static LatencyRecorder merge(Iterable<LatencyRecorder> parts) {
        LatencyRecorder all = new LatencyRecorder();
        for (LatencyRecorder part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.record(part.samples[i]);
            }
        }
        return all;
    }

    /** The q-quantile (0..1) in milliseconds by the nearest-rank method; NaN when nothing was recorded. */
    public double percentileMillis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1_000_000.0;
    }

    public double p50() {
        return percentileMillis(0.50);
    }

    public double p99() {
        return percentileMillis(0.99);
    }

    public double medianMillis() {
        return p50();
    }
}
