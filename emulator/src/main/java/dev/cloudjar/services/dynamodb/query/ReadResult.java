package dev.cloudjar.services.dynamodb.query;

import dev.cloudjar.services.dynamodb.item.ConsumedCapacity;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * One page of a Query or Scan: the items (null for Select COUNT), Count (after the filter),
 * ScannedCount (evaluated), LastEvaluatedKey (null on the last page) and the consumed capacity.
 */
public record ReadResult(List<Map<String, AttributeValue>> items, int count, int scannedCount,
                         Map<String, AttributeValue> lastEvaluatedKey, ConsumedCapacity consumedCapacity) {
}
