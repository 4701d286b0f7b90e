package dev.cloudjar.services.sns.filter;

/**
 * A policy AWS would reject; the message is AWS's full text (the backend turns it into an
 * {@code InvalidParameter} error), so this package does not depend on the error types of the service.
 */
public final class FilterPolicyException extends RuntimeException {
    public FilterPolicyException(String message) {
        super(message, null, false, false);
    }
}
