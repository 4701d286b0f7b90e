package dev.cloudjar.services.dynamodb.backup;

import dev.cloudjar.services.dynamodb.table.IndexSpec;
import dev.cloudjar.services.dynamodb.table.Throughput;
import java.util.List;

/**
 * What a restore may change about the restored table: billing mode, throughput, and which of the
 * source's secondary indexes to keep (null keeps them all).
 */
public record RestoreOverrides(String billingMode, Throughput throughput, List<IndexSpec> globalIndexes,
                               List<IndexSpec> localIndexes) {
    public static final RestoreOverrides NONE = new RestoreOverrides(null, null, null, null);
}
