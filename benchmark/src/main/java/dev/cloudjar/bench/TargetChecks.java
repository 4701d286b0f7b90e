package dev.cloudjar.bench;

import java.util.List;
import java.util.Locale;

/**
 * Compares a CloudJar run with the targets the issues set, one PASS/MISS line each, so a run answers
 * "are we there?" without reading every table. Figures that were not measured say so.
 */
final class TargetChecks {
    private final Target cloudjar;
    private final Report report;
    private final int threads;

    private TargetChecks(Target cloudjar) {
        this.cloudjar = cloudjar;
        this.report = cloudjar.report();
        this.threads = cloudjar.options().threads().contains(8) ? 8
                : cloudjar.options().threads().stream().max(Integer::compare).orElse(1);
    }

    /** Prints the checks for a CloudJar target; peers of the same run feed the relative targets. */
    static void print(Target cloudjar, List<Target> all) {
        new TargetChecks(cloudjar).print(all);
    }

    private void print(List<Target> all) {
        report.section("targets (from the issues) for " + cloudjar.description());
        figure("start.ms", "spawn -> first successful request, median", "ms", 800, true);
        Double javalin = cloudjar.figures().get("start.javalin.ms");
        Double archived = cloudjar.figures().get("start.cds.s3.ms");
        double ratio = javalin == null || archived == null ? Double.NaN : archived / javalin;
        check(ratio, "first S3 answer from the archive / bare Javalin hello, same run", "x", 1.0, true);
        check(ratio, "first S3 answer from the archive / bare Javalin hello, the 'half of it' goal", "x", 0.5, true);
        Double rss = cloudjar.figures().get("rss.idle.mib");
        check(rss == null ? Double.NaN : rss * 1.048576, "idle resident memory", "MB", 120, true);
        Double large = cloudjar.figures().get("large.mib");
        if (large == null) {
            line(null, "1 GiB PUT + GET with -Xmx256m", "not measured");
        } else {
            boolean full = large >= 1024;
            boolean small = cloudjar.options().serverJvmOptions().contains("-Xmx256m");
            line(full && small, "1 GiB PUT + GET with -Xmx256m", String.format(Locale.ROOT,
                    "%.0f MiB PUT + GET completed with JVM options %s", large, cloudjar.options().serverJvmOptions()));
        }
        ratio("PutObject 4 KiB", 0.60);
        cpu("PutObject 4 KiB", 0.5, false);
        for (String op : List.of("PutItem", "GetItem")) {
            cpu(op, 0.15, true);
            ratio(op, 0.80);
        }
        Double items = cloudjar.figures().get("ddb.large.items");
        String size = items == null ? "" : String.format(Locale.ROOT, " (%.0f items)", items);
        figure("ddb.get.p99.ratio", "GetItem p99 large/1k" + size, "x", 2, true);
        figure("ddb.query.p99.ratio", "Query p99 large/1k" + size, "x", 2, true);
        roundTripVersusElasticMq(all);
        Measurement sns = cloudjar.measurement("publish -> receivable", 1);
        check(sns == null ? Double.NaN : sns.p99Millis(), "SNS -> SQS publish-to-receivable p99", "ms", 5, true);
        figure("lambda.start.ms", "spawn -> first Invoke result", "ms", 1500, true);
        Measurement invoke = cloudjar.measurement("Invoke HelloWorld (warm)", 1);
        check(invoke == null ? Double.NaN : invoke.p50Millis(), "warm Invoke p50 (through the SDK and HTTP; target is in-process)", "ms", 1, true);
        Measurement python = cloudjar.measurement("Invoke Python hello (warm)", 1);
        check(python == null ? Double.NaN : python.p50Millis(), "warm Python Invoke p50 (through the SDK and HTTP)", "ms", 2, true);
        figure("lambda.python.first.ms", "first Invoke of a new Python function", "ms", 400, true);
        Measurement bank = cloudjar.measurement("PutObject -> alert in both queues", 1);
        check(bank == null ? Double.NaN : bank.p50Millis(), "bank pipeline p50", "ms", 100, true);
        figure("apigateway.share.t" + threads, "API Gateway -> warm function at " + threads + " threads, % of direct Invoke", "%", 70, false);
        Measurement inventory = cloudjar.measurement(PythonInventoryWorkload.LABEL, 1);
        check(inventory == null ? Double.NaN : inventory.p50Millis(), "Python inventory pipeline p50, upload to alert", "ms", 500, true);
    }

    private void roundTripVersusElasticMq(List<Target> all) {
        String label = "round trip, single (" + threads + "p+" + threads + "c)";
        Measurement ours = cloudjar.measurement(label, threads);
        Target elasticMq = all.stream().filter(t -> t.server() != null && t.kind() == ServerKind.ELASTICMQ).findFirst().orElse(null);
        Measurement theirs = elasticMq == null ? null : elasticMq.measurement(label, threads);
        if (ours == null || theirs == null) {
            line(null, "SQS " + label + " vs ElasticMQ", ours == null ? "not measured" : "ElasticMQ not in this run (--peer elasticmq)");
            return;
        }
        line(ours.opsPerSecond() >= theirs.opsPerSecond(), "SQS " + label + " messages/s >= ElasticMQ's",
                String.format(Locale.ROOT, "%.0f vs %.0f", ours.opsPerSecond(), theirs.opsPerSecond()));
        double cpuRatio = ours.cpuPerOpMillis() / theirs.cpuPerOpMillis();
        line(Double.isNaN(cpuRatio) ? null : cpuRatio <= 1 / 3.0, "SQS " + label + " server CPU/message <= 1/3 of ElasticMQ's",
                String.format(Locale.ROOT, "%.3f vs %.3f ms (%.2fx)", ours.cpuPerOpMillis(), theirs.cpuPerOpMillis(), cpuRatio));
    }

    private void ratio(String label, double minimum) {
        check(cloudjar.noopRatio(label, threads) * 100, label + " at " + threads + " threads, % of no-op", "%", minimum * 100, false);
    }

    private void cpu(String label, double maximum, boolean inclusive) {
        Measurement m = cloudjar.measurement(label, threads);
        double value = m == null ? Double.NaN : m.cpuPerOpMillis();
        String name = label + " at " + threads + " threads, server CPU per op";
        if (Double.isNaN(value)) {
            line(null, name, "not measured");
        } else {
            line(inclusive ? value <= maximum : value < maximum, name,
                    String.format(Locale.ROOT, "%.3f ms (target %s %s ms)", value, inclusive ? "<=" : "<", maximum));
        }
    }

    private void figure(String key, String name, String unit, double limit, boolean atMost) {
        Double value = cloudjar.figures().get(key);
        check(value == null ? Double.NaN : value, name, unit, limit, atMost);
    }

    private void check(double value, String name, String unit, double limit, boolean atMost) {
        if (Double.isNaN(value)) {
            line(null, name, "not measured");
            return;
        }
        boolean pass = atMost ? value <= limit : value >= limit;
        line(pass, name, String.format(Locale.ROOT, "%.2f %s (target %s %s %s)", value, unit, atMost ? "<=" : ">=", Report.fmt(limit, 2), unit));
    }

    private void line(Boolean pass, String name, String value) {
        String mark = pass == null ? "[ -- ]" : pass ? "[PASS]" : "[MISS]";
        report.note(mark + " " + name + ": " + value);
    }
}
