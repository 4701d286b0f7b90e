package dev.cloudjar.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A server the benchmark started as a child process: its pid (for CPU and memory from /proc), its
 * endpoint, and how long it took from spawn to the first successful request.
 */
public final class ServerProcess implements AutoCloseable {
    /** Servers still running; a shutdown hook stops them if the benchmark is interrupted (Ctrl-C). */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ServerProcess::destroy), "stop-servers"));
    }

    private final ServerKind kind;
    private final Process process;
    private final int port;
    private final long startMillis;
    private final Path log;

    private ServerProcess(ServerKind kind, Process process, int port, long startMillis, Path log) {
        this.kind = kind;
        this.process = process;
        this.port = port;
        this.startMillis = startMillis;
        this.log = log;
    }

    /**
     * Spawns the server and polls its probe path every 5 ms until it answers. The clock starts just
     * before the process is spawned, so the figure includes JVM start and class loading.
     */
    public static ServerProcess start(ServerKind kind, int port, BenchOptions options, Duration timeout) throws IOException {
        List<String> command = kind.command(port, options);
        Path log = Files.createTempFile("bench-" + kind.cliName() + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (!kind.isCloudJar()) {
            // peers write files into their working directory (DynamoDB Local's metadata json): not into ours
            builder.directory(Files.createTempDirectory("bench-" + kind.cliName() + "-").toFile());
        }
        HttpProbe.status(port, kind.probePath(), 50); // warm the probe code itself (the port is closed)
        long t0 = System.nanoTime();
        Process process = builder.start();
        RUNNING.add(process);
        long deadline = t0 + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (kind.isReady(HttpProbe.status(port, kind.probePath(), 1000))) {
                long millis = (System.nanoTime() - t0) / 1_000_000;
                return new ServerProcess(kind, process, port, millis, log);
            }
            if (!process.isAlive()) {
                throw new IOException(kind.cliName() + " exited with " + process.exitValue() + " before serving; log: " + log
                        + "\n" + tail(log));
            }
            sleepMillis(5);
        }
        destroy(process);
        throw new IOException(kind.cliName() + " did not answer " + kind.probePath() + " within " + timeout + "; log: " + log
                + "\n" + tail(log));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public ServerKind kind() {
        return kind;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public long startMillis() {
        return startMillis;
    }

    /** CPU ms of the server and any processes it spawned. */
    public long cpuMillis() {
        return overTree(ProcessCpu::cpuMillis);
    }

    /** Resident memory of the server and its child processes (CloudJar started from its archive is a small parent JVM and the server child). */
    public long rssKib() {
        return overTree(ProcessCpu::rssKib);
    }

    private long overTree(java.util.function.LongUnaryOperator figure) {
        long total = figure.applyAsLong(process.pid());
        for (ProcessHandle child : (Iterable<ProcessHandle>) process.descendants()::iterator) {
            long c = figure.applyAsLong(child.pid());
            if (c > 0) {
                total += c;
            }
        }
        return total;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        destroy(process);
        try {
            Files.deleteIfExists(log); // kept only when the server failed to start (its tail is reported)
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }

    private static void destroy(Process process) {
        RUNNING.remove(process);
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
