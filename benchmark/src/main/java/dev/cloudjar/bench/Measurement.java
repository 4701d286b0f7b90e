package dev.cloudjar.bench;

/**
 * One measured load: how many calls succeeded in how long, their latency percentiles, and the server's
 * CPU time over the same interval (-1 when the server is not a process the benchmark started), and the
 * benchmark's own (client) CPU time (-1 when not measured).
 */
public record Measurement(String label, int threads, long ops, long errors, long elapsedNanos,
                          double p50Millis, double p99Millis, long serverCpuMillis, String firstError,
                          long clientCpuMillis) {

    public Measurement(String label, int threads, long ops, long errors, long elapsedNanos,
                       double p50Millis, double p99Millis, long serverCpuMillis, String firstError) {
        this(label, threads, ops, errors, elapsedNanos, p50Millis, p99Millis, serverCpuMillis, firstError, -1);
    }

    /** Client (this JVM) CPU ms per successful op, NaN when unknown. */
    public double clientCpuPerOpMillis() {
        return clientCpuMillis < 0 || ops == 0 ? Double.NaN : (double) clientCpuMillis / ops;
    }

    public double opsPerSecond() {
        return elapsedNanos == 0 ? 0 : ops * 1e9 / elapsedNanos;
    }

    /** Server CPU ms per successful op, NaN when unknown. */
    public double cpuPerOpMillis() {
        return serverCpuMillis < 0 || ops == 0 ? Double.NaN : (double) serverCpuMillis / ops;
    }

    public boolean failedEntirely() {
        return ops == 0 && errors > 0;
    }
}
