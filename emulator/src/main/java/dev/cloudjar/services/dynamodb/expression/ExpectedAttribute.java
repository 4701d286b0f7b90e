package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.List;

/**
 * One entry of legacy {@code Expected} (AWS shape {@code ExpectedAttributeValue}): either
 * {@code Value}/{@code Exists} or {@code ComparisonOperator}/{@code AttributeValueList}. Absent members are null.
 */
public record ExpectedAttribute(AttributeValue value, Boolean exists, String comparisonOperator,
                                List<AttributeValue> attributeValueList) {
}
