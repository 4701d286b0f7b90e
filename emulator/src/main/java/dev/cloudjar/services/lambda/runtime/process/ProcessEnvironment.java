package dev.cloudjar.services.lambda.runtime.process;

import com.amazonaws.services.lambda.runtime.ClientContext;
import dev.cloudjar.services.lambda.runtime.ExecutionEnvironment;
import dev.cloudjar.services.lambda.runtime.FunctionErrors;
import dev.cloudjar.services.lambda.runtime.FunctionSpec;
import dev.cloudjar.services.lambda.runtime.InvocationLog;
import dev.cloudjar.services.lambda.runtime.InvocationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One warm instance of a Python, Node.js or custom-runtime function: a child process started on first
 * use that pulls invocations from its own {@link RuntimeApiServer}. Module-level code runs once per
 * process; an invocation is one loopback round trip (the answer to a pending {@code next}, then the
 * result POST). A timeout kills the process; a process that exits answers {@code Runtime.ExitError}.
 * The process keeps a pipe on stdin that the bootstraps watch, so it exits when CloudJar dies.
 */
final class ProcessEnvironment implements ExecutionEnvironment, RuntimeApiServer.Listener {
    private static final long MIN_INIT_MILLIS = 10_000;
    private static final long OUTPUT_WAIT_MILLIS = 1_000;
    private static final Object CLOSED = new Object();
    private static final byte[] EMPTY_EVENT = {'{', '}'};

    /** Builds the command once the Runtime API address is known. */
    interface Launcher {
        ProcessBuilder build(String runtimeApi);
    }

    /** What the runtime answered for an invocation (or for init). */
    private record Outcome(Kind kind, String errorType, byte[] body, int exitStatus) {
        enum Kind { READY, RESPONSE, ERROR, INIT_ERROR, EXIT }
    }

    private static final Outcome READY = new Outcome(Outcome.Kind.READY, null, null, 0);

    private final FunctionSpec spec;
    private final Clock clock;
    private final InvocationLog.LogEcho echo;
    private final Launcher launcher;
    private final boolean printsMarkers;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<Outcome> ready = new CompletableFuture<>();
    private final Object lock = new Object();
    private RuntimeApiServer server;
    private Process process;
    private ChildOutput output;
    private String currentId;
    private CompletableFuture<Outcome> current;
    private volatile boolean usable = true;
    /** The CloudWatch Logs stream of this environment, also the process's AWS_LAMBDA_LOG_STREAM_NAME. */
    private final String logStreamName;
    private volatile long lastUsedNanos = System.nanoTime();

    ProcessEnvironment(FunctionSpec spec, Clock clock, InvocationLog.LogEcho echo, String logStreamName, Launcher launcher) {
        this.spec = spec;
        this.logStreamName = logStreamName;
        this.clock = clock;
        this.echo = echo;
        this.launcher = launcher;
        this.printsMarkers = !spec.runtime().startsWith("provided");
    }

    @Override
    public boolean usable() {
        return usable;
    }

    @Override
    public long idleNanos() {
        return System.nanoTime() - lastUsedNanos;
    }

    @Override
    public InvocationResult invoke(byte[] payload, String requestId, String invokedArn, ClientContext clientContext) {
        InvocationLog log = new InvocationLog(spec.functionName(), echo, clock, logStreamName);
        ExecutionEnvironment.start(log, requestId, spec);
        long started = System.nanoTime();
        String initDuration = null;
        byte[] response;
        String functionError = "Unhandled";
        try {
            if (process == null) {
                long initStart = System.nanoTime();
                Outcome init = start(log).get(Math.max(MIN_INIT_MILLIS, spec.timeoutSeconds() * 1000L), TimeUnit.MILLISECONDS);
                initDuration = ExecutionEnvironment.millis(System.nanoTime() - initStart);
                started = System.nanoTime();
                if (init != READY) {
                    response = failure(init, requestId, log);
                    return finish(log, requestId, started, initDuration, response, functionError);
                }
            }
            long markersSeen = output.attach(log);
            CompletableFuture<Outcome> outcome = new CompletableFuture<>();
            synchronized (lock) {
                currentId = requestId;
                current = outcome;
            }
            long deadline = clock.millis() + spec.timeoutSeconds() * 1000L;
            queue.add(new RuntimeApiServer.Invocation(requestId, payload == null || payload.length == 0 ? EMPTY_EVENT : payload,
                    deadline, invokedArn, traceId(requestId), RuntimeErrors.clientContext(clientContext), null));
            Outcome result = outcome.get(spec.timeoutSeconds() * 1000L, TimeUnit.MILLISECONDS);
            if (result.kind() == Outcome.Kind.RESPONSE) {
                awaitOutput(markersSeen);
                functionError = null;
                response = result.body();
                if (response.length > RuntimeApiServer.MAX_BODY_BYTES - 1024) {
                    functionError = "Unhandled";
                    response = FunctionErrors.simple("Function.ResponseSizeTooLarge",
                            "Response payload size exceeded maximum allowed payload size (6291556 bytes).");
                }
            } else {
                if (result.kind() == Outcome.Kind.ERROR) {
                    awaitOutput(markersSeen);
                }
                response = failure(result, requestId, log);
            }
        } catch (TimeoutException timeout) {
            kill();
            ExecutionEnvironment.timedOut(log, clock, requestId, spec);
            response = FunctionErrors.timeout(requestId, spec.timeoutSeconds());
        } catch (ExecutionException | IOException | RuntimeException launch) {
            kill();
            Throwable cause = launch instanceof ExecutionException e ? e.getCause() : launch;
            log.append("RequestId: " + requestId + " Error: " + cause.getMessage() + "\nRuntime.InvalidEntrypoint\n");
            response = FunctionErrors.simple("Runtime.InvalidEntrypoint", "RequestId: " + requestId + " Error: " + cause.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            kill();
            response = FunctionErrors.timeout(requestId, spec.timeoutSeconds());
        }
        return finish(log, requestId, started, initDuration, response, functionError);
    }

    private InvocationResult finish(InvocationLog log, String requestId, long started, String initDuration, byte[] response,
                                    String functionError) {
        synchronized (lock) {
            currentId = null;
            current = null;
        }
        ExecutionEnvironment.finish(log, requestId, spec, System.nanoTime() - started, initDuration, memoryUsedMb());
        if (output != null) {
            output.attach(null);
        }
        lastUsedNanos = System.nanoTime();
        return new InvocationResult(response, functionError, spec.version(), log);
    }

    /** The answer for an error, an init error or an exit; the latter two end the environment. */
    private byte[] failure(Outcome outcome, String requestId, InvocationLog log) {
        switch (outcome.kind()) {
            case ERROR:
                return outcome.body();
            case INIT_ERROR:
                usable = false;
                output.awaitEnd(OUTPUT_WAIT_MILLIS);
                kill();
                return outcome.body();
            default:
                usable = false;
                output.awaitEnd(OUTPUT_WAIT_MILLIS);
                String message = "Runtime exited with error: exit status " + outcome.exitStatus();
                ExecutionEnvironment.exited(log, requestId, message);
                return FunctionErrors.exited(requestId, outcome.exitStatus());
        }
    }

    private void awaitOutput(long markersSeen) {
        if (printsMarkers) {
            output.awaitMarker(markersSeen, OUTPUT_WAIT_MILLIS);
        } else {
            output.drain(3, 50);
        }
    }

    private CompletableFuture<Outcome> start(InvocationLog log) throws IOException {
        server = new RuntimeApiServer(this);
        ProcessBuilder builder = launcher.build(server.address());
        process = builder.start();
        output = new ChildOutput(process.getInputStream(), spec.functionName(), echo);
        output.attach(log);
        process.onExit().thenAccept(p -> exited(p.exitValue()));
        return ready;
    }

    private void exited(int status) {
        usable = false;
        Outcome exit = new Outcome(Outcome.Kind.EXIT, null, null, status);
        ready.complete(exit);
        complete(null, exit);
        queue.add(CLOSED);
    }

    private boolean complete(String requestId, Outcome outcome) {
        synchronized (lock) {
            if (current == null || (requestId != null && !requestId.equals(currentId))) {
                return false;
            }
            return current.complete(outcome);
        }
    }

    @Override
    public RuntimeApiServer.Invocation next() throws InterruptedException {
        ready.complete(READY);
        Object next = queue.take();
        if (next == CLOSED) {
            queue.add(CLOSED);
            return null;
        }
        return (RuntimeApiServer.Invocation) next;
    }

    @Override
    public boolean response(String requestId, byte[] body) {
        return complete(requestId, new Outcome(Outcome.Kind.RESPONSE, null, body, 0));
    }

    @Override
    public boolean error(String requestId, String errorType, byte[] body) {
        return complete(requestId, new Outcome(Outcome.Kind.ERROR, errorType, RuntimeErrors.shaped(errorType, body), 0));
    }

    @Override
    public void initError(String errorType, byte[] body) {
        Outcome failed = new Outcome(Outcome.Kind.INIT_ERROR, errorType, RuntimeErrors.shaped(errorType, body), 0);
        ready.complete(failed);
        complete(null, failed);
    }

    /** Root=1-time-id;Parent=id;Sampled=0, derived from the request id (no randomness needed). */
    private String traceId(String requestId) {
        String hex = (requestId.replace("-", "") + "0".repeat(32)).substring(0, 32);
        return "Root=1-" + Long.toHexString(clock.millis() / 1000) + "-" + hex.substring(8) + ";Parent="
                + hex.substring(16) + ";Sampled=0";
    }

    /** The process's peak resident set (VmHWM) where /proc has it, else 1 MB. */
    private int memoryUsedMb() {
        if (process == null) {
            return 1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (int) Math.max(1, Math.min(spec.memorySize(), kb / 1024));
                }
            }
        } catch (IOException | UncheckedIOException | NumberFormatException gone) {
            // not Linux, or the process is gone
        }
        return 1;
    }

    private void kill() {
        usable = false;
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        kill();
        queue.add(CLOSED);
        if (server != null) {
            server.close();
        }
    }
}
