package dev.cloudjar.services.dynamodb.item;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.Map;

/**
 * The answer to a single-item request: the item (GetItem) or the returned attributes (writes; null
 * when nothing is returned), the consumed capacity and the item collection metrics (each null unless
 * asked for).
 */
public record ItemResult(Map<String, AttributeValue> attributes, ConsumedCapacity consumedCapacity,
                         Map<String, AttributeValue> itemCollectionKey) {
}
