package dev.cloudjar.services.dynamodb.table;

import java.util.Map;
import java.util.Set;

/**
 * What DescribeTable (and CreateTable, UpdateTable, DeleteTable) report: the definition, the status,
 * the live statistics, and the ARNs derived from the scope.
 */
public record TableDescription(TableRecord definition, String status, String tableArn, long itemCount, long sizeBytes,
                               Map<String, IndexStats> indexStats, String latestStreamArn, Set<String> creatingIndexes) {

    /** The same description with a different table status and the indexes this request started creating. */
    public TableDescription withStatus(String newStatus, Set<String> creating) {
        return new TableDescription(definition, newStatus, tableArn, itemCount, sizeBytes, indexStats, latestStreamArn, creating);
    }

    /** ItemCount and IndexSizeBytes of one index. */
    public record IndexStats(long itemCount, long sizeBytes) {
    }
}
