package dev.cloudjar.services.dynamodb.storage;

import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.KeyOrder;
import dev.cloudjar.services.dynamodb.table.KeySchema;
import java.util.Map;

/**
 * How items and index entries are keyed in the sorted store. A table item lives at
 * {@code hash \0 range} (range empty for hash-only tables), an index entry at
 * {@code indexHash \0 indexRange \0 tableKey}, where each part is {@link KeyOrder#sortableKey} of the
 * value, so the store's order is DynamoDB's order and one partition is one key prefix.
 */
public final class StorageKeys {
    private static final char SEP = KeyRanges.SEPARATOR;

    private StorageKeys() {
    }

    /** The table key of an item or key map that carries every key attribute. */
    public static String tableKey(KeySchema key, Map<String, AttributeValue> item) {
        String hash = KeyOrder.sortableKey(item.get(key.hashName()));
        String range = key.hasRange() ? KeyOrder.sortableKey(item.get(key.rangeName())) : "";
        return hash + SEP + range;
    }

    /** The index entry key, or null when the item lacks an index key attribute (sparse index). */
    public static String indexKey(KeySchema indexKey, Map<String, AttributeValue> item, String tableKey) {
        AttributeValue hash = item.get(indexKey.hashName());
        if (hash == null || !hash.type().equals(indexKey.hashType())) {
            return null;
        }
        String range = "";
        if (indexKey.hasRange()) {
            AttributeValue r = item.get(indexKey.rangeName());
            if (r == null || !r.type().equals(indexKey.rangeType())) {
                return null;
            }
            range = KeyOrder.sortableKey(r);
        }
        return KeyOrder.sortableKey(hash) + SEP + range + SEP + tableKey;
    }

    /** The table key embedded in an index entry key. */
    public static String tableKeyOfIndexEntry(String indexEntryKey) {
        int first = indexEntryKey.indexOf(SEP);
        int second = indexEntryKey.indexOf(SEP, first + 1);
        return indexEntryKey.substring(second + 1);
    }

    /** The prefix shared by every key of one partition (table or index). */
    public static String partitionPrefix(AttributeValue hash) {
        return KeyOrder.sortableKey(hash) + SEP;
    }

    public static char separator() {
        return SEP;
    }
}
