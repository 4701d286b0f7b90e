package dev.cloudjar.services.dynamodb.wire;

import static dev.cloudjar.services.dynamodb.wire.JsonInput.bool;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.list;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.longValue;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.object;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.string;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.strings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.services.dynamodb.table.AttributeDefinition;
import dev.cloudjar.services.dynamodb.table.CreateTableRequest;
import dev.cloudjar.services.dynamodb.table.GsiUpdate;
import dev.cloudjar.services.dynamodb.table.IndexDefinition;
import dev.cloudjar.services.dynamodb.table.IndexSpec;
import dev.cloudjar.services.dynamodb.table.KeyElement;
import dev.cloudjar.services.dynamodb.table.KeySchema;
import dev.cloudjar.services.dynamodb.table.ReplicaUpdate;
import dev.cloudjar.services.dynamodb.table.StreamSpec;
import dev.cloudjar.services.dynamodb.table.TableDescription;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import dev.cloudjar.services.dynamodb.table.Throughput;
import dev.cloudjar.services.dynamodb.table.UpdateTableRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binds the table-management requests and renders TableDescription as AWS shapes it. */
final class TableJson {
    private TableJson() {
    }

    static CreateTableRequest createTable(JsonNode body) {
        Map<String, String> tags = null;
        List<Map.Entry<String, String>> tagList = list(body, "Tags", t -> Map.entry(nonNull(string(t, "Key")), nonNull(string(t, "Value"))));
        if (tagList != null) {
            tags = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : tagList) {
                tags.put(e.getKey(), e.getValue());
            }
        }
        return new CreateTableRequest(string(body, "TableName"), attributeDefinitions(body), keySchema(body),
                list(body, "LocalSecondaryIndexes", TableJson::indexSpec), list(body, "GlobalSecondaryIndexes", TableJson::indexSpec),
                string(body, "BillingMode"), throughput(object(body, "ProvisionedThroughput")), streamSpec(body), tags,
                bool(body, "DeletionProtectionEnabled"), string(body, "TableClass"));
    }

    static UpdateTableRequest updateTable(JsonNode body) {
        List<GsiUpdate> updates = list(body, "GlobalSecondaryIndexUpdates", u -> {
            JsonNode create = object(u, "Create");
            JsonNode delete = object(u, "Delete");
            JsonNode update = object(u, "Update");
            return new GsiUpdate(create == null ? null : indexSpec(create), delete == null ? null : string(delete, "IndexName"),
                    update == null ? null : string(update, "IndexName"),
                    update == null ? null : throughput(object(update, "ProvisionedThroughput")));
        });
        return new UpdateTableRequest(string(body, "TableName"), attributeDefinitions(body), string(body, "BillingMode"),
                throughput(object(body, "ProvisionedThroughput")), updates, streamSpec(body),
                bool(body, "DeletionProtectionEnabled"), string(body, "TableClass"));
    }

    /** UpdateTable's ReplicaUpdates, each with one of Create, Update or Delete (empty when absent). */
    static List<ReplicaUpdate> replicaUpdates(JsonNode body) {
        List<ReplicaUpdate> updates = list(body, "ReplicaUpdates", u -> {
            for (String action : List.of("Create", "Update", "Delete")) {
                JsonNode member = object(u, action);
                if (member != null) {
                    return new ReplicaUpdate(action, string(member, "RegionName"));
                }
            }
            throw new AwsException(400, "ValidationException", "One or more parameter values were invalid: "
                    + "a replica update must contain Create, Update or Delete");
        });
        return updates == null ? List.of() : updates;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static List<AttributeDefinition> attributeDefinitions(JsonNode body) {
        return list(body, "AttributeDefinitions", d -> new AttributeDefinition(string(d, "AttributeName"), string(d, "AttributeType")));
    }

    private static List<KeyElement> keySchema(JsonNode body) {
        return list(body, "KeySchema", k -> new KeyElement(string(k, "AttributeName"), string(k, "KeyType")));
    }

    static IndexSpec indexSpec(JsonNode node) {
        JsonNode projection = object(node, "Projection");
        return new IndexSpec(string(node, "IndexName"), keySchema(node), projection == null ? null : string(projection, "ProjectionType"),
                projection == null ? null : strings(projection, "NonKeyAttributes"), throughput(object(node, "ProvisionedThroughput")));
    }

    static Throughput throughput(JsonNode node) {
        return node == null ? null : new Throughput(longValue(node, "ReadCapacityUnits"), longValue(node, "WriteCapacityUnits"));
    }

    private static StreamSpec streamSpec(JsonNode body) {
        JsonNode node = object(body, "StreamSpecification");
        return node == null ? null : new StreamSpec(bool(node, "StreamEnabled"), string(node, "StreamViewType"));
    }

    /** Writes {@code "TableDescription": {...}} (or "Table" for DescribeTable). */
    static void writeDescription(JsonGenerator g, String field, TableDescription t) throws IOException {
        writeDescription(g, field, t, null);
    }

    /** The same, with {@code extra} members (a restore's RestoreSummary) written inside the description. */
    static void writeDescription(JsonGenerator g, String field, TableDescription t, JsonOutput.Body extra) throws IOException {
        TableRecord d = t.definition();
        if (t.status().equals("DELETING")) {
            writeDeleted(g, field, t);
            return;
        }
        g.writeObjectFieldStart(field);
        g.writeArrayFieldStart("AttributeDefinitions");
        for (AttributeDefinition a : d.attributeDefinitions()) {
            g.writeStartObject();
            g.writeStringField("AttributeName", a.name());
            g.writeStringField("AttributeType", a.type());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("TableName", d.name());
        writeKeySchema(g, d.key());
        g.writeStringField("TableStatus", t.status());
        JsonOutput.epochSeconds(g, "CreationDateTime", d.createdMillis());
        writeThroughput(g, d.readCapacity(), d.writeCapacity());
        writeStatistics(g, t);
        if (!d.localIndexes().isEmpty()) {
            g.writeArrayFieldStart("LocalSecondaryIndexes");
            for (IndexDefinition index : d.localIndexes()) {
                writeIndex(g, t, index, false);
            }
            g.writeEndArray();
        }
        if (!d.globalIndexes().isEmpty()) {
            g.writeArrayFieldStart("GlobalSecondaryIndexes");
            for (IndexDefinition index : d.globalIndexes()) {
                writeIndex(g, t, index, true);
            }
            g.writeEndArray();
        }
        if (d.streamEnabled()) {
            g.writeObjectFieldStart("StreamSpecification");
            g.writeBooleanField("StreamEnabled", true);
            g.writeStringField("StreamViewType", d.streamViewType());
            g.writeEndObject();
        }
        if (t.latestStreamArn() != null) {
            g.writeStringField("LatestStreamLabel", d.streamLabel());
            g.writeStringField("LatestStreamArn", t.latestStreamArn());
        }
        if (d.tableClass() != null) {
            g.writeObjectFieldStart("TableClassSummary");
            g.writeStringField("TableClass", d.tableClass());
            g.writeEndObject();
        }
        if (!t.replicaRegions().isEmpty()) {
            g.writeStringField("GlobalTableVersion", "2019.11.21");
            g.writeArrayFieldStart("Replicas");
            for (String region : t.replicaRegions()) {
                g.writeStartObject();
                g.writeStringField("RegionName", region);
                g.writeStringField("ReplicaStatus", "ACTIVE");
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeBooleanField("DeletionProtectionEnabled", d.deletionProtection());
        writeWarmThroughput(g, d.readCapacity(), d.writeCapacity(), t.status());
        if (extra != null) {
            extra.write(g);
        }
        g.writeEndObject();
    }

    private static void writeIndex(JsonGenerator g, TableDescription t, IndexDefinition index, boolean global) throws IOException {
        g.writeStartObject();
        g.writeStringField("IndexName", index.name());
        writeKeySchema(g, index.key());
        writeProjection(g, index);
        if (global) {
            g.writeStringField("IndexStatus", t.creatingIndexes().contains(index.name()) ? "CREATING" : "ACTIVE");
            writeThroughput(g, index.readCapacity(), index.writeCapacity());
        }
        TableDescription.IndexStats stats = t.indexStats().get(index.name());
        g.writeNumberField("IndexSizeBytes", stats == null ? 0 : stats.sizeBytes());
        g.writeNumberField("ItemCount", stats == null ? 0 : stats.itemCount());
        g.writeStringField("IndexArn", t.tableArn() + "/index/" + index.name());
        if (global) {
            writeWarmThroughput(g, index.readCapacity(), index.writeCapacity(),
                    t.creatingIndexes().contains(index.name()) ? "CREATING" : "ACTIVE");
        }
        g.writeEndObject();
    }

    /**
     * DeleteTable's description: DynamoDB answers with the table's identity, status, throughput and
     * statistics only (no key schema, attribute definitions or indexes).
     */
    private static void writeDeleted(JsonGenerator g, String field, TableDescription t) throws IOException {
        TableRecord d = t.definition();
        g.writeObjectFieldStart(field);
        g.writeStringField("TableName", d.name());
        g.writeStringField("TableStatus", t.status());
        writeThroughput(g, d.readCapacity(), d.writeCapacity());
        writeStatistics(g, t);
        g.writeBooleanField("DeletionProtectionEnabled", d.deletionProtection());
        g.writeEndObject();
    }

    /** Size, count, identity and billing mode: members every table description has, DeleteTable's too. */
    private static void writeStatistics(JsonGenerator g, TableDescription t) throws IOException {
        TableRecord d = t.definition();
        g.writeNumberField("TableSizeBytes", t.sizeBytes());
        g.writeNumberField("ItemCount", t.itemCount());
        g.writeStringField("TableArn", t.tableArn());
        g.writeStringField("TableId", d.tableId());
        writeBillingMode(g, d);
    }

    private static void writeBillingMode(JsonGenerator g, TableRecord d) throws IOException {
        writeBillingMode(g, "BillingModeSummary", d);
    }

    /** A BillingModeSummary under {@code field} (DescribeTable's, or a global table replica's). */
    static void writeBillingMode(JsonGenerator g, String field, TableRecord d) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("BillingMode", d.billingMode());
        if (d.payPerRequest()) {
            JsonOutput.epochSeconds(g, "LastUpdateToPayPerRequestDateTime", d.payPerRequestSinceMillis());
        }
        g.writeEndObject();
    }

    /**
     * Warm throughput: every new table and global index starts warm at DynamoDB's baseline of 12,000
     * read and 4,000 write units per second, or its provisioned capacity where that is higher.
     */
    private static void writeWarmThroughput(JsonGenerator g, long read, long write, String status) throws IOException {
        g.writeObjectFieldStart("WarmThroughput");
        g.writeNumberField("ReadUnitsPerSecond", Math.max(12_000, read));
        g.writeNumberField("WriteUnitsPerSecond", Math.max(4_000, write));
        g.writeStringField("Status", status);
        g.writeEndObject();
    }

    static void writeProjection(JsonGenerator g, IndexDefinition index) throws IOException {
        g.writeObjectFieldStart("Projection");
        g.writeStringField("ProjectionType", index.projectionType());
        if (index.nonKeyAttributes() != null) {
            g.writeArrayFieldStart("NonKeyAttributes");
            for (String a : index.nonKeyAttributes()) {
                g.writeString(a);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeThroughput(JsonGenerator g, long read, long write) throws IOException {
        g.writeObjectFieldStart("ProvisionedThroughput");
        g.writeNumberField("NumberOfDecreasesToday", 0);
        g.writeNumberField("ReadCapacityUnits", read);
        g.writeNumberField("WriteCapacityUnits", write);
        g.writeEndObject();
    }

    static void writeKeySchema(JsonGenerator g, KeySchema key) throws IOException {
        g.writeArrayFieldStart("KeySchema");
        for (KeySchema.KeyAttribute a : key.hashAttributes()) {
            writeKeyElement(g, a.name(), "HASH");
        }
        for (KeySchema.KeyAttribute a : key.rangeAttributes()) {
            writeKeyElement(g, a.name(), "RANGE");
        }
        g.writeEndArray();
    }

    private static void writeKeyElement(JsonGenerator g, String name, String type) throws IOException {
        g.writeStartObject();
        g.writeStringField("AttributeName", name);
        g.writeStringField("KeyType", type);
        g.writeEndObject();
    }
}
