package dev.cloudjar.services.lambda.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.services.lambda.runtime.process.ProcessRuntimes;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs functions: a pool of execution environments per function version and revision, idle
 * environments expiring after {@code idleExpiry}; Java in this JVM, other runtimes as child processes
 * ({@link ProcessRuntimes}). Before the first function runs it installs
 * the per-thread log capture and the per-function system properties, and sets the JVM-wide SDK
 * settings ({@code aws.endpointUrl}, {@code aws.region}, credentials) where nobody set them.
 */
public final class FunctionRuntime implements AutoCloseable {
    private final Clock clock;
    private final IdGenerator ids;
    private final long idleExpiryNanos;
    private final Supplier<String> endpoint;
    private final InvocationLog.LogEcho echo;
    private final Map<String, EnvironmentPool> pools = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;
    private final ProcessRuntimes processes;

    /** With python3 and node from PATH. */
    public FunctionRuntime(Clock clock, IdGenerator ids, Duration idleExpiry, Supplier<String> endpoint,
                           InvocationLog.LogEcho echo) {
        this(clock, ids, idleExpiry, endpoint, echo, new ProcessRuntimes(null, null, endpoint, clock, echo));
    }

    public FunctionRuntime(Clock clock, IdGenerator ids, Duration idleExpiry, Supplier<String> endpoint,
                           InvocationLog.LogEcho echo, ProcessRuntimes processes) {
        this.processes = processes;
        this.clock = clock;
        this.ids = ids;
        this.idleExpiryNanos = idleExpiry.toNanos();
        this.endpoint = endpoint;
        this.echo = echo;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lambda-idle-sweeper");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, Math.min(30, idleExpiry.toSeconds()));
        sweeper.scheduleWithFixedDelay(this::expireIdle, period, period, TimeUnit.SECONDS);
    }

    /** Runs one invocation synchronously; function failures are in the result, not thrown. */
    public InvocationResult invoke(FunctionSpec spec, byte[] payload, String requestId, String invokedArn,
                                   ClientContext clientContext) {
        boolean process = ProcessRuntimes.handles(spec.runtime());
        if (!process) {
            prepareJvm(spec);
        }
        EnvironmentPool pool = pools.computeIfAbsent(spec.poolKey(), key -> {
            retireOtherRevisions(spec);
            if (process) {
                return new EnvironmentPool(spec, (code, id) -> processes.create(spec, code, id), () -> ids.hex(16));
            }
            Map<String, String> properties = properties(spec);
            return new EnvironmentPool(spec, (code, id) -> new JavaEnvironment(spec, code, clock, echo, properties, id),
                    () -> ids.hex(16));
        });
        ExecutionEnvironment env = pool.acquire();
        try {
            return env.invoke(payload, requestId, invokedArn, clientContext);
        } finally {
            pool.release(env);
        }
    }

    /** Why a function of this runtime cannot run on this machine (a missing interpreter), or null. */
    public String problem(String runtime) {
        return processes.problem(runtime);
    }

    /** Drops every warm environment of a function (all versions): it was updated or deleted. */
    public void discard(String functionArn) {
        String prefix = functionArn + ":";
        pools.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(prefix)) {
                e.getValue().close();
                return true;
            }
            return false;
        });
    }

    private void retireOtherRevisions(FunctionSpec spec) {
        String prefix = spec.functionArn() + ":" + spec.version() + "#";
        pools.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(prefix) && !e.getKey().equals(spec.poolKey())) {
                e.getValue().close();
                return true;
            }
            return false;
        });
    }

    private void prepareJvm(FunctionSpec spec) {
        LogCapture.install();
        FunctionProperties.install();
        String url = endpoint.get();
        if (url != null) {
            FunctionProperties.setIfUnset("aws.endpointUrl", url);
        }
        FunctionProperties.setIfUnset("aws.region", spec.region());
        FunctionProperties.setIfUnset("aws.accessKeyId", spec.account());
        FunctionProperties.setIfUnset("aws.secretAccessKey", "cloudjar");
    }

    /** What a function's threads read through System.getProperty (see FunctionProperties). */
    private Map<String, String> properties(FunctionSpec spec) {
        Map<String, String> p = new HashMap<>(spec.variables());
        p.put("AWS_REGION", spec.region());
        p.put("AWS_DEFAULT_REGION", spec.region());
        p.put("AWS_LAMBDA_FUNCTION_NAME", spec.functionName());
        p.put("AWS_LAMBDA_FUNCTION_VERSION", spec.version());
        p.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memorySize()));
        p.put("AWS_LAMBDA_LOG_GROUP_NAME", spec.logGroupName());
        p.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + spec.runtime());
        p.put("_HANDLER", spec.handler());
        p.put("AWS_ACCESS_KEY_ID", spec.account());
        p.put("AWS_SECRET_ACCESS_KEY", "cloudjar");
        p.put("aws.region", spec.region());
        p.put("aws.accessKeyId", spec.account());
        p.put("aws.secretAccessKey", "cloudjar");
        String url = endpoint.get();
        if (url != null) {
            p.put("aws.endpointUrl", url);
            p.put("AWS_ENDPOINT_URL", url);
        }
        return Map.copyOf(p);
    }

    private void expireIdle() {
        pools.entrySet().removeIf(e -> {
            boolean empty = e.getValue().expireIdle(idleExpiryNanos);
            if (empty) {
                e.getValue().close();
            }
            return empty;
        });
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        pools.values().forEach(EnvironmentPool::close);
        pools.clear();
        processes.close();
    }
}
