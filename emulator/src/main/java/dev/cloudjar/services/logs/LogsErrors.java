package dev.cloudjar.services.logs;

import dev.cloudjar.core.AwsException;

/** CloudWatch Logs' errors with AWS's codes and messages (every one is a 400). */
final class LogsErrors {
    private LogsErrors() {
    }

    static AwsException groupNotFound() {
        return new AwsException(400, "ResourceNotFoundException", "The specified log group does not exist.");
    }

    static AwsException streamNotFound() {
        return new AwsException(400, "ResourceNotFoundException", "The specified log stream does not exist.");
    }

    static AwsException groupExists() {
        return new AwsException(400, "ResourceAlreadyExistsException", "The specified log group already exists");
    }

    static AwsException streamExists() {
        return new AwsException(400, "ResourceAlreadyExistsException", "The specified log stream already exists");
    }

    static AwsException invalid(String message) {
        return new AwsException(400, "InvalidParameterException", message);
    }

    /** AWS's model validation message, which CloudWatch Logs answers as InvalidParameterException. */
    static AwsException validation(Object value, String member, String constraint) {
        return invalid("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    static AwsException missing(String member) {
        return validation(null, member, "Member must not be null");
    }
}
