package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.Numbers;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies update actions with DynamoDB's semantics: every SET operand reads the item as it was before
 * the update; REMOVEs of list elements use the original indexes; ADD creates missing numbers and sets;
 * DELETE removes set members and drops an emptied set.
 */
final class UpdateEvaluator {
    static final String MISSING = "The provided expression refers to an attribute that does not exist in the item";
    static final String WRONG_TYPE = "An operand in the update expression has an incorrect data type";

    private UpdateEvaluator() {
    }

    static UpdateResult apply(List<UpdateAction> actions, Map<String, AttributeValue> original) {
        Map<String, AttributeValue> before = original == null ? Map.of() : original;
        Map<String, AttributeValue> item = new LinkedHashMap<>(before);
        List<UpdateAction.Set> sets = new ArrayList<>();
        List<UpdateAction.Remove> removes = new ArrayList<>();
        Map<UpdateAction.Set, AttributeValue> setValues = new java.util.IdentityHashMap<>();
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Set set) {
                sets.add(set);
                setValues.put(set, evaluate(set.value(), before));
            } else if (action instanceof UpdateAction.Remove remove) {
                removes.add(remove);
            }
        }
        List<Path> touched = new ArrayList<>(actions.size());
        // Several SETs past the end of one list append in element-number order (AWS documents this).
        sets.sort(Comparator.comparingInt(set -> set.path().last() instanceof Path.Index i ? i.index() : -1));
        for (UpdateAction.Set set : sets) {
            touched.add(Documents.effectivePath(item, set.path()));
            Documents.set(item, set.path(), setValues.get(set));
        }
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Add add) {
                touched.add(add.path());
                add(item, add.path(), add.value());
            } else if (action instanceof UpdateAction.Delete delete) {
                touched.add(delete.path());
                delete(item, delete.path(), delete.value());
            }
        }
        // Higher list indexes first, so each REMOVE refers to the element's original position. AWS ignores
        // REMOVE entirely when the item does not exist (even for paths it would reject on an existing item).
        removes.sort(Comparator.comparingInt(r -> r.path().last() instanceof Path.Index i ? -i.index() : 1));
        for (UpdateAction.Remove remove : removes) {
            touched.add(remove.path());
            if (original != null) {
                Documents.remove(item, remove.path());
            }
        }
        return new UpdateResult(item, touched);
    }

    static AttributeValue evaluate(Operand operand, Map<String, AttributeValue> item) {
        if (operand instanceof Operand.Literal lit) {
            return lit.value();
        }
        if (operand instanceof Operand.PathRef ref) {
            AttributeValue v = Documents.get(item, ref.path());
            if (v == null) {
                throw new ExpressionException(MISSING);
            }
            return v;
        }
        if (operand instanceof Operand.IfNotExists ine) {
            AttributeValue v = Documents.get(item, ine.path());
            return v != null ? v : evaluate(ine.fallback(), item);
        }
        if (operand instanceof Operand.ListAppend append) {
            AttributeValue a = evaluate(append.first(), item);
            AttributeValue b = evaluate(append.second(), item);
            if (!(a instanceof AttributeValue.L la) || !(b instanceof AttributeValue.L lb)) {
                throw new ExpressionException(WRONG_TYPE);
            }
            List<AttributeValue> joined = new ArrayList<>(la.values().size() + lb.values().size());
            joined.addAll(la.values());
            joined.addAll(lb.values());
            return new AttributeValue.L(joined);
        }
        if (operand instanceof Operand.Arithmetic arithmetic) {
            AttributeValue a = evaluate(arithmetic.left(), item);
            AttributeValue b = evaluate(arithmetic.right(), item);
            if (!(a instanceof AttributeValue.N na) || !(b instanceof AttributeValue.N nb)) {
                throw new ExpressionException(WRONG_TYPE);
            }
            BigDecimal result = arithmetic.plus() ? na.decimal().add(nb.decimal()) : na.decimal().subtract(nb.decimal());
            return new AttributeValue.N(Numbers.canonical(result));
        }
        throw new IllegalStateException("not an update operand: " + operand);
    }

    private static void add(Map<String, AttributeValue> item, Path path, AttributeValue value) {
        AttributeValue current = Documents.get(item, path);
        if (current == null) {
            if (!Documents.parentExists(item, path)) {
                throw new ExpressionException(Documents.INVALID_PATH);
            }
            Documents.set(item, path, value);
            return;
        }
        AttributeValue result;
        if (current instanceof AttributeValue.N a && value instanceof AttributeValue.N b) {
            result = new AttributeValue.N(Numbers.canonical(a.decimal().add(b.decimal())));
        } else if (current instanceof AttributeValue.SS a && value instanceof AttributeValue.SS b) {
            result = new AttributeValue.SS(union(a.values(), b.values()));
        } else if (current instanceof AttributeValue.NS a && value instanceof AttributeValue.NS b) {
            result = new AttributeValue.NS(union(a.values(), b.values()));
        } else if (current instanceof AttributeValue.BS a && value instanceof AttributeValue.BS b) {
            result = new AttributeValue.BS(unwrap(union(wrap(a.values()), wrap(b.values()))));
        } else if (current instanceof AttributeValue.L a && value instanceof AttributeValue.L b) {
            // Only legacy AttributeUpdates ADD reaches here with lists: it appends.
            List<AttributeValue> joined = new ArrayList<>(a.values());
            joined.addAll(b.values());
            result = new AttributeValue.L(joined);
        } else {
            throw new ExpressionException(WRONG_TYPE);
        }
        Documents.set(item, path, result);
    }

    private static void delete(Map<String, AttributeValue> item, Path path, AttributeValue value) {
        AttributeValue current = Documents.get(item, path);
        if (current == null) {
            return;
        }
        List<?> remaining;
        AttributeValue result;
        if (current instanceof AttributeValue.SS a && value instanceof AttributeValue.SS b) {
            List<String> left = minus(a.values(), b.values());
            remaining = left;
            result = left.isEmpty() ? null : new AttributeValue.SS(left);
        } else if (current instanceof AttributeValue.NS a && value instanceof AttributeValue.NS b) {
            List<String> left = minus(a.values(), b.values());
            remaining = left;
            result = left.isEmpty() ? null : new AttributeValue.NS(left);
        } else if (current instanceof AttributeValue.BS a && value instanceof AttributeValue.BS b) {
            List<ByteBuffer> left = minus(wrap(a.values()), wrap(b.values()));
            remaining = left;
            result = left.isEmpty() ? null : new AttributeValue.BS(unwrap(left));
        } else {
            throw new ExpressionException(WRONG_TYPE);
        }
        if (remaining.isEmpty()) {
            Documents.remove(item, path);
        } else {
            Documents.set(item, path, result);
        }
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        Set<T> set = new LinkedHashSet<>(a);
        set.addAll(b);
        return new ArrayList<>(set);
    }

    private static <T> List<T> minus(List<T> a, List<T> b) {
        Set<T> set = new LinkedHashSet<>(a);
        b.forEach(set::remove);
        return new ArrayList<>(set);
    }

    private static List<ByteBuffer> wrap(List<byte[]> values) {
        List<ByteBuffer> list = new ArrayList<>(values.size());
        values.forEach(v -> list.add(ByteBuffer.wrap(v)));
        return list;
    }

    private static List<byte[]> unwrap(List<ByteBuffer> values) {
        List<byte[]> list = new ArrayList<>(values.size());
        values.forEach(v -> list.add(v.array()));
        return list;
    }
}
