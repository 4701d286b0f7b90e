package dev.cloudjar.services.dynamodb.table;

import java.util.Map;

/**
 * What DescribeTable (and CreateTable, UpdateTable, DeleteTable) report: the definition, the status,
 * the live statistics, and the ARNs derived from the scope.
 */
public record TableDescription(TableRecord definition, String status, String tableArn, long itemCount, long sizeBytes,
                               Map<String, IndexStats> indexStats, String latestStreamArn) {

    /** ItemCount and IndexSizeBytes of one index. */
    public record IndexStats(long itemCount, long sizeBytes) {
    }
}
