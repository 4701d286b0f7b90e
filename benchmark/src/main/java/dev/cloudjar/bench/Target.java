package dev.cloudjar.bench;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server under test and everything a workload needs to drive it: clients, the load runner (which
 * reads the server's CPU when the benchmark started the server itself), the report, and the no-op
 * route's throughput per thread count, measured at the start of this target's run.
 */
public final class Target implements AutoCloseable {
    private final String description;
    private final ServerProcess server; // null for --endpoint targets
    private final BenchOptions options;
    private final Report report;
    private final Clients clients;
    private final LoadRunner runner;
    private final Map<Integer, Double> noopOpsPerSecond = new HashMap<>();
    private final Map<String, Measurement> measurements = new LinkedHashMap<>();
    private final Map<String, Double> figures = new LinkedHashMap<>();
    private final Map<String, Double> noopRatios = new HashMap<>();

    public Target(String description, URI endpoint, ServerProcess server, BenchOptions options, Report report) {
        this.description = description;
        this.server = server;
        this.options = options;
        this.report = report;
        this.clients = new Clients(endpoint);
        this.runner = new LoadRunner(server == null ? () -> -1 : server::cpuMillis);
    }

    public String description() {
        return description;
    }

    /** The started server, or null when the target is an --endpoint. */
    public ServerProcess server() {
        return server;
    }

    /** What kind of server this is; CloudJar is assumed for an --endpoint. */
    public ServerKind kind() {
        return server == null ? ServerKind.CLOUDJAR : server.kind();
    }

    public boolean speaks(String service) {
        return server == null || server.kind().speaks(service);
    }

    public BenchOptions options() {
        return options;
    }

    public Report report() {
        return report;
    }

    public Clients clients() {
        return clients;
    }

    public LoadRunner runner() {
        return runner;
    }

    public long serverCpuMillis() {
        return server == null ? -1 : server.cpuMillis();
    }

    public void recordNoop(int threads, double opsPerSecond) {
        noopOpsPerSecond.put(threads, opsPerSecond);
    }

    public double noop(int threads) {
        return noopOpsPerSecond.getOrDefault(threads, 0.0);
    }

    /** Measures with the standard count/time bounds and prints the row with its no-op ratio. */
    public Measurement measure(String label, int threads, LoadRunner.Call call) {
        Measurement m = runner.run(label, threads, options.ops(), options.timeLimit(), call);
        show(m, true);
        return m;
    }

    /** Prints a row (with the no-op ratio or without) and keeps it for the summaries. */
    public void show(Measurement m, boolean withNoopRatio) {
        double noop = withNoopRatio ? noop(m.threads()) : 0;
        report.row(m, noop);
        if (!m.failedEntirely()) {
            measurements.put(key(m.label(), m.threads()), m);
            if (noop > 0) {
                noopRatios.put(key(m.label(), m.threads()), m.opsPerSecond() / noop);
            }
        }
    }

    /** Keeps a single figure (start time, memory, a ratio) for the summaries. */
    public void keep(String name, double value) {
        figures.put(name, value);
    }

    public Measurement measurement(String label, int threads) {
        return measurements.get(key(label, threads));
    }

    public Map<String, Measurement> measurements() {
        return measurements;
    }

    public Map<String, Double> figures() {
        return figures;
    }

    /** The no-op ratio printed with a kept measurement, NaN when there was none. */
    public double noopRatio(String label, int threads) {
        return noopRatios.getOrDefault(key(label, threads), Double.NaN);
    }

    static String key(String label, int threads) {
        return label + " @" + threads + "thr";
    }

    @Override
    public void close() {
        clients.close();
        if (server != null) {
            server.close();
        }
    }
}
