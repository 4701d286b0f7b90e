package dev.cloudjar.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Spawn to the first answer of a real request, side by side in one loop (each round starts every
 * variant once, in turn, so machine noise hits them alike): a bare Javalin hello-world jar answering
 * {@code GET /}; CloudJar with {@code --no-cds} (one JVM, no archive); CloudJar from its class-data
 * archive (created beforehand in a cache folder of its own by one priming start). For CloudJar both the
 * first S3 ListBuckets and then the first DynamoDB ListTables answer are timed.
 */
final class FirstAnswers {
    private static final String SIGNED = "Authorization: AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/%s/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=0\r\nX-Amz-Date: 20260101T000000Z\r\n";

    private FirstAnswers() {
    }

    /** Median ms per variant and request: keys "javalin", "nocds.s3", "nocds.ddb", "cds.s3", "cds.ddb". */
    static Map<String, Long> measure(BenchOptions options, Report report) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("bench-start-");
        Path cds = Files.createDirectories(work.resolve("cds"));
        Path hello = helloJar(work, options.cloudjarJar().toAbsolutePath());
        try {
            time(cloudJar(options, cds, false), cds, true); // priming: starts the archive's creation
            if (!awaitArchive(cds)) {
                report.note("the class-data archive was not created within 240 s: the archive column is a start without it");
            }
            List<List<Long>> samples = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                samples.add(new ArrayList<>());
            }
            for (int round = 0; round < options.starts; round++) {
                samples.get(0).add(time(List.of(ServerKind.javaBinary(), "-jar", hello.toString(), "PORT"), cds, false)[0]);
                long[] cold = time(cloudJar(options, cds, true), cds, true);
                samples.get(1).add(cold[0]);
                samples.get(2).add(cold[1]);
                long[] warm = time(cloudJar(options, cds, false), cds, true);
                samples.get(3).add(warm[0]);
                samples.get(4).add(warm[1]);
            }
            String[] keys = {"javalin", "nocds.s3", "nocds.ddb", "cds.s3", "cds.ddb"};
            Map<String, Long> medians = new java.util.LinkedHashMap<>();
            for (int i = 0; i < keys.length; i++) {
                List<Long> sorted = new ArrayList<>(samples.get(i));
                sorted.sort(null);
                medians.put(keys[i], sorted.get(sorted.size() / 2));
                report.figure("first answer: " + keys[i] + " (median of " + sorted.size() + ")",
                        sorted.get(sorted.size() / 2) + " ms   (all: " + samples.get(i) + ")");
            }
            return medians;
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<String> cloudJar(BenchOptions options, Path cds, boolean noCds) throws IOException {
        List<String> command = new ArrayList<>(ServerKind.CLOUDJAR.command(0, options));
        command.replaceAll(a -> a.equals("0") ? "PORT" : a);
        if (noCds) {
            command.add("--no-cds");
        }
        return command;
    }

    /** ms from spawn to the first 200 of GET / (Javalin) or S3 ListBuckets, and to the DynamoDB ListTables after it. */
    private static long[] time(List<String> template, Path cds, boolean cloudJar) throws IOException, InterruptedException {
        int port = ServerProcess.freePort();
        List<String> command = new ArrayList<>(template);
        command.replaceAll(a -> a.equals("PORT") ? Integer.toString(port) : a);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("CLOUDJAR_CDS_DIR", cds.toString());
        String first = cloudJar
                ? "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + SIGNED.formatted("s3") + "Connection: close\r\n\r\n"
                : "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n";
        String second = "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + SIGNED.formatted("dynamodb")
                + "X-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
        HttpProbe.exchange(port, first, 50); // the probe's own code warm (the port is closed)
        long t0 = System.nanoTime();
        Process process = builder.start();
        try {
            long deadline = t0 + TimeUnit.SECONDS.toNanos(120);
            while (HttpProbe.exchange(port, first, 1000) != 200) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("no answer from " + command);
                }
                Thread.sleep(5);
            }
            long firstMs = (System.nanoTime() - t0) / 1_000_000;
            if (!cloudJar) {
                return new long[] {firstMs, firstMs};
            }
            int status = HttpProbe.exchange(port, second, 10_000);
            long secondMs = (System.nanoTime() - t0) / 1_000_000;
            if (status != 200) {
                throw new IOException("DynamoDB ListTables answered " + status);
            }
            return new long[] {firstMs, secondMs};
        } finally {
            process.children().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static boolean awaitArchive(Path cds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(cds)) {
                List<String> names = files.map(p -> p.getFileName().toString()).toList();
                if (names.stream().anyMatch(n -> n.endsWith(".ok")) && names.stream().noneMatch(n -> n.endsWith(".lock"))) {
                    return true;
                }
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** A jar holding only JavalinHello, with the emulator jar (Javalin, Jetty, slf4j) on its manifest class path. */
    private static Path helloJar(Path dir, Path emulatorJar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, JavalinHello.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, emulatorJar.toUri().toString());
        Path jar = dir.resolve("javalin-hello.jar");
        String entry = JavalinHello.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream in = JavalinHello.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
