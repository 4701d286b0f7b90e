package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** The top-level attributes the condition reads, in the order they appear (repeats kept once). */
    public List<String> attributes() {
        Set<String> out = new LinkedHashSet<>();
        collect(root, out);
        return List.copyOf(out);
    }

    private static void collect(ConditionNode node, Set<String> out) {
        if (node instanceof ConditionNode.Compare c) {
            collect(c.left(), out);
            collect(c.right(), out);
        } else if (node instanceof ConditionNode.Between b) {
            collect(b.value(), out);
            collect(b.low(), out);
            collect(b.high(), out);
        } else if (node instanceof ConditionNode.In in) {
            collect(in.value(), out);
            in.candidates().forEach(o -> collect(o, out));
        } else if (node instanceof ConditionNode.And and) {
            collect(and.left(), out);
            collect(and.right(), out);
        } else if (node instanceof ConditionNode.Or or) {
            collect(or.left(), out);
            collect(or.right(), out);
        } else if (node instanceof ConditionNode.Not not) {
            collect(not.operand(), out);
        } else if (node instanceof ConditionNode.Function f) {
            f.arguments().forEach(o -> collect(o, out));
        }
    }

    private static void collect(Operand o, Set<String> out) {
        if (o instanceof Operand.PathRef ref) {
            out.add(ref.path().attribute());
        } else if (o instanceof Operand.Size size) {
            collect(size.argument(), out);
        }
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
