package dev.cloudjar.services.dynamodb.model;

import dev.cloudjar.core.AwsException;

/** Builds DynamoDB's input errors, whose messages clients match on literally. */
public final class DynamoDbValidation {
    private DynamoDbValidation() {
    }

    /** A 400 ValidationException with AWS's message. */
    public static AwsException error(String message) {
        return new AwsException(400, "ValidationException", message);
    }

    /** A 400 SerializationException (malformed JSON shapes, e.g. a number where a string belongs). */
    public static AwsException serialization(String message) {
        return new AwsException(400, "SerializationException", message);
    }
}
