package dev.cloudjar.services.dynamodb.item;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.Map;

/**
 * A single-item request (GetItem, PutItem, UpdateItem, DeleteItem, or one action of a transaction or
 * batch): the table, the item (put) or key (the others), the expressions and the options.
 */
public record ItemRequest(String tableName, Map<String, AttributeValue> itemOrKey, ExpressionParams expressions,
                          WriteOptions options, boolean consistentRead) {
}
