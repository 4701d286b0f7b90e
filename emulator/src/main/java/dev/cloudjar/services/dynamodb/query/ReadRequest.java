package dev.cloudjar.services.dynamodb.query;

import dev.cloudjar.services.dynamodb.item.ExpressionParams;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.Map;

/** Query's or Scan's input in domain terms (null members were absent). */
public record ReadRequest(String tableName, String indexName, ExpressionParams expressions, String select, Integer limit,
                          Map<String, AttributeValue> exclusiveStartKey, Boolean scanIndexForward, boolean consistentRead,
                          String returnConsumedCapacity, Integer segment, Integer totalSegments) {
}
