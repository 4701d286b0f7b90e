package dev.cloudjar.services.dynamodb.wire;

import static dev.cloudjar.services.dynamodb.wire.JsonInput.bool;
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
import dev.cloudjar.services.dynamodb.backup.BackupRecord;
import dev.cloudjar.services.dynamodb.backup.BackupsPage;
import dev.cloudjar.services.dynamodb.backup.ListBackupsRequest;
import dev.cloudjar.services.dynamodb.backup.PitrStatus;
import dev.cloudjar.services.dynamodb.backup.RestoreOverrides;
import dev.cloudjar.services.dynamodb.backup.RestoredTable;
import dev.cloudjar.services.dynamodb.table.IndexDefinition;
import dev.cloudjar.services.dynamodb.table.ResourcePolicy;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.io.IOException;

/** Backups, point-in-time recovery and resource policies over JSON 1.0. */
final class BackupHandlers {
    private final DynamoDbBackend backend;

    BackupHandlers(DynamoDbBackend backend) {
        this.backend = backend;
    }

    void register(OperationTable operations) {
        operations.register("CreateBackup", this::createBackup)
                .register("DescribeBackup", this::describeBackup)
                .register("DeleteBackup", this::deleteBackup)
                .register("ListBackups", this::listBackups)
                .register("RestoreTableFromBackup", this::restoreTableFromBackup)
                .register("UpdateContinuousBackups", this::updateContinuousBackups)
                .register("DescribeContinuousBackups", this::describeContinuousBackups)
                .register("RestoreTableToPointInTime", this::restoreTableToPointInTime)
                .register("PutResourcePolicy", this::putResourcePolicy)
                .register("GetResourcePolicy", this::getResourcePolicy)
                .register("DeleteResourcePolicy", this::deleteResourcePolicy);
    }

    private AwsResponse createBackup(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        BackupRecord b = backend.createBackup(request.scope(), string(body, "TableName"), string(body, "BackupName"));
        return JsonOutput.ok(g -> writeDetails(g, b));
    }

    private AwsResponse describeBackup(AwsRequest request) {
        BackupRecord b = backend.describeBackup(request.scope(), string(JsonProtocol.readTree(request), "BackupArn"));
        return JsonOutput.ok(g -> writeDescription(g, b));
    }

    private AwsResponse deleteBackup(AwsRequest request) {
        BackupRecord b = backend.deleteBackup(request.scope(), string(JsonProtocol.readTree(request), "BackupArn"));
        return JsonOutput.ok(g -> writeDescription(g, b));
    }

    private AwsResponse listBackups(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        BackupsPage page = backend.listBackups(request.scope(), new ListBackupsRequest(string(body, "TableName"),
                epochMillis(body, "TimeRangeLowerBound"), epochMillis(body, "TimeRangeUpperBound"), string(body, "BackupType"),
                intValue(body, "Limit"), string(body, "ExclusiveStartBackupArn")));
        return JsonOutput.ok(g -> {
            g.writeArrayFieldStart("BackupSummaries");
            for (BackupRecord b : page.backups()) {
                TableRecord t = b.source();
                g.writeStartObject();
                g.writeStringField("TableName", t.name());
                g.writeStringField("TableId", t.tableId());
                g.writeStringField("TableArn", tableArnOf(b));
                g.writeStringField("BackupArn", b.backupArn());
                g.writeStringField("BackupName", b.backupName());
                JsonOutput.epochSeconds(g, "BackupCreationDateTime", b.createdMillis());
                g.writeStringField("BackupStatus", b.status());
                g.writeStringField("BackupType", "USER");
                g.writeNumberField("BackupSizeBytes", b.sizeBytes());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (page.lastEvaluatedBackupArn() != null) {
                g.writeStringField("LastEvaluatedBackupArn", page.lastEvaluatedBackupArn());
            }
        });
    }

    private AwsResponse restoreTableFromBackup(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        RestoredTable t = backend.restoreTableFromBackup(request.scope(), string(body, "BackupArn"),
                string(body, "TargetTableName"), overrides(body));
        return restored(t);
    }

    private AwsResponse restoreTableToPointInTime(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        String source = string(body, "SourceTableArn") != null ? string(body, "SourceTableArn") : string(body, "SourceTableName");
        if (source == null) {
            throw new dev.cloudjar.core.AwsException(400, "ValidationException",
                    "Either SourceTableArn or SourceTableName must be specified");
        }
        RestoredTable t = backend.restoreTableToPointInTime(request.scope(), source, string(body, "TargetTableName"),
                Boolean.TRUE.equals(bool(body, "UseLatestRestorableTime")), epochMillis(body, "RestoreDateTime"), overrides(body));
        return restored(t);
    }

    private AwsResponse updateContinuousBackups(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        JsonNode spec = object(body, "PointInTimeRecoverySpecification");
        PitrStatus s = backend.updateContinuousBackups(request.scope(), string(body, "TableName"),
                spec == null ? null : bool(spec, "PointInTimeRecoveryEnabled"), spec == null ? null : intValue(spec, "RecoveryPeriodInDays"));
        return JsonOutput.ok(g -> writeContinuousBackups(g, s));
    }

    private AwsResponse describeContinuousBackups(AwsRequest request) {
        PitrStatus s = backend.describeContinuousBackups(request.scope(), string(JsonProtocol.readTree(request), "TableName"));
        return JsonOutput.ok(g -> writeContinuousBackups(g, s));
    }

    private AwsResponse putResourcePolicy(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        // ConfirmRemoveSelfResourceAccess is accepted: policies are not enforced, so none can lock the caller out.
        bool(body, "ConfirmRemoveSelfResourceAccess");
        String revision = backend.putResourcePolicy(request.scope(), string(body, "ResourceArn"), string(body, "Policy"),
                string(body, "ExpectedRevisionId"));
        return JsonOutput.ok(g -> g.writeStringField("RevisionId", revision));
    }

    private AwsResponse getResourcePolicy(AwsRequest request) {
        ResourcePolicy p = backend.getResourcePolicy(request.scope(), string(JsonProtocol.readTree(request), "ResourceArn"));
        return JsonOutput.ok(g -> {
            g.writeStringField("Policy", p.policy());
            g.writeStringField("RevisionId", p.revisionId());
        });
    }

    private AwsResponse deleteResourcePolicy(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        String revision = backend.deleteResourcePolicy(request.scope(), string(body, "ResourceArn"),
                string(body, "ExpectedRevisionId"));
        return JsonOutput.ok(g -> g.writeStringField("RevisionId", revision));
    }

    private static RestoreOverrides overrides(JsonNode body) {
        return new RestoreOverrides(string(body, "BillingModeOverride"), TableJson.throughput(object(body, "ProvisionedThroughputOverride")),
                list(body, "GlobalSecondaryIndexOverride", TableJson::indexSpec), list(body, "LocalSecondaryIndexOverride", TableJson::indexSpec));
    }

    private static AwsResponse restored(RestoredTable t) {
        return JsonOutput.ok(g -> TableJson.writeDescription(g, "TableDescription", t.table(), d -> {
            d.writeObjectFieldStart("RestoreSummary");
            if (t.sourceBackupArn() != null) {
                d.writeStringField("SourceBackupArn", t.sourceBackupArn());
            }
            d.writeStringField("SourceTableArn", t.sourceTableArn());
            JsonOutput.epochSeconds(d, "RestoreDateTime", t.restoreMillis());
            d.writeBooleanField("RestoreInProgress", false);
            d.writeEndObject();
        }));
    }

    private static void writeContinuousBackups(JsonGenerator g, PitrStatus s) throws IOException {
        g.writeObjectFieldStart("ContinuousBackupsDescription");
        g.writeStringField("ContinuousBackupsStatus", "ENABLED");
        g.writeObjectFieldStart("PointInTimeRecoveryDescription");
        g.writeStringField("PointInTimeRecoveryStatus", s.enabled() ? "ENABLED" : "DISABLED");
        if (s.enabled()) {
            g.writeNumberField("RecoveryPeriodInDays", s.recoveryPeriodInDays());
            JsonOutput.epochSeconds(g, "EarliestRestorableDateTime", s.earliestRestorableMillis());
            JsonOutput.epochSeconds(g, "LatestRestorableDateTime", s.latestRestorableMillis());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeDetails(JsonGenerator g, BackupRecord b) throws IOException {
        g.writeObjectFieldStart("BackupDetails");
        g.writeStringField("BackupArn", b.backupArn());
        g.writeStringField("BackupName", b.backupName());
        g.writeNumberField("BackupSizeBytes", b.sizeBytes());
        g.writeStringField("BackupStatus", b.status());
        g.writeStringField("BackupType", "USER");
        JsonOutput.epochSeconds(g, "BackupCreationDateTime", b.createdMillis());
        g.writeEndObject();
    }

    private static void writeDescription(JsonGenerator g, BackupRecord b) throws IOException {
        TableRecord t = b.source();
        g.writeObjectFieldStart("BackupDescription");
        writeDetails(g, b);
        g.writeObjectFieldStart("SourceTableDetails");
        g.writeStringField("TableName", t.name());
        g.writeStringField("TableId", t.tableId());
        g.writeStringField("TableArn", tableArnOf(b));
        g.writeNumberField("TableSizeBytes", b.sizeBytes());
        TableJson.writeKeySchema(g, t.key());
        JsonOutput.epochSeconds(g, "TableCreationDateTime", t.createdMillis());
        g.writeObjectFieldStart("ProvisionedThroughput");
        g.writeNumberField("ReadCapacityUnits", t.readCapacity());
        g.writeNumberField("WriteCapacityUnits", t.writeCapacity());
        g.writeEndObject();
        g.writeNumberField("ItemCount", b.itemCount());
        g.writeStringField("BillingMode", t.billingMode());
        g.writeEndObject();
        g.writeObjectFieldStart("SourceTableFeatureDetails");
        if (!t.localIndexes().isEmpty()) {
            g.writeArrayFieldStart("LocalSecondaryIndexes");
            for (IndexDefinition i : t.localIndexes()) {
                writeIndexInfo(g, i, false);
            }
            g.writeEndArray();
        }
        if (!t.globalIndexes().isEmpty()) {
            g.writeArrayFieldStart("GlobalSecondaryIndexes");
            for (IndexDefinition i : t.globalIndexes()) {
                writeIndexInfo(g, i, true);
            }
            g.writeEndArray();
        }
        if (t.streamEnabled()) {
            g.writeObjectFieldStart("StreamDescription");
            g.writeBooleanField("StreamEnabled", true);
            g.writeStringField("StreamViewType", t.streamViewType());
            g.writeEndObject();
        }
        if (t.ttlEnabled()) {
            g.writeObjectFieldStart("TimeToLiveDescription");
            g.writeStringField("TimeToLiveStatus", "ENABLED");
            g.writeStringField("AttributeName", t.ttlAttribute());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeIndexInfo(JsonGenerator g, IndexDefinition i, boolean global) throws IOException {
        g.writeStartObject();
        g.writeStringField("IndexName", i.name());
        TableJson.writeKeySchema(g, i.key());
        TableJson.writeProjection(g, i);
        if (global) {
            g.writeObjectFieldStart("ProvisionedThroughput");
            g.writeNumberField("ReadCapacityUnits", i.readCapacity());
            g.writeNumberField("WriteCapacityUnits", i.writeCapacity());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static String tableArnOf(BackupRecord b) {
        return b.backupArn().substring(0, b.backupArn().lastIndexOf("/backup/"));
    }

    /** A timestamp member (epoch seconds, possibly fractional, as the SDKs send it) in epoch millis, or null. */
    static Long epochMillis(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw JsonProtocol.serializationError("Unexpected value type in payload");
        }
        return v.decimalValue().movePointRight(3).setScale(0, java.math.RoundingMode.FLOOR).longValue();
    }
}
