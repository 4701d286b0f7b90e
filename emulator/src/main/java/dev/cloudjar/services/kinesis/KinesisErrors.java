package dev.cloudjar.services.kinesis;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;

/** Kinesis Data Streams' errors with AWS's codes and messages (every one is a 400). */
final class KinesisErrors {
    private KinesisErrors() {
    }

    static AwsException streamNotFound(Scope scope, String name) {
        return new AwsException(400, "ResourceNotFoundException", "Stream " + name + " under account " + scope.account() + " not found.");
    }

    static AwsException streamExists(Scope scope, String name) {
        return new AwsException(400, "ResourceInUseException", "Stream " + name + " under account " + scope.account() + " already exists.");
    }

    static AwsException notActive(Scope scope, String name, String status) {
        return new AwsException(400, "ResourceInUseException",
                "Stream " + name + " under account " + scope.account() + " not ACTIVE, instead in state " + status);
    }

    static AwsException shardNotFound(Scope scope, String stream, String shardId) {
        return new AwsException(400, "ResourceNotFoundException",
                "Shard " + shardId + " in stream " + stream + " under account " + scope.account() + " does not exist");
    }

    static AwsException invalid(String message) {
        return new AwsException(400, "InvalidArgumentException", message);
    }

    static AwsException limit(String message) {
        return new AwsException(400, "LimitExceededException", message);
    }

    static AwsException resourceNotFound(String message) {
        return new AwsException(400, "ResourceNotFoundException", message);
    }

    static AwsException inUse(String message) {
        return new AwsException(400, "ResourceInUseException", message);
    }

    static AwsException expiredIterator(String message) {
        return new AwsException(400, "ExpiredIteratorException", message);
    }

    /** AWS's model validation message; Kinesis answers it as ValidationException. */
    static AwsException validation(Object value, String member, String constraint) {
        return new AwsException(400, "ValidationException", "1 validation error detected: Value "
                + (value == null ? "null" : "'" + value + "'") + " at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    /** A constraint on a value too long to echo (record data): AWS leaves the value out. */
    static AwsException validationNoValue(String member, String constraint) {
        return new AwsException(400, "ValidationException", "1 validation error detected: Value at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    static AwsException missing(String member) {
        return validation(null, member, "Member must not be null");
    }
}
