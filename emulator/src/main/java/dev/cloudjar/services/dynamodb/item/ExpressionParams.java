package dev.cloudjar.services.dynamodb.item;

import dev.cloudjar.services.dynamodb.expression.AttributeValueUpdate;
import dev.cloudjar.services.dynamodb.expression.ExpectedAttribute;
import dev.cloudjar.services.dynamodb.expression.LegacyCondition;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * Every expression-related member a data-plane request may carry, modern and legacy, exactly as the
 * client sent them (null when absent). Validation that spans them (unused placeholders, legacy and
 * expression parameters mixed) needs them together.
 */
public record ExpressionParams(String conditionExpression, String keyConditionExpression, String filterExpression,
                               String updateExpression, String projectionExpression, Map<String, String> names,
                               Map<String, AttributeValue> values, Map<String, ExpectedAttribute> expected,
                               Map<String, LegacyCondition> keyConditions, Map<String, LegacyCondition> filter,
                               String conditionalOperator, List<String> attributesToGet,
                               Map<String, AttributeValueUpdate> attributeUpdates) {

    public static final ExpressionParams NONE = new ExpressionParams(null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    public boolean hasProjection() {
        return projectionExpression != null || attributesToGet != null;
    }
}
