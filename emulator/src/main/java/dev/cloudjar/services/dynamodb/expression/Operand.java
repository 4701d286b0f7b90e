package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;

/**
 * A value-producing node: a document path, an expression attribute value, {@code size(...)}, or (in
 * UpdateExpression SET) {@code +}/{@code -}, {@code if_not_exists} and {@code list_append}.
 */
public sealed interface Operand {

    /** The value at a document path of the item (absent when the path does not resolve). */
    record PathRef(Path path) implements Operand {
    }

    /** A constant: an ExpressionAttributeValue (placeholder kept for messages) or a legacy/PartiQL value. */
    record Literal(String placeholder, AttributeValue value) implements Operand {
        public static Literal of(AttributeValue value) {
            return new Literal(null, value);
        }
    }

    /** {@code size(operand)}: string/binary length, set/list/map element count. */
    record Size(Operand argument) implements Operand {
    }

    /** {@code left + right} or {@code left - right} on numbers. */
    record Arithmetic(boolean plus, Operand left, Operand right) implements Operand {
    }

    /** {@code if_not_exists(path, fallback)}. */
    record IfNotExists(Path path, Operand fallback) implements Operand {
    }

    /** {@code list_append(first, second)}. */
    record ListAppend(Operand first, Operand second) implements Operand {
    }
}
