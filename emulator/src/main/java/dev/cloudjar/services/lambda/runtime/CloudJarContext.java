package dev.cloudjar.services.lambda.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** The {@link Context} a handler receives: identity, limits, a countdown to its deadline and its logger. */
public final class CloudJarContext implements Context {
    private final String requestId;
    private final FunctionSpec spec;
    private final String invokedArn;
    private final String logStreamName;
    private final long deadlineMillis;
    private final Clock clock;
    private final ClientContext clientContext;
    private final LambdaLogger logger;

    public CloudJarContext(String requestId, FunctionSpec spec, String invokedArn, String logStreamName,
                           long deadlineMillis, Clock clock, ClientContext clientContext, InvocationLog log) {
        this.requestId = requestId;
        this.spec = spec;
        this.invokedArn = invokedArn;
        this.logStreamName = logStreamName;
        this.deadlineMillis = deadlineMillis;
        this.clock = clock;
        this.clientContext = clientContext;
        this.logger = new Logger(log);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return spec.logGroupName();
    }

    @Override
    public String getLogStreamName() {
        return logStreamName;
    }

    @Override
    public String getFunctionName() {
        return spec.functionName();
    }

    @Override
    public String getFunctionVersion() {
        return spec.version();
    }

    @Override
    public String getInvokedFunctionArn() {
        return invokedArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return clientContext;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - clock.millis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return spec.memorySize();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /** LambdaLogger writes straight into the invocation's log, as the runtime's logger does. */
    private static final class Logger implements LambdaLogger {
        private final InvocationLog log;

        Logger(InvocationLog log) {
            this.log = log;
        }

        @Override
        public void log(String message) {
            log.append(message == null ? "null" : message);
        }

        @Override
        public void log(byte[] message) {
            log.append(new String(message, StandardCharsets.UTF_8));
        }

        @Override
        public void log(String message, LogLevel level) {
            log(message);
        }

        @Override
        public void log(byte[] message, LogLevel level) {
            log(message);
        }
    }
}
