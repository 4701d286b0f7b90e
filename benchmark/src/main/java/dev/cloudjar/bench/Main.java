package dev.cloudjar.bench;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs the benchmark against each target in turn: starts the server when asked (so its CPU and memory
 * can be read from /proc), measures the no-op baseline, then every selected workload, printing a plain
 * table per workload. See docs/benchmark.md.
 */
public final class Main {
    private Main() {
    }

    static List<Workload> workloads() {
        return List.of(
                new StartupWorkload(),
                new S3Workload(),
                new S3LargeObjectWorkload(),
                new DynamoDbWorkload(),
                new DynamoDbTableSizeWorkload(),
                new SqsWorkload(),
                new KinesisWorkload(),
                new SqsRoundTripWorkload(),
                new SnsToSqsWorkload(),
                new LambdaWorkload(),
                new ApiGatewayWorkload(),
                new BankPipelineWorkload(),
                new PythonInventoryWorkload());
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (BenchOptions.UsageException | IllegalArgumentException e) {
            if (e.getMessage() != null && !e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.println(BenchOptions.USAGE);
            System.exit(e.getMessage() == null || e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        Report report = new Report(System.out);
        report.note("CloudJar benchmark: threads " + options.threads() + ", at most " + options.ops() + " ops or "
                + options.timeLimit().toSeconds() + " s per measurement, " + Runtime.getRuntime().availableProcessors() + " CPUs");
        List<Target> done = new ArrayList<>();
        for (String endpoint : options.endpoints) {
            try (Target target = new Target(endpoint, URI.create(endpoint), null, options, report)) {
                runAll(target);
                done.add(target);
            }
        }
        for (ServerKind kind : options.started) {
            Target target = runStarted(kind, options, report);
            if (target != null) {
                done.add(target);
            }
        }
        for (Target target : done) {
            if (target.kind().isCloudJar()) {
                TargetChecks.print(target, done);
            }
        }
        if (done.size() > 1) {
            printComparison(done, report);
        }
    }

    /** Side by side: every measured row of every target, as ops/s and server CPU ms per op. */
    private static void printComparison(List<Target> targets, Report report) {
        report.section("side by side (ops/s | server CPU ms/op)");
        Set<String> keys = new LinkedHashSet<>();
        targets.forEach(t -> keys.addAll(t.measurements().keySet()));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-48s", "operation"));
        for (Target t : targets) {
            header.append(String.format(Locale.ROOT, " %24s", t.description().split(" ")[0]));
        }
        report.note(header.toString());
        for (String key : keys) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-48s", key));
            for (Target t : targets) {
                Measurement m = t.measurements().get(key);
                row.append(String.format(Locale.ROOT, " %24s", m == null ? "-"
                        : Report.fmt(m.opsPerSecond(), 1) + " | " + Report.fmt(m.cpuPerOpMillis(), 3)));
            }
            report.note(row.toString());
        }
    }

    /** Starts the server, runs everything against it, stops it; null when it could not be started. */
    private static Target runStarted(ServerKind kind, BenchOptions options, Report report) {
        if (kind.isCloudJar() && !Files.isRegularFile(options.cloudjarJar())) {
            report.target(kind.cliName());
            report.notAvailable("cloudjar", options.cloudjarJar() + " not found (build it: mvn -B -q package -DskipTests)");
            return null;
        }
        ServerProcess server;
        try {
            server = ServerProcess.start(kind, ServerProcess.freePort(), options, Duration.ofSeconds(120));
        } catch (Exception e) {
            report.target(kind.cliName());
            report.notAvailable(kind.cliName(), LoadRunner.describe(e));
            return null;
        }
        String jvm = kind == ServerKind.MOTO ? "" : ", JVM options " + options.serverJvmOptions();
        String description = kind.cliName() + " (started: pid " + server.pid() + ", " + server.endpoint() + jvm
                + ", first request after " + server.startMillis() + " ms)";
        try (Target target = new Target(description, URI.create(server.endpoint()), server, options, report)) {
            ServerProcess.sleepMillis(1000);
            long idleRss = server.rssKib();
            runAll(target);
            report.section("memory");
            target.keep("rss.idle.mib", idleRss / 1024.0);
            report.figure("server RSS idle (1 s after start)", idleRss / 1024 + " MiB");
            report.figure("server RSS after the run", server.rssKib() / 1024 + " MiB");
            report.figure("server CPU total", server.cpuMillis() + " ms");
            return target;
        }
    }

    private static void runAll(Target target) {
        Report report = target.report();
        report.target(target.description());
        report.note(NoopWorkload.describe(target.options()));
        for (Workload workload : workloads()) {
            if (!target.options().runs(workload.group())) {
                continue;
            }
            if (!workload.supportedBy(target)) {
                report.workload(workload.title());
                report.note("skipped: " + target.kind().cliName() + " does not implement " + workload.group());
                continue;
            }
            runOne(workload, target);
        }
    }

    private static void runOne(Workload workload, Target target) {
        if (workload.tabular()) {
            target.report().workload(workload.title());
        } else {
            target.report().section(workload.title());
        }
        try {
            if (workload.comparesToNoop()) {
                NoopWorkload.measure(target);
            }
            workload.run(target);
        } catch (Exception | LinkageError e) {
            target.report().notAvailable(workload.title(), LoadRunner.describe(e));
        }
    }
}
