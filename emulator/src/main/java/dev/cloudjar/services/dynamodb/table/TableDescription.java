package dev.cloudjar.services.dynamodb.table;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What DescribeTable (and CreateTable, UpdateTable, DeleteTable) report: the definition, the status,
 * the live statistics, and the ARNs derived from the scope.
 */
public record TableDescription(TableRecord definition, String status, String tableArn, long itemCount, long sizeBytes,
                               Map<String, IndexStats> indexStats, String latestStreamArn, Set<String> creatingIndexes,
                               List<String> replicaRegions) {

    public TableDescription {
        replicaRegions = replicaRegions == null ? List.of() : List.copyOf(replicaRegions);
    }

    /** The same description with a different table status and the indexes this request started creating. */
    public TableDescription withStatus(String newStatus, Set<String> creating) {
        return new TableDescription(definition, newStatus, tableArn, itemCount, sizeBytes, indexStats, latestStreamArn, creating,
                replicaRegions);
    }

    /** The same description listing the other regions of the table's global table (version 2019.11.21). */
    public TableDescription withReplicas(List<String> regions) {
        return new TableDescription(definition, status, tableArn, itemCount, sizeBytes, indexStats, latestStreamArn, creatingIndexes,
                regions);
    }

    /** ItemCount and IndexSizeBytes of one index. */
    public record IndexStats(long itemCount, long sizeBytes) {
    }
}
