package dev.cloudjar.services.eventbridge.pattern;

/** A pattern EventBridge would refuse; the message is AWS's reason text. */
public final class InvalidPatternException extends RuntimeException {
    public InvalidPatternException(String reason) {
        super(reason, null, false, false);
    }
}
