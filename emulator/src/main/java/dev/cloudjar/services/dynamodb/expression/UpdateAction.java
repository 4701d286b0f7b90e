package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;

/** One action of an UpdateExpression (or of legacy AttributeUpdates / PartiQL UPDATE). */
public sealed interface UpdateAction {
    Path path();

    /** {@code SET path = value}. */
    record Set(Path path, Operand value) implements UpdateAction {
    }

    /** {@code REMOVE path}. */
    record Remove(Path path) implements UpdateAction {
    }

    /** {@code ADD path :value}: number addition or set union, creating the attribute when missing. */
    record Add(Path path, AttributeValue value) implements UpdateAction {
    }

    /** {@code DELETE path :set}: set difference; an emptied set is removed. */
    record Delete(Path path, AttributeValue value) implements UpdateAction {
    }
}
