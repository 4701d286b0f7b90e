package dev.cloudjar.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints plain-text result tables as results arrive: one table per workload with a row per
 * measurement, plus single figures (start time, MB/s, memory) on their own lines.
 */
public final class Report {
    private static final String ROW = "%-34s %3s %8s %10s %9s %9s %11s %11s %8s  %s%n";
    private final PrintStream out;

    public Report(PrintStream out) {
        this.out = out;
    }

    public void target(String description) {
        out.println();
        out.println("################ target: " + description);
    }

    public void workload(String title) {
        out.println();
        out.println("== " + title);
        out.printf(Locale.ROOT, ROW, "operation", "thr", "ops", "ops/s", "p50 ms", "p99 ms", "srv CPU/op", "cli CPU/op", "vs noop", "note");
        out.flush();
    }

    /** A section of single figures only (no table header). */
    public void section(String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }

    /** A measurement row; noopOpsPerSecond <= 0 leaves the ratio column empty. */
    public void row(Measurement m, double noopOpsPerSecond) {
        if (m.failedEntirely()) {
            out.printf(Locale.ROOT, ROW, m.label(), m.threads(), "-", "-", "-", "-", "-", "-", "-",
                    "not available: " + m.firstError());
        } else {
            String ratio = noopOpsPerSecond > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * m.opsPerSecond() / noopOpsPerSecond) : "";
            String note = m.errors() > 0 ? m.errors() + " errors, first: " + m.firstError() : "";
            out.printf(Locale.ROOT, ROW, m.label(), m.threads(), m.ops(), fmt(m.opsPerSecond(), 1), fmt(m.p50Millis(), 2),
                    fmt(m.p99Millis(), 2), millis(m.cpuPerOpMillis()), millis(m.clientCpuPerOpMillis()), ratio, note);
        }
        out.flush();
    }

    public void figure(String name, String value) {
        out.printf(Locale.ROOT, "   %-48s %s%n", name + ":", value);
        out.flush();
    }

    public void notAvailable(String what, String why) {
        figure(what, "not available: " + why);
    }

    public void note(String text) {
        out.println("   " + text);
        out.flush();
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "n/a" : fmt(value, 3) + " ms";
    }

    public static String fmt(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
