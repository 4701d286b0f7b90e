package dev.cloudjar.services.sns;

import dev.cloudjar.core.AwsException;

/** SNS's error codes with AWS's status codes; the messages are AWS's literal texts. */
final class SnsErrors {
    private SnsErrors() {
    }

    static AwsException invalidParameter(String message) {
        return new AwsException(400, "InvalidParameter", message);
    }

    static AwsException invalidParameterValue(String message) {
        return new AwsException(400, "ParameterValueInvalid", message);
    }

    static AwsException topicNotFound() {
        return new AwsException(404, "NotFound", "Topic does not exist");
    }

    static AwsException subscriptionNotFound() {
        return new AwsException(404, "NotFound", "Subscription does not exist");
    }

    static AwsException resourceNotFound() {
        return new AwsException(404, "ResourceNotFound", "Resource does not exist");
    }

    static AwsException validation(String message) {
        return new AwsException(400, "ValidationError", message);
    }

    /** "An ARN must have at least 6 elements, not N" for the named parameter. */
    static AwsException malformedArn(String parameter, String value) {
        int count = value == null ? 1 : value.split(":", -1).length;
        return invalidParameter("Invalid parameter: " + parameter + " Reason: An ARN must have at least 6 elements, not " + count);
    }
}
