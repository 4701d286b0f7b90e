package dev.cloudjar.services.lambda.runtime;

/**
 * The outcome of one invocation: the response payload (the function's result, or its error in the
 * runtime's JSON shape), {@code functionError} ("Unhandled" when the function failed, else null), the
 * executed version and the invocation's log.
 */
public record InvocationResult(byte[] payload, String functionError, String executedVersion, InvocationLog log) {
    public boolean failed() {
        return functionError != null;
    }
}
