package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.List;

/**
 * One entry of legacy KeyConditions, QueryFilter or ScanFilter (AWS shape {@code Condition}):
 * {@code {"ComparisonOperator": "EQ", "AttributeValueList": [...]}}. The list may be null.
 */
public record LegacyCondition(String comparisonOperator, List<AttributeValue> attributeValueList) {
    public LegacyCondition {
        attributeValueList = attributeValueList == null ? List.of() : List.copyOf(attributeValueList);
    }
}
