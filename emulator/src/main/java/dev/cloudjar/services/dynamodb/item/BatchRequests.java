package dev.cloudjar.services.dynamodb.item;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** BatchGetItem's and BatchWriteItem's inputs and outputs in domain terms. */
public final class BatchRequests {
    private BatchRequests() {
    }

    /** One table's part of BatchGetItem (KeysAndAttributes). */
    public record TableKeys(List<Map<String, AttributeValue>> keys, boolean consistentRead, ExpressionParams expressions) {
    }

    /** One WriteRequest: a put (item set) or a delete (key set). */
    public record WriteRequest(Map<String, AttributeValue> putItem, Map<String, AttributeValue> deleteKey) {
    }

    /** BatchGetItem's answer: items per table, what was left unprocessed, and capacity per table. */
    public record GetResult(Map<String, List<Map<String, AttributeValue>>> responses, Map<String, TableKeys> unprocessed,
                            List<ConsumedCapacity> consumedCapacity) {
    }

    /** BatchWriteItem's answer. */
    public record WriteResult(List<ConsumedCapacity> consumedCapacity, Map<String, List<Map<String, AttributeValue>>> itemCollectionKeys) {
    }
}
