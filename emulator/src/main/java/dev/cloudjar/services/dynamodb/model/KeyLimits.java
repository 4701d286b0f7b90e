package dev.cloudjar.services.dynamodb.model;

/**
 * Rules for key attribute values: partition keys up to 2048 bytes, sort keys up to 1024 bytes, no
 * empty strings or binaries, with AWS's messages.
 */
public final class KeyLimits {
    public static final int MAX_HASH_KEY_BYTES = 2048;
    public static final int MAX_RANGE_KEY_BYTES = 1024;

    private KeyLimits() {
    }

    /** Validates one key attribute of a table or index key; {@code hash} selects the partition key limit. */
    public static void check(String name, AttributeValue value, boolean hash) {
        if (value instanceof AttributeValue.S s && s.value().isEmpty()) {
            throw DynamoDbValidation.error("One or more parameter values are not valid. The AttributeValue for a key"
                    + " attribute cannot contain an empty string value. Key: " + name);
        }
        if (value instanceof AttributeValue.B b && b.value().length == 0) {
            throw DynamoDbValidation.error("One or more parameter values are not valid. The AttributeValue for a key"
                    + " attribute cannot contain an empty binary value. Key: " + name);
        }
        long size = ItemSize.of(value);
        if (hash && size > MAX_HASH_KEY_BYTES) {
            // AWS's message has no space between "of" and the number.
            throw DynamoDbValidation.error("One or more parameter values were invalid: Size of hashkey has exceeded"
                    + " the maximum size limit of" + MAX_HASH_KEY_BYTES + " bytes");
        }
        if (!hash && size > MAX_RANGE_KEY_BYTES) {
            throw DynamoDbValidation.error("One or more parameter values were invalid: Aggregated size of all range"
                    + " keys has exceeded the size limit of " + MAX_RANGE_KEY_BYTES + " bytes");
        }
    }
}
