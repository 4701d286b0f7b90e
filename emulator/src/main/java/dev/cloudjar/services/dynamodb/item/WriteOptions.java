package dev.cloudjar.services.dynamodb.item;

/** The Return* members of a write request (null when absent). */
public record WriteOptions(String returnValues, String returnValuesOnConditionCheckFailure, String returnConsumedCapacity,
                           String returnItemCollectionMetrics) {
    public static final WriteOptions NONE = new WriteOptions(null, null, null, null);
}
