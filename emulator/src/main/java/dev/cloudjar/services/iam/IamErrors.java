package dev.cloudjar.services.iam;

import dev.cloudjar.core.AwsException;

/** IAM's error codes with the statuses of the 2010-05-08 model; the messages are AWS's texts. */
final class IamErrors {
    private IamErrors() {
    }

    static AwsException noSuchEntity(String message) {
        return new AwsException(404, "NoSuchEntity", message);
    }

    static AwsException alreadyExists(String message) {
        return new AwsException(409, "EntityAlreadyExists", message);
    }

    static AwsException deleteConflict(String message) {
        return new AwsException(409, "DeleteConflict", message);
    }

    static AwsException limitExceeded(String message) {
        return new AwsException(409, "LimitExceeded", message);
    }

    static AwsException invalidInput(String message) {
        return new AwsException(400, "InvalidInput", message);
    }

    static AwsException validation(String message) {
        return new AwsException(400, "ValidationError", message);
    }

    static AwsException malformedPolicy(String message) {
        return new AwsException(400, "MalformedPolicyDocument", message);
    }

    static AwsException noSuchRole(String name) {
        return noSuchEntity("The role with name " + name + " cannot be found.");
    }

    static AwsException noSuchUser(String name) {
        return noSuchEntity("The user with name " + name + " cannot be found.");
    }

    static AwsException noSuchPolicy(String arn) {
        return noSuchEntity("Policy " + arn + " was not found.");
    }

    static AwsException notAttachable(String arn) {
        return noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
    }

    static AwsException noSuchInstanceProfile(String name) {
        return noSuchEntity("Instance Profile " + name + " cannot be found.");
    }

    /** "1 validation error detected: Value 'x' at 'member' failed to satisfy constraint: ..." */
    static AwsException constraint(Object value, String member, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        return validation("1 validation error detected: Value " + shown + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }
}
