package dev.cloudjar.services.lambda.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import dev.cloudjar.services.lambda.code.UnpackedCode;
import dev.cloudjar.services.lambda.runtime.guard.FunctionExit;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One warm instance of a Java function: its own class loader (so static initialisation runs once per
 * instance, as in a fresh Lambda sandbox), one handler instance, and one thread that runs one
 * invocation at a time. A timeout interrupts that thread and discards the environment; so does an
 * Error (out of memory, stack overflow) escaping the handler. CloudJar never waits on a discarded
 * environment's thread: it is a daemon and is abandoned if it ignores the interrupt.
 */
final class JavaEnvironment implements ExecutionEnvironment {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;
    private static final long MIN_INIT_MILLIS = 10_000;

    private final FunctionSpec spec;
    private final Clock clock;
    private final InvocationLog.LogEcho echo;
    private final FunctionClassLoader loader;
    private final ExecutorService thread;
    private final LogCapture.Sink sink = new LogCapture.Sink();
    private final String logStreamName;
    private HandlerInvoker handler;
    private volatile boolean usable = true;
    private volatile long lastUsedNanos = System.nanoTime();
    private volatile Thread worker;

    JavaEnvironment(FunctionSpec spec, UnpackedCode code, Clock clock, InvocationLog.LogEcho echo,
                    Map<String, String> properties, String instanceId) {
        this.spec = spec;
        this.clock = clock;
        this.echo = echo;
        int ordinal = COUNTER.incrementAndGet();
        this.loader = new FunctionClassLoader("lambda-" + spec.functionName() + "-" + ordinal, code.classPath());
        this.logStreamName = ExecutionEnvironment.logStreamName(clock, spec, instanceId);
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(() -> {
                LogCapture.bind(sink);
                FunctionProperties.bind(withStream(properties));
                task.run();
            }, "lambda-" + spec.functionName() + "-" + ordinal);
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            worker = t;
            return t;
        });
    }

    private Map<String, String> withStream(Map<String, String> properties) {
        java.util.HashMap<String, String> all = new java.util.HashMap<>(properties);
        all.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName);
        return Map.copyOf(all);
    }

    @Override
    public boolean usable() {
        return usable;
    }

    @Override
    public long idleNanos() {
        return System.nanoTime() - lastUsedNanos;
    }

    /** Runs one invocation: init on first use, then the handler, bounded by the function's timeout. */
    @Override
    public InvocationResult invoke(byte[] payload, String requestId, String invokedArn, ClientContext clientContext) {
        InvocationLog log = new InvocationLog(spec.functionName(), echo, clock, logStreamName);
        sink.attach(log);
        ExecutionEnvironment.start(log, requestId, spec);
        long started = System.nanoTime();
        String initDuration = null;
        byte[] response;
        String functionError = null;
        try {
            if (handler == null) {
                long initStart = System.nanoTime();
                handler = run(() -> HandlerInvoker.resolve(spec.handler(), loader),
                        Math.max(MIN_INIT_MILLIS, spec.timeoutSeconds() * 1000L));
                initDuration = ExecutionEnvironment.millis(System.nanoTime() - initStart);
                started = System.nanoTime();
            }
            long deadline = clock.millis() + spec.timeoutSeconds() * 1000L;
            CloudJarContext context = new CloudJarContext(requestId, spec, invokedArn, logStreamName, deadline,
                    clock, clientContext, log);
            HandlerInvoker bound = handler;
            response = run(() -> bound.invoke(payload, context), spec.timeoutSeconds() * 1000L);
            if (response.length > MAX_RESPONSE_BYTES) {
                functionError = "Unhandled";
                response = FunctionErrors.simple("Function.ResponseSizeTooLarge",
                        "Response payload size exceeded maximum allowed payload size (6291556 bytes).");
            }
        } catch (TimeoutException timeout) {
            usable = false;
            functionError = "Unhandled";
            ExecutionEnvironment.timedOut(log, clock, requestId, spec);
            response = FunctionErrors.timeout(requestId, spec.timeoutSeconds());
        } catch (FunctionExit exit) {
            usable = false;
            functionError = "Unhandled";
            ExecutionEnvironment.exited(log, requestId, exit.getMessage());
            response = FunctionErrors.exited(requestId, exit.status());
        } catch (Throwable error) {
            if (error instanceof Error || error instanceof HandlerInitException) {
                usable = false;
            }
            functionError = "Unhandled";
            response = FunctionErrors.fromThrowable(error);
            log.append(new String(response, java.nio.charset.StandardCharsets.UTF_8) + "\n"); // the runtime logs the error document too
        }
        long elapsed = System.nanoTime() - started;
        ExecutionEnvironment.finish(log, requestId, spec, elapsed, initDuration, memoryUsedMb());
        sink.attach(null);
        lastUsedNanos = System.nanoTime();
        return new InvocationResult(response, functionError, spec.version(), log);
    }

    /** A task of the function's, run on the environment's thread within a time limit. */
    private interface FunctionTask<T> {
        T call() throws Throwable;
    }

    private <T> T run(FunctionTask<T> task, long limitMillis) throws Throwable {
        Future<T> future = thread.submit(() -> {
            try {
                return task.call();
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new ExecutionException(t);
            }
        });
        try {
            return future.get(limitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ExecutionException inner ? inner.getCause() : e.getCause();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        }
    }

    private int memoryUsedMb() {
        Runtime rt = Runtime.getRuntime();
        long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        return (int) Math.max(1, Math.min(spec.memorySize(), usedMb));
    }

    @Override
    public void close() {
        usable = false;
        thread.shutdownNow();
        RunawayThreads.reap(worker, spec.functionName());
        try {
            loader.close();
        } catch (IOException ignored) {
            // the loader only holds files of the unpacked package
        }
    }
}
