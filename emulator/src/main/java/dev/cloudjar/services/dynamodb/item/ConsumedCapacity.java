package dev.cloudjar.services.dynamodb.item;

import java.util.Map;

/**
 * Capacity units one request consumed on one table: the total and, when the client asked for
 * INDEXES, the split between the table and each index. {@code indexes} selects the detailed form.
 */
public record ConsumedCapacity(String tableName, double total, double table, Map<String, Double> globalIndexes,
                               Map<String, Double> localIndexes, boolean indexes, Double read, Double write) {
}
