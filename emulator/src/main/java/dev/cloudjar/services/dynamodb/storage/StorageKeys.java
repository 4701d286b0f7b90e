package dev.cloudjar.services.dynamodb.storage;

import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.ItemSize;
import dev.cloudjar.services.dynamodb.model.KeyLimits;
import dev.cloudjar.services.dynamodb.model.KeyOrder;
import dev.cloudjar.services.dynamodb.table.KeySchema;
import java.util.List;
import java.util.Map;

/**
 * How items and index entries are keyed in the sorted store. A table item lives at
 * {@code hash \0 range} (range empty for hash-only tables), an index entry at
 * {@code indexHash \0 indexRange \0 tableKey}, where each part is {@link KeyOrder#sortableKey} of the
 * value, so the store's order is DynamoDB's order and one partition is one key prefix.
 */
public final class StorageKeys {
    private static final char SEP = KeyRanges.SEPARATOR;
    private static final String COMPONENT_END = "\u0001\u0001";

    private StorageKeys() {
    }

    /** The table key of an item or key map that carries every key attribute. */
    public static String tableKey(KeySchema key, Map<String, AttributeValue> item) {
        String hash = KeyOrder.sortableKey(item.get(key.hashName()));
        String range = key.hasRange() ? KeyOrder.sortableKey(item.get(key.rangeName())) : "";
        return hash + SEP + range;
    }

    /**
     * The index entry key, or null when the item is not in the index: it lacks an index key attribute,
     * holds one of another type, an empty string or binary, or a value over the key size limits. Writes
     * reject such values for the keys of existing indexes, so only items written before the index was
     * created (UpdateTable) meet them: AWS leaves those out of the index, as here.
     */
    public static String indexKey(KeySchema indexKey, Map<String, AttributeValue> item, String tableKey) {
        String hash = part(indexKey.hashAttributes(), item, KeyLimits.MAX_HASH_KEY_BYTES);
        if (hash == null) {
            return null;
        }
        String range = indexKey.hasRange() ? part(indexKey.rangeAttributes(), item, KeyLimits.MAX_RANGE_KEY_BYTES) : "";
        if (range == null) {
            return null;
        }
        return hash + SEP + range + SEP + tableKey;
    }

    /**
     * The encoded hash or range part of an index key: one attribute's sortable key, or for a
     * multi-attribute key each attribute's {@link #component} in KeySchema order.
     */
    private static String part(List<KeySchema.KeyAttribute> attributes, Map<String, AttributeValue> item, int maxBytes) {
        StringBuilder sb = new StringBuilder();
        long bytes = 0;
        for (KeySchema.KeyAttribute a : attributes) {
            AttributeValue v = item.get(a.name());
            if (v == null || !v.type().equals(a.type()) || (v instanceof AttributeValue.S s && s.value().isEmpty())
                    || (v instanceof AttributeValue.B b && b.value().length == 0)) {
                return null;
            }
            bytes += ItemSize.of(v);
            sb.append(attributes.size() == 1 ? KeyOrder.sortableKey(v) : component(v));
        }
        return bytes > maxBytes ? null : sb.toString();
    }

    /**
     * One attribute of a multi-attribute key: its sortable key with U+0001 escaped as U+0001 U+0002,
     * then the terminator U+0001 U+0001. Sortable keys hold no character below U+0001, so the
     * concatenation orders as the attributes compared one after another (a shorter value first), and
     * every entry whose leading attributes equal some values shares one prefix.
     */
    public static String component(AttributeValue v) {
        String key = KeyOrder.sortableKey(v);
        return (key.indexOf('\u0001') < 0 ? key : key.replace("\u0001", "\u0001\u0002")) + COMPONENT_END;
    }

    /** The first string above every key that starts with a prefix of whole {@link #component}s. */
    public static String afterComponents(String prefix) {
        return prefix.substring(0, prefix.length() - 1) + '\u0002';
    }

    /** The partition prefix of a multi-attribute hash key, values in KeySchema order. */
    public static String partitionPrefix(List<AttributeValue> hash) {
        if (hash.size() == 1) {
            return partitionPrefix(hash.get(0));
        }
        StringBuilder sb = new StringBuilder();
        hash.forEach(v -> sb.append(component(v)));
        return sb.append(SEP).toString();
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
