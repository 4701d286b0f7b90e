package dev.cloudjar.services.dynamodb.wire;

import static dev.cloudjar.services.dynamodb.wire.JsonInput.intValue;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.list;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.object;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.string;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.dynamodb.DynamoDbBackend;
import dev.cloudjar.services.dynamodb.table.GlobalTableDescription;
import dev.cloudjar.services.dynamodb.table.GlobalTableRecord;
import dev.cloudjar.services.dynamodb.table.IndexDefinition;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CreateGlobalTable, DescribeGlobalTable, ListGlobalTables, UpdateGlobalTable and
 * DescribeGlobalTableSettings (global tables version 2017.11.29) over JSON 1.0.
 */
final class GlobalTableHandlers {
    private static final int DEFAULT_LIMIT = 100;
    private final DynamoDbBackend backend;

    GlobalTableHandlers(DynamoDbBackend backend) {
        this.backend = backend;
    }

    void register(OperationTable operations) {
        operations.register("CreateGlobalTable", this::create)
                .register("DescribeGlobalTable", this::describe)
                .register("ListGlobalTables", this::listGlobalTables)
                .register("UpdateGlobalTable", this::update)
                .register("DescribeGlobalTableSettings", this::describeSettings);
    }

    private AwsResponse create(AwsRequest request) {
        JsonNode b = JsonProtocol.readTree(request);
        List<String> regions = list(b, "ReplicationGroup", r -> string(r, "RegionName"));
        GlobalTableDescription g = backend.createGlobalTable(request.scope(), string(b, "GlobalTableName"), regions);
        return JsonOutput.ok(out -> writeDescription(out, g));
    }

    private AwsResponse describe(AwsRequest request) {
        GlobalTableDescription g = backend.describeGlobalTable(request.scope(), string(JsonProtocol.readTree(request), "GlobalTableName"));
        return JsonOutput.ok(out -> writeDescription(out, g));
    }

    private AwsResponse update(AwsRequest request) {
        JsonNode b = JsonProtocol.readTree(request);
        List<String> creates = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        List<JsonNode> updates = list(b, "ReplicaUpdates", u -> u);
        for (JsonNode u : updates == null ? List.<JsonNode>of() : updates) {
            JsonNode create = object(u, "Create");
            JsonNode delete = object(u, "Delete");
            if (create != null) {
                creates.add(string(create, "RegionName"));
            }
            if (delete != null) {
                deletes.add(string(delete, "RegionName"));
            }
        }
        GlobalTableDescription g = backend.updateGlobalTable(request.scope(), string(b, "GlobalTableName"), creates, deletes);
        return JsonOutput.ok(out -> writeDescription(out, g));
    }

    private AwsResponse listGlobalTables(AwsRequest request) {
        JsonNode b = JsonProtocol.readTree(request);
        Integer asked = intValue(b, "Limit");
        int limit = asked == null ? DEFAULT_LIMIT : asked;
        List<GlobalTableRecord> found = backend.listGlobalTables(request.scope(), string(b, "RegionName"),
                string(b, "ExclusiveStartGlobalTableName"), limit);
        List<GlobalTableRecord> page = found.size() > limit ? found.subList(0, limit) : found;
        return JsonOutput.ok(out -> {
            out.writeArrayFieldStart("GlobalTables");
            for (GlobalTableRecord g : page) {
                out.writeStartObject();
                out.writeStringField("GlobalTableName", g.name());
                writeRegions(out, g);
                out.writeEndObject();
            }
            out.writeEndArray();
            if (found.size() > limit) {
                out.writeStringField("LastEvaluatedGlobalTableName", page.get(page.size() - 1).name());
            }
        });
    }

    private AwsResponse describeSettings(AwsRequest request) {
        GlobalTableRecord g = backend.describeGlobalTable(request.scope(), string(JsonProtocol.readTree(request), "GlobalTableName")).table();
        Map<String, TableRecord> replicas = backend.globalTableReplicas(request.scope(), g);
        return JsonOutput.ok(out -> {
            out.writeStringField("GlobalTableName", g.name());
            out.writeArrayFieldStart("ReplicaSettings");
            for (Map.Entry<String, TableRecord> replica : replicas.entrySet()) {
                TableRecord d = replica.getValue();
                out.writeStartObject();
                out.writeStringField("RegionName", replica.getKey());
                if (d != null) {
                    out.writeStringField("ReplicaStatus", "ACTIVE");
                    TableJson.writeBillingMode(out, "ReplicaBillingModeSummary", d);
                    out.writeNumberField("ReplicaProvisionedReadCapacityUnits", d.payPerRequest() ? 0 : d.readCapacity());
                    out.writeNumberField("ReplicaProvisionedWriteCapacityUnits", d.payPerRequest() ? 0 : d.writeCapacity());
                    out.writeArrayFieldStart("ReplicaGlobalSecondaryIndexSettings");
                    for (IndexDefinition index : d.globalIndexes()) {
                        out.writeStartObject();
                        out.writeStringField("IndexName", index.name());
                        out.writeStringField("IndexStatus", "ACTIVE");
                        out.writeNumberField("ProvisionedReadCapacityUnits", d.payPerRequest() ? 0 : index.readCapacity());
                        out.writeNumberField("ProvisionedWriteCapacityUnits", d.payPerRequest() ? 0 : index.writeCapacity());
                        out.writeEndObject();
                    }
                    out.writeEndArray();
                } else {
                    out.writeStringField("ReplicaStatus", "DELETING");
                }
                out.writeEndObject();
            }
            out.writeEndArray();
        });
    }

    private static void writeDescription(JsonGenerator out, GlobalTableDescription d) throws IOException {
        GlobalTableRecord g = d.table();
        out.writeObjectFieldStart("GlobalTableDescription");
        writeRegions(out, g);
        out.writeStringField("GlobalTableArn", d.arn());
        JsonOutput.epochSeconds(out, "CreationDateTime", g.createdMillis());
        out.writeStringField("GlobalTableStatus", d.status());
        out.writeStringField("GlobalTableName", g.name());
        out.writeEndObject();
    }

    private static void writeRegions(JsonGenerator out, GlobalTableRecord g) throws IOException {
        out.writeArrayFieldStart("ReplicationGroup");
        for (String region : g.regions()) {
            out.writeStartObject();
            out.writeStringField("RegionName", region);
            out.writeEndObject();
        }
        out.writeEndArray();
    }
}
