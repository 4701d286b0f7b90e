package dev.cloudjar.services.dynamodb.query;

import dev.cloudjar.services.dynamodb.expression.KeyCondition;
import dev.cloudjar.services.dynamodb.expression.RangeCondition;
import dev.cloudjar.services.dynamodb.model.KeyOrder;
import dev.cloudjar.services.dynamodb.storage.StorageKeys;
import java.util.List;

/**
 * The store key range a key condition covers. Table keys are {@code hash \0 range}; index entry keys
 * are {@code hash \0 range \0 tableKey}, so "everything with range r" ends before {@code r \0} in a
 * table and before {@code r \1} in an index. A multi-attribute sort key is a sequence of
 * {@link StorageKeys#component}s, so equalities on leading attributes are one prefix and the last
 * condition bounds the next component.
 */
record KeyRange(String from, String to) {
    /** Sorts above every character that encoded key values contain, after the store's UTF-8 mapping. */
    private static final String TOP = "\uDFFF\uDFFF";

    static KeyRange of(KeyCondition c, boolean index, boolean multiRange) {
        char sep = StorageKeys.separator();
        String p = StorageKeys.partitionPrefix(c.hashValues());
        String partitionEnd = p.substring(0, p.length() - 1) + (char) (sep + 1);
        if (multiRange) {
            return components(c.rangeConditions(), p, partitionEnd);
        }
        RangeCondition range = c.range();
        if (range == null) {
            return new KeyRange(p, partitionEnd);
        }
        String a = KeyOrder.sortableKey(range.values().get(0));
        String after = index ? String.valueOf((char) (sep + 1)) : String.valueOf(sep);
        switch (range.op().name()) {
            case "EQ":
                return new KeyRange(p + a, p + a + after);
            case "LT":
                return new KeyRange(p, p + a);
            case "LE":
                return new KeyRange(p, p + a + after);
            case "GT":
                return new KeyRange(p + a + after, partitionEnd);
            case "GE":
                return new KeyRange(p + a, partitionEnd);
            case "BETWEEN": {
                String b = KeyOrder.sortableKey(range.values().get(1));
                return new KeyRange(p + a, p + b + after);
            }
            case "BEGINS_WITH":
                return new KeyRange(p + a, p + a + TOP);
            default:
                throw new IllegalArgumentException("unknown key operator " + range.op());
        }
    }

    private static KeyRange components(List<RangeCondition> conditions, String partition, String partitionEnd) {
        StringBuilder prefix = new StringBuilder(partition);
        int equalities = conditions.size();
        RangeCondition last = null;
        if (!conditions.isEmpty() && conditions.get(conditions.size() - 1).op() != RangeCondition.Op.EQ) {
            last = conditions.get(conditions.size() - 1);
            equalities--;
        }
        for (int i = 0; i < equalities; i++) {
            prefix.append(StorageKeys.component(conditions.get(i).value()));
        }
        String q = prefix.toString();
        String qEnd = equalities == 0 ? partitionEnd : StorageKeys.afterComponents(q);
        if (last == null) {
            return new KeyRange(q, qEnd);
        }
        String a = StorageKeys.component(last.value());
        switch (last.op()) {
            case LT:
                return new KeyRange(q, q + a);
            case LE:
                return new KeyRange(q, StorageKeys.afterComponents(q + a));
            case GT:
                return new KeyRange(StorageKeys.afterComponents(q + a), qEnd);
            case GE:
                return new KeyRange(q + a, qEnd);
            case BETWEEN:
                return new KeyRange(q + a, StorageKeys.afterComponents(q + StorageKeys.component(last.values().get(1))));
            case BEGINS_WITH: {
                // The prefix's encoding without its terminator: every longer value continues it.
                String open = a.substring(0, a.length() - 2);
                return new KeyRange(q + open, q + open + TOP);
            }
            default:
                throw new IllegalArgumentException("unknown key operator " + last.op());
        }
    }
}
