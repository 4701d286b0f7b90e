package dev.cloudjar.services.dynamodb.table;

import java.util.List;

/** A secondary index as requested in CreateTable or UpdateTable, before validation. */
public record IndexSpec(String name, List<KeyElement> keySchema, String projectionType, List<String> nonKeyAttributes,
                        Throughput throughput) {
}
