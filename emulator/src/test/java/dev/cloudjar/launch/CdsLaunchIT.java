package dev.cloudjar.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import dev.cloudjar.testing.ProcessOutput;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar emulator.jar} with class-data sharing, as a user runs it: the first start creates the
 * archive in the background, the next ones run in a child JVM started from it that behaves like the
 * process the user started (answers, output, exit code) and ends with it; a broken archive or
 * {@code --no-cds} means one JVM as before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CdsLaunchIT {
    private static final Pattern READY = Pattern.compile("ready on (http://\\S+)");
    private static final Path JAR = Path.of("target", "emulator.jar");

    @TempDir
    static Path cache;

    @Test
    @Order(1)
    void theFirstStartCreatesTheArchiveInTheBackground() throws Exception {
        Server first = Server.start(List.of("--port", "0"));
        assertEquals(Optional.empty(), first.child(), "without an archive CloudJar runs in the JVM the user started");
        assertEquals(200, listBuckets(first.endpoint));
        first.stop();
        Path ok = awaitArchive();
        Path archive = ok.resolveSibling(ok.getFileName().toString().replace(".ok", ""));
        assertEquals(Long.toString(Files.size(archive)), Files.readString(ok));
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(List.of(archive, ok), files.sorted().toList(), "no lock or temporary file stays behind");
        }
    }

    @Test
    @Order(2)
    void theNextStartRunsFromTheArchiveInAChildThatEndsWithItsParent() throws Exception {
        Server server = Server.start(List.of("--port", "0"));
        ProcessHandle child = server.child().orElseThrow(() -> new AssertionError("no child JVM started from the archive"));
        assertTrue(child.info().arguments().map(List::of).orElseThrow().stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile=")
                || a.startsWith("-XX:AOTCache=")), "the child starts from the archive");
        assertEquals(200, listBuckets(server.endpoint));
        server.process.destroy(); // SIGTERM to the parent only, as a service manager sends it
        assertTrue(server.process.waitFor(60, TimeUnit.SECONDS));
        assertTrue(child.onExit().get(60, TimeUnit.SECONDS) != null && !child.isAlive(), "the child stops with its parent");

        Server killed = Server.start(List.of("--port", "0"));
        ProcessHandle orphan = killed.child().orElseThrow();
        killed.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        orphan.onExit().get(60, TimeUnit.SECONDS);
        assertFalse(orphan.isAlive(), "after kill -9 of the parent the child ends too");
    }

    @Test
    @Order(3)
    void theChildsOutputAndExitCodeAreThoseOfTheCommand() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Process process = start(List.of("--port", Integer.toString(taken.getLocalPort())));
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, process.exitValue(), output);
            assertTrue(output.contains("port " + taken.getLocalPort()), output);
        }
    }

    @Test
    @Order(4)
    void noCdsAndABrokenArchiveMeanOneJvmAsBefore() throws Exception {
        Server off = Server.start(List.of("--port", "0", "--no-cds"));
        assertEquals(Optional.empty(), off.child());
        off.stop();

        Path ok = awaitArchive();
        Path archive = ok.resolveSibling(ok.getFileName().toString().replace(".ok", ""));
        byte[] bytes = Files.readAllBytes(archive);
        Files.delete(archive);
        Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // JDK 17 would crash mapping it
        Server truncated = Server.start(List.of("--port", "0"));
        assertEquals(Optional.empty(), truncated.child(), "a truncated archive is not handed to the JVM");
        assertEquals(200, listBuckets(truncated.endpoint));
        truncated.stop();
        Path again = awaitArchive();
        assertEquals(Long.toString(Files.size(archive)), Files.readString(again), "the broken archive was made again");

        bytes = Files.readAllBytes(archive);
        Files.delete(archive);
        Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Files.writeString(again, Long.toString(bytes.length / 2)); // damaged behind the check's back
        java.nio.file.attribute.FileTime before = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 1000);
        Server crashed = Server.start(List.of("--port", "0"));
        assertEquals(200, listBuckets(crashed.endpoint), "a JVM that dies on the archive is followed by a start without it");
        crashed.stop();
        try (Stream<Path> here = Files.list(Path.of(""))) {
            for (Path report : here.filter(f -> f.getFileName().toString().matches("hs_err_pid\\d+\\.log")
                    && modifiedAfter(f, before)).toList()) {
                Files.delete(report); // the crash report JDK 17 writes into the working folder
            }
        }
        Server rebuilding = Server.start(List.of("--port", "0"));
        assertEquals(Optional.empty(), rebuilding.child(), "the crashed-on archive is not used again");
        rebuilding.stop();
        awaitArchive();
        Server next = Server.start(List.of("--port", "0"));
        assertTrue(next.child().isPresent(), "and is used again");
        next.stop();
    }

    private static boolean modifiedAfter(Path file, java.nio.file.attribute.FileTime time) {
        try {
            return Files.getLastModifiedTime(file).compareTo(time) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path awaitArchive() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(cache)) {
                List<Path> oks = files.filter(p -> p.getFileName().toString().endsWith(".ok")).toList();
                List<Path> pending;
                try (Stream<Path> all = Files.list(cache)) {
                    pending = all.filter(p -> p.getFileName().toString().endsWith(".lock")).toList();
                }
                if (!oks.isEmpty() && pending.isEmpty()) {
                    return oks.get(0);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no archive in " + cache);
    }

    private static int listBuckets(String endpoint) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0")
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Process start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CLOUDJAR_CDS_DIR", cache.toString());
        builder.environment().remove("CLOUDJAR_CDS");
        return builder.start();
    }

    /** A started jar whose output lines are collected as they come. */
    private record Server(Process process, String endpoint) {
        static Server start(List<String> args) throws Exception {
            Process process = CdsLaunchIT.start(args);
            return new Server(process, ProcessOutput.await(process, ProcessOutput.lines(process), READY));
        }

        /** The JVM CloudJar relaunched itself as (the background archive creation is not a child: it has its own session). */
        Optional<ProcessHandle> child() {
            return process.children().filter(c -> c.info().command().orElse("").endsWith("java")).findFirst();
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }
}
