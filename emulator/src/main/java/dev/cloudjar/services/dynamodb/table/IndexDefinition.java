package dev.cloudjar.services.dynamodb.table;

import java.util.List;

/**
 * A secondary index: its key, its projection (ALL, KEYS_ONLY or INCLUDE with the non-key attributes)
 * and, for a provisioned global index, its throughput.
 */
public record IndexDefinition(String name, boolean global, KeySchema key, String projectionType,
                              List<String> nonKeyAttributes, long readCapacity, long writeCapacity) {

    public IndexDefinition {
        nonKeyAttributes = nonKeyAttributes == null ? null : List.copyOf(nonKeyAttributes);
    }

    public IndexDefinition withThroughput(long read, long write) {
        return new IndexDefinition(name, global, key, projectionType, nonKeyAttributes, read, write);
    }
}
