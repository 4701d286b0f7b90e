package dev.cloudjar.services.dynamodb.item;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.List;

/**
 * One entry of the legacy Expected, KeyConditions, QueryFilter or ScanFilter maps: either
 * {@code Value}/{@code Exists} or {@code ComparisonOperator} with {@code AttributeValueList}.
 */
public record LegacyCondition(AttributeValue value, Boolean exists, String comparisonOperator,
                              List<AttributeValue> attributeValueList) {
}
