package dev.cloudjar.services.dynamodb.table;

import java.util.List;

/** UpdateTable's input in domain terms; null members are left unchanged. */
public record UpdateTableRequest(String tableName, List<AttributeDefinition> attributeDefinitions, String billingMode,
                                 Throughput throughput, List<GsiUpdate> gsiUpdates, StreamSpec streamSpecification,
                                 Boolean deletionProtectionEnabled, String tableClass) {

    /** True when no member asks for a change (ReplicaUpdates are handled apart from this request). */
    public boolean changesNothing() {
        return billingMode == null && throughput == null && (gsiUpdates == null || gsiUpdates.isEmpty())
                && streamSpecification == null && deletionProtectionEnabled == null && tableClass == null;
    }
}
