package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.InvalidRestoreTimeException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/** Backups, point-in-time recovery and resource policies through the AWS SDK v2 and boto3. */
@ExtendWith(CloudJarExtension.class)
class DynamoDbBackupsIT {
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"000000000000\"},\"Action\":[\"dynamodb:GetItem\"],\"Resource\":\"*\"}]}";

    private static void createTable(DynamoDbClient ddb, String name) {
        ddb.createTable(b -> b.tableName(name)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-g")
                        .keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    private static void put(DynamoDbClient ddb, String table, String pk, String value) {
        ddb.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk), "g", AttributeValue.fromS("x"),
                "v", AttributeValue.fromS(value))));
    }

    private static Map<String, String> contents(DynamoDbClient ddb, String table) {
        Map<String, String> out = new java.util.TreeMap<>();
        ddb.scan(b -> b.tableName(table)).items().forEach(i -> out.put(i.get("pk").s(), i.get("v").s()));
        return out;
    }

    @Test
    void backupThenRestoreGivesTheItemsAsTheyWereAtBackupTime(DynamoDbClient ddb) {
        createTable(ddb, "bk-source");
        put(ddb, "bk-source", "a", "1");
        put(ddb, "bk-source", "b", "2");
        BackupDetails details = ddb.createBackup(b -> b.tableName("bk-source").backupName("nightly")).backupDetails();
        assertTrue(details.backupArn().matches("arn:aws:dynamodb:us-east-1:000000000000:table/bk-source/backup/\\d{14}-[0-9a-f]{8}"),
                details.backupArn());
        assertEquals("nightly", details.backupName());
        assertEquals(BackupStatus.AVAILABLE, details.backupStatus());
        assertEquals("USER", details.backupTypeAsString());
        assertTrue(details.backupSizeBytes() > 0);
        put(ddb, "bk-source", "a", "changed");
        ddb.deleteItem(b -> b.tableName("bk-source").key(Map.of("pk", AttributeValue.fromS("b"))));

        BackupDescription description = ddb.describeBackup(b -> b.backupArn(details.backupArn())).backupDescription();
        assertEquals("bk-source", description.sourceTableDetails().tableName());
        assertEquals(2L, description.sourceTableDetails().itemCount());
        assertEquals(BillingMode.PAY_PER_REQUEST, description.sourceTableDetails().billingMode());
        assertEquals("pk", description.sourceTableDetails().keySchema().get(0).attributeName());
        assertEquals("by-g", description.sourceTableFeatureDetails().globalSecondaryIndexes().get(0).indexName());

        TableDescription restored = ddb.restoreTableFromBackup(b -> b.backupArn(details.backupArn())
                .targetTableName("bk-restored")).tableDescription();
        assertEquals("bk-restored", restored.tableName());
        assertEquals(details.backupArn(), restored.restoreSummary().sourceBackupArn());
        assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/bk-source", restored.restoreSummary().sourceTableArn());
        assertFalse(restored.restoreSummary().restoreInProgress());
        assertEquals(Map.of("a", "1", "b", "2"), contents(ddb, "bk-restored"));
        assertEquals(2, ddb.query(b -> b.tableName("bk-restored").indexName("by-g").keyConditionExpression("g = :g")
                .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("x")))).count());
        assertEquals(Map.of("a", "changed"), contents(ddb, "bk-source"));

        TableAlreadyExistsException exists = assertThrows(TableAlreadyExistsException.class,
                () -> ddb.restoreTableFromBackup(b -> b.backupArn(details.backupArn()).targetTableName("bk-source")));
        assertEquals("Table already exists: bk-source", exists.awsErrorDetails().errorMessage());

        BackupDescription deleted = ddb.deleteBackup(b -> b.backupArn(details.backupArn())).backupDescription();
        assertEquals(BackupStatus.DELETED, deleted.backupDetails().backupStatus());
        BackupNotFoundException gone = assertThrows(BackupNotFoundException.class,
                () -> ddb.describeBackup(b -> b.backupArn(details.backupArn())));
        assertEquals("Backup not found: " + details.backupArn(), gone.awsErrorDetails().errorMessage());
        assertThrows(BackupNotFoundException.class,
                () -> ddb.restoreTableFromBackup(b -> b.backupArn(details.backupArn()).targetTableName("bk-again")));
    }

    @Test
    void restoreOverridesDropIndexesAndChangeBilling(DynamoDbClient ddb) {
        createTable(ddb, "bk-over");
        put(ddb, "bk-over", "a", "1");
        String arn = ddb.createBackup(b -> b.tableName("bk-over").backupName("bk1")).backupDetails().backupArn();
        TableDescription t = ddb.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("bk-over-2")
                .globalSecondaryIndexOverride(List.of()).billingModeOverride(BillingMode.PROVISIONED)
                .provisionedThroughputOverride(ProvisionedThroughput.builder().readCapacityUnits(3L).writeCapacityUnits(4L).build()))
                .tableDescription();
        assertTrue(t.globalSecondaryIndexes().isEmpty());
        assertEquals(List.of("pk"), t.attributeDefinitions().stream().map(AttributeDefinition::attributeName).toList());
        assertEquals(BillingMode.PROVISIONED, ddb.describeTable(b -> b.tableName("bk-over-2")).table().billingModeSummary().billingMode());
        assertEquals(3L, ddb.describeTable(b -> b.tableName("bk-over-2")).table().provisionedThroughput().readCapacityUnits());
        assertEquals(Map.of("a", "1"), contents(ddb, "bk-over-2"));
    }

    @Test
    void listBackupsFiltersByTableAndTimeAndPages(DynamoDbClient ddb, CloudJar cloudJar) {
        createTable(ddb, "bk-list-a");
        createTable(ddb, "bk-list-b");
        Instant before = cloudJar.context().clock().instant();
        String first = ddb.createBackup(b -> b.tableName("bk-list-a").backupName("one")).backupDetails().backupArn();
        cloudJar.advanceClock(Duration.ofSeconds(10));
        String second = ddb.createBackup(b -> b.tableName("bk-list-a").backupName("two")).backupDetails().backupArn();
        ddb.createBackup(b -> b.tableName("bk-list-b").backupName("three"));

        List<BackupSummary> forA = ddb.listBackups(b -> b.tableName("bk-list-a")).backupSummaries();
        assertEquals(List.of(first, second), forA.stream().map(BackupSummary::backupArn).toList());
        assertEquals("bk-list-a", forA.get(0).tableName());
        assertEquals(BackupStatus.AVAILABLE, forA.get(0).backupStatus());

        ListBackupsResponse page = ddb.listBackups(b -> b.tableName("bk-list-a").limit(1));
        assertEquals(List.of(first), page.backupSummaries().stream().map(BackupSummary::backupArn).toList());
        assertEquals(first, page.lastEvaluatedBackupArn());
        ListBackupsResponse next = ddb.listBackups(b -> b.tableName("bk-list-a").limit(1).exclusiveStartBackupArn(first));
        assertEquals(List.of(second), next.backupSummaries().stream().map(BackupSummary::backupArn).toList());

        List<BackupSummary> early = ddb.listBackups(b -> b.tableName("bk-list-a").timeRangeLowerBound(before)
                .timeRangeUpperBound(before.plusSeconds(5))).backupSummaries();
        assertEquals(List.of(first), early.stream().map(BackupSummary::backupArn).toList());

        TableNotFoundException missing = assertThrows(TableNotFoundException.class,
                () -> ddb.createBackup(b -> b.tableName("bk-none").backupName("xyz")));
        assertEquals("Table not found: bk-none", missing.awsErrorDetails().errorMessage());
        DynamoDbException badName = assertThrows(DynamoDbException.class,
                () -> ddb.createBackup(b -> b.tableName("bk-list-a").backupName("a b")));
        assertEquals("ValidationException", badName.awsErrorDetails().errorCode());
        assertTrue(badName.awsErrorDetails().errorMessage().contains("'backupName'"), badName.awsErrorDetails().errorMessage());
    }

    @Test
    void pointInTimeRecoveryRestoresTheTableAsItWasThen(DynamoDbClient ddb, CloudJar cloudJar) {
        createTable(ddb, "pitr-source");
        put(ddb, "pitr-source", "before", "0");
        ContinuousBackupsDescription off = ddb.describeContinuousBackups(b -> b.tableName("pitr-source")).continuousBackupsDescription();
        assertEquals("ENABLED", off.continuousBackupsStatusAsString());
        assertEquals(PointInTimeRecoveryStatus.DISABLED, off.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus());
        assertNull(off.pointInTimeRecoveryDescription().earliestRestorableDateTime());
        PointInTimeRecoveryUnavailableException unavailable = assertThrows(PointInTimeRecoveryUnavailableException.class,
                () -> ddb.restoreTableToPointInTime(b -> b.sourceTableName("pitr-source").targetTableName("pitr-x")
                        .useLatestRestorableTime(true)));
        assertEquals("Point in time recovery is not enabled for table 'pitr-source'", unavailable.awsErrorDetails().errorMessage());

        Instant enabledAt = cloudJar.context().clock().instant();
        ContinuousBackupsDescription on = ddb.updateContinuousBackups(b -> b.tableName("pitr-source")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true))).continuousBackupsDescription();
        assertEquals(PointInTimeRecoveryStatus.ENABLED, on.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus());
        Instant enabledBy = cloudJar.context().clock().instant();
        assertEquals(35, on.pointInTimeRecoveryDescription().recoveryPeriodInDays());
        put(ddb, "pitr-source", "a", "1");
        put(ddb, "pitr-source", "b", "1");
        cloudJar.advanceClock(Duration.ofMinutes(10));
        Instant snapshot = cloudJar.context().clock().instant();
        cloudJar.advanceClock(Duration.ofMinutes(10));
        put(ddb, "pitr-source", "a", "2");
        ddb.deleteItem(b -> b.tableName("pitr-source").key(Map.of("pk", AttributeValue.fromS("b"))));
        put(ddb, "pitr-source", "c", "2");
        ddb.deleteItem(b -> b.tableName("pitr-source").key(Map.of("pk", AttributeValue.fromS("before"))));

        Instant justBefore = cloudJar.context().clock().instant();
        ContinuousBackupsDescription described = ddb.describeContinuousBackups(b -> b.tableName("pitr-source"))
                .continuousBackupsDescription();
        Instant justAfter = cloudJar.context().clock().instant();
        Instant earliest = described.pointInTimeRecoveryDescription().earliestRestorableDateTime();
        assertFalse(earliest.isBefore(enabledAt) || earliest.isAfter(enabledBy), enabledAt + " <= " + earliest + " <= " + enabledBy);
        Instant latest = described.pointInTimeRecoveryDescription().latestRestorableDateTime();
        assertFalse(latest.isBefore(justBefore.minus(Duration.ofMinutes(5))), latest + " vs " + justBefore);
        assertFalse(latest.isAfter(justAfter.minus(Duration.ofMinutes(5))), latest + " vs " + justAfter);

        TableDescription restored = ddb.restoreTableToPointInTime(b -> b.sourceTableName("pitr-source")
                .targetTableName("pitr-then").restoreDateTime(snapshot)).tableDescription();
        assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/pitr-source", restored.restoreSummary().sourceTableArn());
        assertNull(restored.restoreSummary().sourceBackupArn());
        assertEquals(Map.of("before", "0", "a", "1", "b", "1"), contents(ddb, "pitr-then"));

        ddb.restoreTableToPointInTime(b -> b.sourceTableArn("arn:aws:dynamodb:us-east-1:000000000000:table/pitr-source")
                .targetTableName("pitr-latest").useLatestRestorableTime(true));
        assertEquals(Map.of("before", "0", "a", "1", "b", "1"), contents(ddb, "pitr-latest"));
        cloudJar.advanceClock(Duration.ofMinutes(6));
        ddb.restoreTableToPointInTime(b -> b.sourceTableName("pitr-source").targetTableName("pitr-latest-2")
                .useLatestRestorableTime(true));
        assertEquals(Map.of("a", "2", "c", "2"), contents(ddb, "pitr-latest-2"));

        InvalidRestoreTimeException early = assertThrows(InvalidRestoreTimeException.class,
                () -> ddb.restoreTableToPointInTime(b -> b.sourceTableName("pitr-source").targetTableName("pitr-early")
                        .restoreDateTime(enabledAt.minus(Duration.ofHours(1)))));
        assertEquals("RestoreDateTime must be between EarliestRestorableDateTime and LatestRestorableDateTime",
                early.awsErrorDetails().errorMessage());
        TableNotFoundException noSource = assertThrows(TableNotFoundException.class,
                () -> ddb.restoreTableToPointInTime(b -> b.sourceTableName("pitr-none").targetTableName("pitr-y")
                        .useLatestRestorableTime(true)));
        assertEquals("Table not found: pitr-none", noSource.awsErrorDetails().errorMessage());
        assertThrows(TableAlreadyExistsException.class, () -> ddb.restoreTableToPointInTime(b -> b.sourceTableName("pitr-source")
                .targetTableName("pitr-then").useLatestRestorableTime(true)));

        ContinuousBackupsDescription disabled = ddb.updateContinuousBackups(b -> b.tableName("pitr-source")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(false))).continuousBackupsDescription();
        assertEquals(PointInTimeRecoveryStatus.DISABLED, disabled.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus());
        TableNotFoundException noTable = assertThrows(TableNotFoundException.class,
                () -> ddb.describeContinuousBackups(b -> b.tableName("pitr-none")));
        assertEquals("Table not found: pitr-none", noTable.awsErrorDetails().errorMessage());
        DynamoDbException period = assertThrows(DynamoDbException.class, () -> ddb.updateContinuousBackups(b -> b.tableName("pitr-source")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(36))));
        assertEquals("ValidationException", period.awsErrorDetails().errorCode());
    }

    @Test
    void resourcePoliciesKeepRevisions(DynamoDbClient ddb) {
        createTable(ddb, "policy-table");
        String arn = ddb.describeTable(b -> b.tableName("policy-table")).table().tableArn();
        PolicyNotFoundException none = assertThrows(PolicyNotFoundException.class, () -> ddb.getResourcePolicy(b -> b.resourceArn(arn)));
        assertEquals("Resource-based policy not found for the provided ResourceArn: " + arn, none.awsErrorDetails().errorMessage());

        String r1 = ddb.putResourcePolicy(b -> b.resourceArn(arn).policy(POLICY).expectedRevisionId("NO_POLICY")).revisionId();
        assertEquals(r1, ddb.putResourcePolicy(b -> b.resourceArn(arn).policy(POLICY)).revisionId());
        assertEquals(POLICY, ddb.getResourcePolicy(b -> b.resourceArn(arn)).policy());
        String changed = POLICY.replace("GetItem", "PutItem");
        String r2 = ddb.putResourcePolicy(b -> b.resourceArn(arn).policy(changed).expectedRevisionId(r1)
                .confirmRemoveSelfResourceAccess(true)).revisionId();
        assertTrue(r2.compareTo(r1) > 0, r1 + " then " + r2);

        PolicyNotFoundException stale = assertThrows(PolicyNotFoundException.class,
                () -> ddb.putResourcePolicy(b -> b.resourceArn(arn).policy(POLICY).expectedRevisionId(r1)));
        assertEquals("Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id "
                + r1 + ", but the policy associated to target table policy-table has revision id " + r2 + ".",
                stale.awsErrorDetails().errorMessage());
        PolicyNotFoundException expectedNone = assertThrows(PolicyNotFoundException.class,
                () -> ddb.putResourcePolicy(b -> b.resourceArn(arn).policy(POLICY).expectedRevisionId("NO_POLICY")));
        assertEquals("Resource-based policy not found for the provided ResourceArn: Requested policy update expecting none to be "
                + "present for table policy-table, but a policy exists with revision id " + r2 + ".", expectedNone.awsErrorDetails().errorMessage());
        ResourceNotFoundException unknown = assertThrows(ResourceNotFoundException.class,
                () -> ddb.putResourcePolicy(b -> b.resourceArn(arn + "_").policy(POLICY)));
        assertEquals("Requested resource not found: Table: policy-table_ not found", unknown.awsErrorDetails().errorMessage());
        DynamoDbException notJson = assertThrows(DynamoDbException.class,
                () -> ddb.putResourcePolicy(b -> b.resourceArn(arn).policy("{not json")));
        assertEquals("ValidationException", notJson.awsErrorDetails().errorCode());

        assertThrows(PolicyNotFoundException.class, () -> ddb.deleteResourcePolicy(b -> b.resourceArn(arn).expectedRevisionId("unknown")));
        assertEquals(r2, ddb.deleteResourcePolicy(b -> b.resourceArn(arn).expectedRevisionId(r2)).revisionId());
        assertThrows(PolicyNotFoundException.class, () -> ddb.getResourcePolicy(b -> b.resourceArn(arn)));
        assertThrows(PolicyNotFoundException.class, () -> ddb.deleteResourcePolicy(b -> b.resourceArn(arn)));

        ddb.updateTable(b -> b.tableName("policy-table").streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(StreamViewType.KEYS_ONLY)));
        String streamArn = ddb.describeTable(b -> b.tableName("policy-table")).table().latestStreamArn();
        String rs = ddb.putResourcePolicy(b -> b.resourceArn(streamArn).policy(POLICY)).revisionId();
        assertEquals(rs, ddb.getResourcePolicy(b -> b.resourceArn(streamArn)).revisionId());
        assertThrows(ResourceNotFoundException.class, () -> ddb.getResourcePolicy(b -> b.resourceArn(arn + "/stream/2000-01-01T00:00:00.000")));
    }

    @Test
    void boto3SeesBackupsAndPolicies(DynamoDbClient ddb, URI endpoint) {
        createTable(ddb, "bk-boto");
        String script = String.join("\n",
                "import boto3, os, botocore",
                "c = boto3.client('dynamodb', endpoint_url=os.environ['ENDPOINT'])",
                "arn = c.create_backup(TableName='bk-boto', BackupName='python')['BackupDetails']['BackupArn']",
                "print('status|' + c.describe_backup(BackupArn=arn)['BackupDescription']['BackupDetails']['BackupStatus'])",
                "print('listed|' + str(len(c.list_backups(TableName='bk-boto')['BackupSummaries'])))",
                "c.update_continuous_backups(TableName='bk-boto', PointInTimeRecoverySpecification={'PointInTimeRecoveryEnabled': True})",
                "d = c.describe_continuous_backups(TableName='bk-boto')['ContinuousBackupsDescription']",
                "print('pitr|' + d['PointInTimeRecoveryDescription']['PointInTimeRecoveryStatus'])",
                "try:",
                "    c.get_resource_policy(ResourceArn='arn:aws:dynamodb:us-east-1:000000000000:table/bk-boto')",
                "except botocore.exceptions.ClientError as e:",
                "    print(e.response['Error']['Code'] + '|' + e.response['Error']['Message'])",
                "try:",
                "    c.describe_backup(BackupArn=arn + '0')",
                "except botocore.exceptions.ClientError as e:",
                "    print(e.response['Error']['Code'] + '|' + e.response['Error']['Message'])");
        CliRunner.Result result = new CliRunner(endpoint.toString()).python(script).assertSuccess();
        Set<String> lines = new TreeSet<>(List.of(result.stdout().strip().split("\n")));
        assertTrue(lines.contains("status|AVAILABLE"), result.stdout());
        assertTrue(lines.contains("listed|1"), result.stdout());
        assertTrue(lines.contains("pitr|ENABLED"), result.stdout());
        assertTrue(lines.contains("PolicyNotFoundException|Resource-based policy not found for the provided ResourceArn: "
                + "arn:aws:dynamodb:us-east-1:000000000000:table/bk-boto"), result.stdout());
        assertTrue(result.stdout().contains("BackupNotFoundException|Backup not found: "), result.stdout());
        assertNotNull(ddb.listBackups(b -> b.tableName("bk-boto")).backupSummaries().get(0).backupArn());
    }
}
