package dev.cloudjar.services.lambda.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One warm instance of a function that runs one invocation at a time: a class loader in this JVM
 * ({@link JavaEnvironment}) or a child process speaking the Runtime API (process/ProcessEnvironment).
 * The pool, timeouts, concurrency, logs and event source mappings only see this interface. The
 * static helpers write the log lines both kinds share, so LogType=Tail reads the same either way.
 */
public interface ExecutionEnvironment extends AutoCloseable {
    DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    /** Runs one invocation (init on first use); function failures are in the result, never thrown. */
    InvocationResult invoke(byte[] payload, String requestId, String invokedArn, ClientContext clientContext);

    /** False once the environment may not be reused (timed out, crashed, closed). */
    boolean usable();

    long idleNanos();

    @Override
    void close();

    /** {@code YYYY/MM/DD/[version]<instance id>}: one log stream per environment, as on AWS. */
    static String logStreamName(Clock clock, FunctionSpec spec, String instanceId) {
        return STREAM_DATE.format(clock.instant()) + "/[" + spec.version() + "]" + instanceId;
    }

    static void start(InvocationLog log, String requestId, FunctionSpec spec) {
        log.append("START RequestId: " + requestId + " Version: " + spec.version() + "\n");
    }

    static void timedOut(InvocationLog log, Clock clock, String requestId, FunctionSpec spec) {
        log.append(Instant.now(clock) + " " + requestId + " Task timed out after " + spec.timeoutSeconds() + ".00 seconds\n");
    }

    static void exited(InvocationLog log, String requestId, String message) {
        log.append("RequestId: " + requestId + " Error: " + message + "\nRuntime.ExitError\n");
    }

    /** END and REPORT; {@code initDuration} is null on a warm start. */
    static void finish(InvocationLog log, String requestId, FunctionSpec spec, long elapsedNanos, String initDuration,
                       int memoryUsedMb) {
        log.append("END RequestId: " + requestId + "\n");
        log.append("REPORT RequestId: " + requestId + "\tDuration: " + millis(elapsedNanos) + " ms\tBilled Duration: "
                + Math.max(1, (long) Math.ceil(elapsedNanos / 1_000_000.0)) + " ms\tMemory Size: " + spec.memorySize()
                + " MB\tMax Memory Used: " + memoryUsedMb + " MB\t"
                + (initDuration == null ? "" : "Init Duration: " + initDuration + " ms\t") + "\n");
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1_000_000.0);
    }
}
