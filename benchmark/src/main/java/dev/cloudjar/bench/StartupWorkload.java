package dev.cloudjar.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Time from spawning the server process to its first successful request, median of N fresh starts
 * (each on its own free port, stopped right after). For CloudJar the request is
 * GET /_cloudjar/health answering 200; for a peer, any HTTP answer on its probe path. Also the idle
 * resident memory of a fresh server a second after it started serving.
 */
public final class StartupWorkload implements Workload {
    @Override
    public String group() {
        return "start";
    }

    @Override
    public String title() {
        return "start time";
    }

    @Override
    public boolean tabular() {
        return false;
    }

    @Override
    public boolean supportedBy(Target target) {
        return true;
    }

    @Override
    public void run(Target target) {
        Report report = target.report();
        if (target.server() == null) {
            report.note("start time needs a server the benchmark starts (--start-cloudjar or --peer): skipped for --endpoint");
            return;
        }
        ServerKind kind = target.server().kind();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < target.options().starts; i++) {
            try (ServerProcess fresh = ServerProcess.start(kind, ServerProcess.freePort(), target.options(), Duration.ofSeconds(120))) {
                millis.add(fresh.startMillis());
            } catch (IOException | RuntimeException e) {
                report.notAvailable("start time", LoadRunner.describe(e));
                return;
            }
        }
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        target.keep("start.ms", sorted.get(sorted.size() / 2));
        report.figure("spawn -> first successful request (median of " + millis.size() + ")",
                sorted.get(sorted.size() / 2) + " ms   (all: " + millis + ")");
        if (kind == ServerKind.CLOUDJAR) {
            firstAnswers(target);
        }
    }

    /** CloudJar's first real answers without and with its class-data archive, next to a bare Javalin hello-world. */
    private static void firstAnswers(Target target) {
        Report report = target.report();
        try {
            java.util.Map<String, Long> m = FirstAnswers.measure(target.options(), report);
            report.figure("first S3 answer / Javalin hello, no archive", String.format("%.2fx", (double) m.get("nocds.s3") / m.get("javalin")));
            report.figure("first S3 answer / Javalin hello, archive", String.format("%.2fx", (double) m.get("cds.s3") / m.get("javalin")));
            report.figure("first S3 answer, archive / no archive", String.format("%.2fx", (double) m.get("cds.s3") / m.get("nocds.s3")));
            target.keep("start.javalin.ms", m.get("javalin"));
            target.keep("start.cds.s3.ms", m.get("cds.s3"));
            target.keep("start.nocds.s3.ms", m.get("nocds.s3"));
        } catch (IOException | RuntimeException e) {
            report.notAvailable("first answers", LoadRunner.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
