package dev.cloudjar.services.lambda.esm;

import dev.cloudjar.core.Scope;
import dev.cloudjar.services.lambda.runtime.InvocationResult;

/** What mapping workers need from the Lambda backend. */
public interface MappingInvoker {
    /** The function's ARN (qualified when the name carried a qualifier); throws ResourceNotFoundException. */
    String functionArn(Scope scope, String functionName);

    /** Runs the function synchronously; function errors are in the result. */
    InvocationResult invoke(Scope scope, String functionArn, byte[] payload);

    /** Sends an OnFailure record to an SQS, SNS or Lambda ARN. */
    void deliver(Scope scope, String targetArn, String body);
}
