package dev.cloudjar.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * One large PutObject streamed from a generated temp file and one GetObject streamed to nowhere,
 * as MB/s (10^6 bytes per second) with the server's CPU and resident memory afterwards. Start the
 * server with --server-jvm-opts -Xmx256m to check that bodies are streamed rather than buffered.
 */
public final class S3LargeObjectWorkload implements Workload {
    @Override
    public String group() {
        return "s3";
    }

    @Override
    public String title() {
        return "S3 large object";
    }

    @Override
    public boolean tabular() {
        return false;
    }

    @Override
    public void run(Target target) throws IOException {
        BenchOptions options = target.options();
        Report report = target.report();
        if (options.skipLarge) {
            report.note("large object skipped (--skip-large)");
            return;
        }
        long size = options.largeMib * 1024 * 1024;
        String label = options.largeMib >= 1024 && options.largeMib % 1024 == 0 ? (options.largeMib / 1024) + " GiB" : options.largeMib + " MiB";
        S3Client s3 = target.clients().s3();
        String bucket = "bench-large-" + Long.toHexString(System.nanoTime());
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (RuntimeException e) {
            report.notAvailable("S3 large object", "CreateBucket failed: " + LoadRunner.describe(e));
            return;
        }
        Path file = generate(size);
        try {
            long cpu0 = target.serverCpuMillis();
            long t0 = System.nanoTime();
            try {
                s3.putObject(b -> b.bucket(bucket).key("large.bin").contentLength(size), RequestBody.fromFile(file));
            } catch (RuntimeException e) {
                report.notAvailable("PutObject " + label, LoadRunner.describe(e));
                return;
            }
            long putNanos = System.nanoTime() - t0;
            long cpu1 = target.serverCpuMillis();
            report.figure("PutObject " + label + " from file", throughput(size, putNanos, cpu1 - cpu0, cpu0 >= 0));
            long t1 = System.nanoTime();
            long read;
            try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key("large.bin"))) {
                read = in.transferTo(OutputStreamSink.INSTANCE);
            } catch (RuntimeException e) {
                report.notAvailable("GetObject " + label, LoadRunner.describe(e));
                return;
            }
            long getNanos = System.nanoTime() - t1;
            long cpu2 = target.serverCpuMillis();
            String note = read == size ? "" : "  (read " + read + " bytes, expected " + size + ")";
            if (read == size) {
                target.keep("large.mib", options.largeMib);
            }
            report.figure("GetObject " + label + " to /dev/null", throughput(size, getNanos, cpu2 - cpu1, cpu0 >= 0) + note);
            if (target.server() != null) {
                report.figure("server RSS after large PUT+GET", target.server().rssKib() / 1024 + " MiB");
            }
            try {
                s3.deleteObject(b -> b.bucket(bucket).key("large.bin"));
            } catch (RuntimeException ignored) {
                // cleanup only
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String throughput(long bytes, long nanos, long cpuMillis, boolean cpuKnown) {
        double seconds = nanos / 1e9;
        return String.format(Locale.ROOT, "%.1f MB/s (%.1f s)%s", bytes / 1e6 / seconds, seconds,
                cpuKnown ? ", server CPU " + cpuMillis + " ms" : "");
    }

    /** A temp file of the given size: a random 1 MiB block repeated (cheap to write, not all zeros). */
    private static Path generate(long size) throws IOException {
        Path file = Files.createTempFile("cloudjar-bench-large", ".bin");
        byte[] block = new byte[1024 * 1024];
        new Random(42).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
        return file;
    }
}
