package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.Map;

/** A parsed, validated condition or filter; immutable and thread-safe. */
public final class Condition {
    private final ConditionNode root;

    public Condition(ConditionNode root) {
        this.root = root;
    }

    /** True when the item satisfies the condition; a null item is a missing item (all attributes absent). */
    public boolean evaluate(Map<String, AttributeValue> item) {
        return ConditionEvaluator.test(root, item == null ? Map.of() : item);
    }

    public ConditionNode root() {
        return root;
    }

    /** Both conditions (for PartiQL/legacy combinations); null operands are ignored. */
    public static Condition and(Condition a, Condition b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new Condition(new ConditionNode.And(a.root, b.root));
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
