package dev.cloudjar.services.dynamodb.item;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.ItemSize;
import dev.cloudjar.services.dynamodb.storage.StorageKeys;
import dev.cloudjar.services.dynamodb.table.IndexDefinition;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Capacity units as AWS charges them: reads 1 unit per 4 KB (half for eventually consistent reads),
 * writes 1 unit per 1 KB, plus the same again for each index the write touches.
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

    public static ConsumedCapacity write(String mode, TableRecord table, Map<String, AttributeValue> old, Map<String, AttributeValue> next) {
        if (!wanted(mode)) {
            return null;
        }
        long size = Math.max(old == null ? 0 : ItemSize.of(old), next == null ? 0 : ItemSize.of(next));
        double units = writeUnits(size);
        double total = units;
        Map<String, Double> gsi = new LinkedHashMap<>();
        Map<String, Double> lsi = new LinkedHashMap<>();
        List<IndexDefinition> indexes = table.allIndexes();
        for (IndexDefinition index : indexes) {
            boolean before = old != null && StorageKeys.indexKey(index.key(), old, "") != null;
            boolean after = next != null && StorageKeys.indexKey(index.key(), next, "") != null;
            if (before || after) {
                double u = writeUnits(size) * (before && after ? 1 : 1);
                total += u;
                (index.global() ? gsi : lsi).put(index.name(), u);
            }
        }
        return new ConsumedCapacity(table.name(), total, units, gsi.isEmpty() ? null : gsi, lsi.isEmpty() ? null : lsi,
                "INDEXES".equals(mode), null, total);
    }
}
