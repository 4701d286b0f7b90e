package dev.cloudjar.services.lambda.invoke;

import dev.cloudjar.core.Scope;

/**
 * One queued asynchronous invocation: the target as the caller named it (function name and
 * qualifier), the event, its request id, when it was queued and how many attempts were made.
 */
public record AsyncEvent(Scope scope, String functionName, String qualifier, byte[] payload, String requestId,
                         long enqueuedMillis, int attempts) {
    AsyncEvent nextAttempt() {
        return new AsyncEvent(scope, functionName, qualifier, payload, requestId, enqueuedMillis, attempts + 1);
    }
}
