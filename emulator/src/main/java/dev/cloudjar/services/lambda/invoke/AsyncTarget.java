package dev.cloudjar.services.lambda.invoke;

import dev.cloudjar.core.Scope;
import dev.cloudjar.services.lambda.model.EventInvokeConfig;
import dev.cloudjar.services.lambda.runtime.InvocationResult;
import java.util.Map;

/** What the asynchronous queue needs from the Lambda backend. */
public interface AsyncTarget {
    /** Runs the event synchronously; throws AwsException when the function no longer exists. */
    InvocationResult invoke(AsyncEvent event);

    /** The function ARN with the qualifier the event was sent to, as invocation records show it. */
    String functionArn(AsyncEvent event);

    /** The event invoke config in force for the event's function and qualifier (AWS's defaults if none). */
    EventInvokeConfig eventInvokeConfig(AsyncEvent event);

    /** The function's DeadLetterConfig target ARN, or null. */
    String deadLetterTarget(AsyncEvent event);

    /** Sends a body to an SQS, SNS or Lambda ARN. */
    void deliver(Scope scope, String targetArn, String body, Map<String, String> attributes);
}
