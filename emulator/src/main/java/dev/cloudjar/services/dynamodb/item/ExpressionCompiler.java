package dev.cloudjar.services.dynamodb.item;

import dev.cloudjar.services.dynamodb.expression.Condition;
import dev.cloudjar.services.dynamodb.expression.ExpressionContext;
import dev.cloudjar.services.dynamodb.expression.KeyCondition;
import dev.cloudjar.services.dynamodb.expression.KeySchema;
import dev.cloudjar.services.dynamodb.expression.LegacyExpressions;
import dev.cloudjar.services.dynamodb.expression.Projection;
import dev.cloudjar.services.dynamodb.expression.UpdatePlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a request's {@link ExpressionParams} into a {@link CompiledRequest} with the expression
 * package: one {@link ExpressionContext} per request (so unused placeholders are found across all its
 * expressions), legacy parameters translated by {@link LegacyExpressions}, and AWS's error when a
 * request mixes the two styles.
 */
public final class ExpressionCompiler {
    private ExpressionCompiler() {
    }

    /** Which operation the parameters belong to; decides which members are read. */
    public enum Operation { GET, PUT, DELETE, UPDATE, QUERY, SCAN, CONDITION_CHECK, BATCH_GET }

    public static CompiledRequest compile(Operation operation, ExpressionParams p) {
        return compile(operation, p, null);
    }

    /** {@code keySchema} is the queried table's or index's key (Query only). */
    public static CompiledRequest compile(Operation operation, ExpressionParams p, KeySchema keySchema) {
        if (p == null) {
            p = ExpressionParams.NONE;
        }
        checkNotMixed(operation, p);
        ExpressionContext context = new ExpressionContext(p.names(), p.values());
        Condition condition = null;
        Condition filter = null;
        UpdatePlan update = null;
        Projection projection = null;
        KeyCondition keyCondition = null;
        switch (operation) {
            case GET:
            case BATCH_GET:
                projection = projection(context, p);
                context.checkUsage("ProjectionExpression");
                break;
            case PUT:
            case DELETE:
            case CONDITION_CHECK:
                condition = condition(context, p);
                context.checkUsage("ConditionExpression");
                break;
            case UPDATE:
                update = p.updateExpression() != null ? context.update(p.updateExpression())
                        : LegacyExpressions.attributeUpdates(p.attributeUpdates());
                condition = condition(context, p);
                context.checkUsage("UpdateExpression", "ConditionExpression");
                break;
            case QUERY:
                keyCondition = p.keyConditionExpression() != null ? context.keyCondition(p.keyConditionExpression(), keySchema)
                        : LegacyExpressions.keyConditions(p.keyConditions(), keySchema);
                filter = p.filterExpression() != null ? context.filter(p.filterExpression())
                        : LegacyExpressions.filter(p.filter(), p.conditionalOperator());
                projection = projection(context, p);
                context.checkUsage("KeyConditionExpression", "FilterExpression", "ProjectionExpression");
                break;
            case SCAN:
                filter = p.filterExpression() != null ? context.filter(p.filterExpression())
                        : LegacyExpressions.filter(p.filter(), p.conditionalOperator());
                projection = projection(context, p);
                context.checkUsage("FilterExpression", "ProjectionExpression");
                break;
            default:
                throw new IllegalArgumentException(operation.name());
        }
        return new CompiledRequest(condition, filter, update, projection, keyCondition);
    }

    private static Condition condition(ExpressionContext context, ExpressionParams p) {
        return p.conditionExpression() != null ? context.condition(p.conditionExpression())
                : LegacyExpressions.expected(p.expected(), p.conditionalOperator());
    }

    private static Projection projection(ExpressionContext context, ExpressionParams p) {
        return p.projectionExpression() != null ? context.projection(p.projectionExpression())
                : LegacyExpressions.attributesToGet(p.attributesToGet());
    }

    private static void checkNotMixed(Operation operation, ExpressionParams p) {
        List<String> legacy = new ArrayList<>();
        List<String> modern = new ArrayList<>();
        if (p.attributesToGet() != null) {
            legacy.add("AttributesToGet");
        }
        // AWS lets legacy KeyConditions sit beside FilterExpression and ProjectionExpression; only
        // KeyConditionExpression conflicts with it.
        if (p.keyConditions() != null && p.keyConditionExpression() != null) {
            legacy.add("KeyConditions");
        }
        if (p.filter() != null) {
            legacy.add(operation == Operation.SCAN ? "ScanFilter" : "QueryFilter");
        }
        if (p.expected() != null) {
            legacy.add("Expected");
        }
        if (p.attributeUpdates() != null) {
            legacy.add("AttributeUpdates");
        }
        if (p.conditionalOperator() != null) {
            legacy.add("ConditionalOperator");
        }
        if (p.projectionExpression() != null) {
            modern.add("ProjectionExpression");
        }
        if (p.keyConditionExpression() != null) {
            modern.add("KeyConditionExpression");
        }
        if (p.filterExpression() != null) {
            modern.add("FilterExpression");
        }
        if (p.conditionExpression() != null) {
            modern.add("ConditionExpression");
        }
        if (p.updateExpression() != null) {
            modern.add("UpdateExpression");
        }
        ExpressionContext.checkNotMixed(legacy, modern);
    }
}
