package dev.cloudjar.services.lambda.runtime;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.services.lambda.code.CodeUnpacker;
import dev.cloudjar.services.lambda.code.UnpackedCode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * The execution environments of one function version (at one revision): warm ones wait in a stack
 * so the most recently used is reused first; reserved concurrency caps how many may run at once.
 * The package is unpacked once per pool and shared by its environments (class loaders or processes).
 */
final class EnvironmentPool implements AutoCloseable {
    private final FunctionSpec spec;
    private final Factory factory;
    private final Supplier<String> instanceIds;
    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private UnpackedCode code;
    private int busy;
    private boolean retired;

    /** Makes a new environment of the pool's function: a class loader or a process. */
    interface Factory {
        ExecutionEnvironment create(UnpackedCode code, String instanceId);
    }

    EnvironmentPool(FunctionSpec spec, Factory factory, Supplier<String> instanceIds) {
        this.spec = spec;
        this.factory = factory;
        this.instanceIds = instanceIds;
    }

    /** A warm environment, or a new one; throws TooManyRequestsException over reserved concurrency. */
    synchronized ExecutionEnvironment acquire() {
        while (!idle.isEmpty()) {
            ExecutionEnvironment env = idle.pop();
            if (env.usable()) {
                busy++;
                return env;
            }
            env.close();
        }
        Integer reserved = spec.reservedConcurrency();
        if (reserved != null && busy >= reserved) {
            throw new AwsException(429, "TooManyRequestsException", "Rate Exceeded.")
                    .with("Reason", "ReservedFunctionConcurrentInvocationLimitExceeded");
        }
        if (code == null) {
            code = spec.code().get();
        }
        busy++;
        try {
            return factory.create(code, instanceIds.get());
        } catch (RuntimeException e) {
            busy--;
            throw e;
        }
    }

    synchronized void release(ExecutionEnvironment env) {
        busy--;
        if (env.usable() && !retired) {
            idle.push(env);
        } else {
            env.close();
        }
        if (retired && busy == 0) {
            deleteCode();
        }
    }

    /** Closes environments idle for longer than the expiry; true when the pool is now empty. */
    synchronized boolean expireIdle(long expiryNanos) {
        Iterator<ExecutionEnvironment> it = idle.iterator();
        while (it.hasNext()) {
            ExecutionEnvironment env = it.next();
            if (env.idleNanos() > expiryNanos || !env.usable()) {
                it.remove();
                env.close();
            }
        }
        return idle.isEmpty() && busy == 0;
    }

    /** Stops reuse (code or configuration changed, or the function is gone). */
    @Override
    public synchronized void close() {
        retired = true;
        idle.forEach(ExecutionEnvironment::close);
        idle.clear();
        if (busy == 0) {
            deleteCode();
        }
    }

    private void deleteCode() {
        if (code != null) {
            CodeUnpacker.delete(code.directory());
            code.layerRoots().forEach(CodeUnpacker::delete);
            code = null;
        }
    }
}
