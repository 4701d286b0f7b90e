package dev.cloudjar.services.dynamodb.item;

import dev.cloudjar.services.dynamodb.expression.Condition;
import dev.cloudjar.services.dynamodb.expression.KeyCondition;
import dev.cloudjar.services.dynamodb.expression.Projection;
import dev.cloudjar.services.dynamodb.expression.UpdatePlan;

/**
 * The expressions of one request, parsed and validated (legacy parameters translated to the same
 * forms), as the operations use them. Produced by {@link ExpressionCompiler}; each part is null when
 * the request has none.
 */
public record CompiledRequest(Condition condition, Condition filter, UpdatePlan update, Projection projection,
                              KeyCondition keyCondition) {
}
