package dev.cloudjar.services.eventbridge;

import dev.cloudjar.core.AwsException;

/** EventBridge's error codes and AWS's message texts. */
public final class EventBridgeErrors {
    private EventBridgeErrors() {
    }

    public static AwsException validation(String message) {
        return new AwsException(400, "ValidationException", message);
    }

    static AwsException ruleNotFound(String rule, String bus) {
        return new AwsException(400, "ResourceNotFoundException", "Rule " + rule + " does not exist on EventBus " + bus + ".");
    }

    static AwsException busNotFound(String bus) {
        return new AwsException(400, "ResourceNotFoundException", "Event bus " + bus + " does not exist.");
    }

    static AwsException busExists(String bus) {
        return new AwsException(400, "ResourceAlreadyExistsException", "Event bus " + bus + " already exists.");
    }

    static AwsException invalidPattern(String reason) {
        return new AwsException(400, "InvalidEventPatternException", "Event pattern is not valid. Reason: " + reason);
    }

    static AwsException invalidSchedule() {
        return validation("Parameter ScheduleExpression is not valid.");
    }

    static AwsException limitExceeded(String message) {
        return new AwsException(400, "LimitExceededException", message);
    }

    /** AWS's constraint message for one member, e.g. a name that is too long or has a bad character. */
    public static AwsException constraint(String value, String member, String constraint) {
        return validation("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }
}
