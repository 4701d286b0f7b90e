package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.KeyOrder;
import java.util.List;

/**
 * The sort key part of a key condition, with bounds in {@link KeyOrder#sortableKey} encoding so a store
 * sorted by {@code compose(hashSortable, rangeSortable)} can scan only the matching slice: keys
 * {@code hash + '\u0000' + fromInclusive() <= k < hash + '\u0000' + toExclusive()} (a null bound means
 * the start/end of the partition). Always re-check {@link #matches} on the scanned items.
 */
public record RangeCondition(String attribute, Op op, List<AttributeValue> values) {

    public enum Op { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    /** Above every encoded S continuation (U+10FFFF) and every encoded B byte (U+0001..U+0100). */
    private static final String STRING_PREFIX_END = "\uDBFF\uDFFF\uDBFF\uDFFF";
    private static final String BINARY_PREFIX_END = "\u0101";

    public RangeCondition {
        values = List.copyOf(values);
    }

    public AttributeValue value() {
        return values.get(0);
    }

    public boolean matches(AttributeValue v) {
        if (v == null) {
            return false;
        }
        switch (op) {
            case EQ:
                return ConditionEvaluator.compare(ConditionNode.Comparator.EQ, v, value());
            case LT:
                return ConditionEvaluator.compare(ConditionNode.Comparator.LT, v, value());
            case LE:
                return ConditionEvaluator.compare(ConditionNode.Comparator.LE, v, value());
            case GT:
                return ConditionEvaluator.compare(ConditionNode.Comparator.GT, v, value());
            case GE:
                return ConditionEvaluator.compare(ConditionNode.Comparator.GE, v, value());
            case BETWEEN:
                return ConditionEvaluator.compare(ConditionNode.Comparator.GE, v, values.get(0))
                        && ConditionEvaluator.compare(ConditionNode.Comparator.LE, v, values.get(1));
            default:
                return ConditionEvaluator.beginsWith(v, value());
        }
    }

    /** Inclusive lower bound of the encoded range key, or null for the partition start. */
    public String fromInclusive() {
        switch (op) {
            case EQ:
            case GE:
            case BETWEEN:
            case BEGINS_WITH:
                return KeyOrder.sortableKey(value());
            case GT:
                return KeyOrder.sortableKey(value()) + '\u0000';
            default:
                return null;
        }
    }

    /** Exclusive upper bound of the encoded range key, or null for the partition end. */
    public String toExclusive() {
        switch (op) {
            case EQ:
            case LE:
                return KeyOrder.sortableKey(value()) + '\u0000';
            case LT:
                return KeyOrder.sortableKey(value());
            case BETWEEN:
                return KeyOrder.sortableKey(values.get(1)) + '\u0000';
            case BEGINS_WITH:
                return KeyOrder.sortableKey(value())
                        + (value() instanceof AttributeValue.B ? BINARY_PREFIX_END : STRING_PREFIX_END);
            default:
                return null;
        }
    }
}
