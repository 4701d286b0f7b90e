package dev.cloudjar.services.lambda.runtime;

/**
 * The handler could not be set up (class missing, no matching method, constructor failed). Carries
 * the error type the Java runtime reports, e.g. {@code java.lang.ClassNotFoundException}.
 */
public final class HandlerInitException extends RuntimeException {
    private final String errorType;

    public HandlerInitException(String errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    public String errorType() {
        return errorType;
    }
}
