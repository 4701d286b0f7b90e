package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.KeyOrder;
import java.util.Arrays;
import java.util.Map;

/**
 * Evaluates condition ASTs against an item with DynamoDB's two-valued logic: a comparison involving a
 * missing attribute or mismatched types is false ({@code <>} with a missing attribute is true).
 */
final class ConditionEvaluator {
    private ConditionEvaluator() {
    }

    static boolean test(ConditionNode node, Map<String, AttributeValue> item) {
        if (node instanceof ConditionNode.And and) {
            return test(and.left(), item) && test(and.right(), item);
        }
        if (node instanceof ConditionNode.Or or) {
            return test(or.left(), item) || test(or.right(), item);
        }
        if (node instanceof ConditionNode.Not not) {
            return !test(not.operand(), item);
        }
        if (node instanceof ConditionNode.Compare c) {
            return compare(c.op(), value(c.left(), item), value(c.right(), item));
        }
        if (node instanceof ConditionNode.Between b) {
            AttributeValue v = value(b.value(), item);
            return compare(ConditionNode.Comparator.GE, v, value(b.low(), item))
                    && compare(ConditionNode.Comparator.LE, v, value(b.high(), item));
        }
        if (node instanceof ConditionNode.In in) {
            AttributeValue v = value(in.value(), item);
            if (v == null) {
                return false;
            }
            for (Operand candidate : in.candidates()) {
                if (v.equals(value(candidate, item))) {
                    return true;
                }
            }
            return false;
        }
        if (node instanceof ConditionNode.Function f) {
            return function(f, item);
        }
        return ((ConditionNode.Constant) node).value();
    }

    static boolean compare(ConditionNode.Comparator op, AttributeValue a, AttributeValue b) {
        switch (op) {
            case EQ:
                return a != null && a.equals(b);
            case NE:
                return a == null || !a.equals(b);
            default:
                if (a == null || b == null || !a.type().equals(b.type()) || !orderable(a)) {
                    return false;
                }
                int cmp = KeyOrder.compare(a, b);
                switch (op) {
                    case LT:
                        return cmp < 0;
                    case LE:
                        return cmp <= 0;
                    case GT:
                        return cmp > 0;
                    default:
                        return cmp >= 0;
                }
        }
    }

    private static boolean orderable(AttributeValue v) {
        return v instanceof AttributeValue.S || v instanceof AttributeValue.N || v instanceof AttributeValue.B;
    }

    /** The operand's value, or null when undefined (missing path, size of a number, ...). */
    static AttributeValue value(Operand operand, Map<String, AttributeValue> item) {
        if (operand instanceof Operand.PathRef ref) {
            return Documents.get(item, ref.path());
        }
        if (operand instanceof Operand.Literal lit) {
            return lit.value();
        }
        if (operand instanceof Operand.Size size) {
            AttributeValue v = size.argument() == null ? null : value(size.argument(), item);
            long n = size(v);
            return n < 0 ? null : AttributeValue.n(n);
        }
        throw new IllegalStateException("update-only operand in a condition: " + operand);
    }

    /**
     * DynamoDB's size(): a string's size in UTF-8 bytes (AWS: "an attribute's size in bytes"), binary bytes,
     * element count of sets, lists and maps; -1 (undefined) otherwise.
     */
    static long size(AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            return dev.cloudjar.services.dynamodb.model.ItemSize.utf8Length(s.value());
        }
        if (v instanceof AttributeValue.B b) {
            return b.value().length;
        }
        if (v instanceof AttributeValue.SS ss) {
            return ss.values().size();
        }
        if (v instanceof AttributeValue.NS ns) {
            return ns.values().size();
        }
        if (v instanceof AttributeValue.BS bs) {
            return bs.values().size();
        }
        if (v instanceof AttributeValue.L l) {
            return l.values().size();
        }
        if (v instanceof AttributeValue.M m) {
            return m.values().size();
        }
        return -1;
    }

    private static boolean function(ConditionNode.Function f, Map<String, AttributeValue> item) {
        switch (f.name()) {
            case "attribute_exists":
                return value(f.arguments().get(0), item) != null;
            case "attribute_not_exists":
                return value(f.arguments().get(0), item) == null;
            case "attribute_type": {
                AttributeValue v = value(f.arguments().get(0), item);
                AttributeValue t = value(f.arguments().get(1), item);
                return v != null && t instanceof AttributeValue.S s && v.type().equals(s.value());
            }
            case "begins_with":
                return beginsWith(value(f.arguments().get(0), item), value(f.arguments().get(1), item));
            case "contains":
                return contains(value(f.arguments().get(0), item), value(f.arguments().get(1), item));
            default:
                throw new IllegalStateException("unknown function " + f.name());
        }
    }

    static boolean beginsWith(AttributeValue v, AttributeValue prefix) {
        if (v instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
            return s.value().startsWith(p.value());
        }
        if (v instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p) {
            return p.value().length <= b.value().length
                    && Arrays.equals(b.value(), 0, p.value().length, p.value(), 0, p.value().length);
        }
        return false;
    }

    static boolean contains(AttributeValue v, AttributeValue operand) {
        if (v == null || operand == null) {
            return false;
        }
        if (v instanceof AttributeValue.S s) {
            return operand instanceof AttributeValue.S o && s.value().contains(o.value());
        }
        if (v instanceof AttributeValue.B b) {
            return operand instanceof AttributeValue.B o && indexOf(b.value(), o.value()) >= 0;
        }
        if (v instanceof AttributeValue.SS ss) {
            return operand instanceof AttributeValue.S o && ss.values().contains(o.value());
        }
        if (v instanceof AttributeValue.NS ns) {
            return operand instanceof AttributeValue.N o && ns.values().contains(o.value());
        }
        if (v instanceof AttributeValue.BS bs) {
            if (operand instanceof AttributeValue.B o) {
                for (byte[] member : bs.values()) {
                    if (Arrays.equals(member, o.value())) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (v instanceof AttributeValue.L l) {
            return l.values().contains(operand);
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
