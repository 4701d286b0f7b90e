package dev.cloudjar.services.dynamodb.table;

import java.util.List;
import java.util.Map;

/** CreateTable's input in domain terms; every member may be null as the client may omit it. */
public record CreateTableRequest(String tableName, List<AttributeDefinition> attributeDefinitions,
                                 List<KeyElement> keySchema, List<IndexSpec> localSecondaryIndexes,
                                 List<IndexSpec> globalSecondaryIndexes, String billingMode, Throughput throughput,
                                 StreamSpec streamSpecification, Map<String, String> tags,
                                 Boolean deletionProtectionEnabled, String tableClass) {
}
