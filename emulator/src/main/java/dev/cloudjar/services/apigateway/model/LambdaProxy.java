package dev.cloudjar.services.apigateway.model;

import dev.cloudjar.core.Scope;

/** The port through which the invoke path calls a Lambda function synchronously (filled in integration/). */
public interface LambdaProxy {
    /** Invokes the function (name or ARN, qualifier allowed); function errors are in the result, not thrown. */
    Result invoke(Scope scope, String function, byte[] payload);

    /** The function's answer, and whether it failed (threw or timed out). */
    record Result(byte[] payload, boolean failed) {
    }
}
