package dev.cloudjar.services.dynamodb.item;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.ItemSize;
import dev.cloudjar.services.dynamodb.query.IndexProjection;
import dev.cloudjar.services.dynamodb.storage.StorageKeys;
import dev.cloudjar.services.dynamodb.table.IndexDefinition;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Capacity units as AWS charges them: reads 1 unit per 4 KB (half for eventually consistent reads),
 * writes 1 unit per 1 KB on the table plus, for each index whose entry the write changes, the units
 * of that entry's change ({@link #indexWriteUnits}).
 */
public final class Capacity {
    private Capacity() {
    }

    public static boolean wanted(String returnConsumedCapacity) {
        return "TOTAL".equals(returnConsumedCapacity) || "INDEXES".equals(returnConsumedCapacity);
    }

    public static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, (bytes + 4095) / 4096);
        return consistent ? units : units / 2;
    }

    public static double writeUnits(long bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }

    public static ConsumedCapacity read(String mode, String tableName, long bytes, boolean consistent) {
        if (!wanted(mode)) {
            return null;
        }
        double units = readUnits(bytes, consistent);
        return new ConsumedCapacity(tableName, units, units, null, null, "INDEXES".equals(mode), units, null);
    }

    /** Read capacity of a query or scan over a table or index. */
    public static ConsumedCapacity readIndex(String mode, String tableName, String indexName, boolean global, long bytes, boolean consistent) {
        if (!wanted(mode)) {
            return null;
        }
        double units = readUnits(bytes, consistent);
        if (indexName == null) {
            return new ConsumedCapacity(tableName, units, units, null, null, "INDEXES".equals(mode), units, null);
        }
        Map<String, Double> idx = Map.of(indexName, units);
        return new ConsumedCapacity(tableName, units, 0, global ? idx : null, global ? null : idx, "INDEXES".equals(mode), units, null);
    }

    /**
     * What a write costs one index, as AWS charges it: nothing when the index entry is unchanged (or
     * the item is in the index neither before nor after), an entry put or delete sized on its
     * projected image, an in-place change sized on the larger image, and a key move as a delete plus
     * a put, each rounded on its own.
     */
    public static double indexWriteUnits(TableRecord table, IndexDefinition index, Map<String, AttributeValue> old,
                                  Map<String, AttributeValue> next) {
        String before = old == null ? null : StorageKeys.indexKey(index.key(), old, "");
        String after = next == null ? null : StorageKeys.indexKey(index.key(), next, "");
        Map<String, AttributeValue> oldEntry = before == null ? null : IndexProjection.apply(table, index, old);
        Map<String, AttributeValue> newEntry = after == null ? null : IndexProjection.apply(table, index, next);
        if (before == null && after == null) {
            return 0;
        }
        if (before == null) {
            return writeUnits(ItemSize.of(newEntry));
        }
        if (after == null) {
            return writeUnits(ItemSize.of(oldEntry));
        }
        if (!before.equals(after)) {
            return writeUnits(ItemSize.of(oldEntry)) + writeUnits(ItemSize.of(newEntry));
        }
        if (oldEntry.equals(newEntry)) {
            return 0;
        }
        return writeUnits(Math.max(ItemSize.of(oldEntry), ItemSize.of(newEntry)));
    }

    public static ConsumedCapacity write(String mode, TableRecord table, Map<String, AttributeValue> old, Map<String, AttributeValue> next) {
        if (!wanted(mode)) {
            return null;
        }
        long size = Math.max(old == null ? 0 : ItemSize.of(old), next == null ? 0 : ItemSize.of(next));
        double units = writeUnits(size);
        double total = units;
        Map<String, Double> gsi = new LinkedHashMap<>();
        Map<String, Double> lsi = new LinkedHashMap<>();
        for (IndexDefinition index : table.allIndexes()) {
            double u = indexWriteUnits(table, index, old, next);
            if (u > 0) {
                total += u;
                (index.global() ? gsi : lsi).put(index.name(), u);
            }
        }
        return new ConsumedCapacity(table.name(), total, units, gsi.isEmpty() ? null : gsi, lsi.isEmpty() ? null : lsi,
                "INDEXES".equals(mode), null, total);
    }
}
