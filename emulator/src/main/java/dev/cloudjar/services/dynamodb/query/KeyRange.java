package dev.cloudjar.services.dynamodb.query;

import dev.cloudjar.services.dynamodb.expression.KeyCondition;
import dev.cloudjar.services.dynamodb.expression.RangeCondition;
import dev.cloudjar.services.dynamodb.model.KeyOrder;
import dev.cloudjar.services.dynamodb.storage.StorageKeys;

/**
 * The store key range a key condition covers. Table keys are {@code hash \0 range}; index entry keys
 * are {@code hash \0 range \0 tableKey}, so "everything with range r" ends before {@code r \0} in a
 * table and before {@code r \1} in an index.
 */
record KeyRange(String from, String to) {
    /** Sorts above every character that encoded key values contain, after the store's UTF-8 mapping. */
    private static final String TOP = "\uDFFF\uDFFF";

    static KeyRange of(KeyCondition c, boolean index) {
        char sep = StorageKeys.separator();
        String p = StorageKeys.partitionPrefix(c.hashValue());
        String partitionEnd = p.substring(0, p.length() - 1) + (char) (sep + 1);
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
}
