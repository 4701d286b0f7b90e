package dev.cloudjar.services.dynamodb.transactions;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.Map;

/** One CancellationReasons entry: Code "None", "ConditionalCheckFailed" or "ValidationError", with message and item. */
public record CancellationReason(String code, String message, Map<String, AttributeValue> item) {
    public static final CancellationReason NONE = new CancellationReason("None", null, null);
}
