package dev.cloudjar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import dev.cloudjar.testing.ProcessOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar emulator.jar} as a user runs it: what it says when it cannot start, its log lines, its temp folders. */
class MainIT {
    private static final Pattern READY = Pattern.compile("ready on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path tmp;

    @Test
    void aPortInUseIsNamedWithWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Run run = run(List.of("--port", String.valueOf(taken.getLocalPort())));
            assertEquals(1, run.exit);
            assertTrue(run.output.contains("CloudJar could not start: port " + taken.getLocalPort()
                    + " on 127.0.0.1 is already in use"), run.output);
            assertTrue(run.output.contains("--port or CLOUDJAR_PORT"), run.output);
            assertFalse(run.output.contains("Failed to start Javalin"), run.output);
        }
    }

    @Test
    void anUnknownLogLevelIsRefused() throws Exception {
        Run run = run(List.of("--port", "0", "--log-level", "verbose"));
        assertEquals(2, run.exit, run.output);
        assertTrue(run.output.contains("Invalid value for option '--log-level'"), run.output);
        assertTrue(run.output.contains("verbose"), run.output);
        assertTrue(run.output.contains("trace, debug, info, warn, error"), run.output);
    }

    @Test
    void aDataDirThatCannotBeUsedSaysWhy() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        Run run = run(List.of("--port", "0", "--data-dir", file.resolve("state").toString()));
        assertEquals(1, run.exit, run.output);
        assertTrue(run.output.contains("CloudJar could not start: cannot keep state in data dir " + file.resolve("state")), run.output);
        assertTrue(run.output.contains(": a file that is not a folder is in the way") || run.output.contains("not a directory")
                || run.output.contains("Not a directory"), run.output);
    }

    @Test
    void versionIsPrinted() throws Exception {
        Run run = run(List.of("--version"));
        assertEquals(0, run.exit, run.output);
        assertTrue(run.output.matches("(?s)CloudJar \\d+\\.\\d+\\.\\d+.*"), run.output);
    }

    @Test
    void oneLinePerRequestNamesServiceAndOperationWithoutThreadNames() throws Exception {
        Server server = Server.start(javaCommand(List.of("--port", "0")));
        try {
            HttpClient http = HttpClient.newHttpClient();
            http.send(HttpRequest.newBuilder(URI.create(server.endpoint + "/logline-bucket")).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            http.send(HttpRequest.newBuilder(URI.create(server.endpoint + "/logline-bucket/a/b.txt")).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
                    HttpResponse.BodyHandlers.discarding());
            http.send(HttpRequest.newBuilder(URI.create(server.endpoint + "/logline-bucket?list-type=2")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            http.send(HttpRequest.newBuilder(URI.create(server.endpoint + "/2015-03-31/functions/nope/configuration")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            String created = server.awaitLine("CreateBucket");
            assertTrue(created.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO access - s3 CreateBucket 200 \\d+ms"), created);
            assertTrue(server.awaitLine("PutObject").matches(".* INFO access - s3 PutObject 200 \\d+ms"));
            assertTrue(server.awaitLine("ListObjectsV2").matches(".* INFO access - s3 ListObjectsV2 200 \\d+ms"));
            assertTrue(server.awaitLine("GetFunctionConfiguration").matches(".* INFO access - lambda GetFunctionConfiguration 404 \\d+ms"));
        } finally {
            server.stop();
        }
    }

    @Test
    void temporaryFoldersGoOnExitAndAfterKillDashNineAtTheNextStart() throws Exception {
        Server killed = Server.start(javaCommand(List.of("--port", "0")));
        putObject(killed.endpoint);
        List<Path> left = ownFolders();
        assertFalse(left.isEmpty(), "an in-memory CloudJar holding an object has a temp folder");
        killed.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertEquals(137, killed.process.exitValue());
        assertEquals(left, ownFolders(), "kill -9 leaves the folders behind");

        Server next = Server.start(javaCommand(List.of("--port", "0")));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (left.stream().anyMatch(Files::exists) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        left.forEach(p -> assertFalse(Files.exists(p), p + " was removed at the next start"));
        putObject(next.endpoint);
        assertFalse(ownFolders().isEmpty());
        next.process.destroy(); // SIGTERM: the shutdown hook closes CloudJar
        assertTrue(next.process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(List.of(), ownFolders(), "a CloudJar stopped normally leaves no temp folder");
    }

    private static void putObject(String endpoint) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(URI.create(endpoint + "/tmpcheck")).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> put = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/tmpcheck/k")).PUT(HttpRequest.BodyPublishers.ofString("body")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, put.statusCode());
    }

    private List<Path> ownFolders() throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("cloudjar-")).sorted().toList();
        }
    }

    private List<String> javaCommand(List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName()));
        command.addAll(args);
        return command;
    }

    private Run run(List<String> args) throws Exception {
        Process process = new ProcessBuilder(javaCommand(args)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "CloudJar exits: " + output);
        return new Run(process.exitValue(), output);
    }

    private record Run(int exit, String output) {
    }

    /** A CloudJar child process whose output lines are collected as they come. */
    private record Server(Process process, String endpoint, BlockingQueue<String> lines) {
        static Server start(List<String> command) throws Exception {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            BlockingQueue<String> lines = ProcessOutput.lines(process);
            return new Server(process, ProcessOutput.await(process, lines, READY), lines);
        }

        String awaitLine(String containing) throws InterruptedException {
            while (true) {
                String line = lines.poll(20, TimeUnit.SECONDS);
                if (line == null) {
                    throw new AssertionError("no log line containing " + containing);
                }
                if (line.contains(containing)) {
                    return line;
                }
            }
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
