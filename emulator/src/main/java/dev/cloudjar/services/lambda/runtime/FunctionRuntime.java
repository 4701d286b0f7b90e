package dev.cloudjar.services.lambda.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import dev.cloudjar.core.IdGenerator;
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
 * Runs functions in this JVM: a pool of execution environments per function version and revision,
 * idle environments expiring after {@code idleExpiry}. Before the first function runs it installs
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

    public FunctionRuntime(Clock clock, IdGenerator ids, Duration idleExpiry, Supplier<String> endpoint,
                           InvocationLog.LogEcho echo) {
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
        prepareJvm(spec);
        EnvironmentPool pool = pools.computeIfAbsent(spec.poolKey(), key -> {
            retireOtherRevisions(spec);
            return new EnvironmentPool(spec, clock, echo, properties(spec), () -> ids.hex(16));
        });
        ExecutionEnvironment env = pool.acquire();
        try {
            return env.invoke(payload, requestId, invokedArn, clientContext);
        } finally {
            pool.release(env);
        }
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
    }
}
