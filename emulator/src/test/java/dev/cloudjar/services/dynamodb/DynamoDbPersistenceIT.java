package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.testing.CloudJarExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** With a data directory, tables, items, index entries and stream records survive a restart. */
class DynamoDbPersistenceIT {
    @TempDir
    Path dataDir;

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    @Test
    void everythingSurvivesRestartAndStreamsResume() {
        String streamArn;
        String afterSecond;
        try (CloudJar first = CloudJar.start(CloudJarConfig.defaults().withPort(0).withDataDir(dataDir));
             DynamoDbClient ddb = CloudJarExtension.client(DynamoDbClient.builder(), first).build();
             DynamoDbStreamsClient streams = CloudJarExtension.client(DynamoDbStreamsClient.builder(), first).build()) {
            ddb.createTable(b -> b.tableName("durable").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("kind").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-kind")
                            .keySchema(KeySchemaElement.builder().attributeName("kind").keyType(KeyType.HASH).build())
                            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
            for (String id : List.of("a", "b", "c")) {
                ddb.putItem(b -> b.tableName("durable").item(Map.of("id", s(id), "kind", s("x"))));
            }
            streamArn = ddb.describeTable(b -> b.tableName("durable")).table().latestStreamArn();
            List<Record> records = records(streams, streamArn, ShardIteratorType.TRIM_HORIZON, null);
            assertEquals(3, records.size());
            afterSecond = records.get(1).dynamodb().sequenceNumber();
        }
        try (CloudJar second = CloudJar.start(CloudJarConfig.defaults().withPort(0).withDataDir(dataDir));
             DynamoDbClient ddb = CloudJarExtension.client(DynamoDbClient.builder(), second).build();
             DynamoDbStreamsClient streams = CloudJarExtension.client(DynamoDbStreamsClient.builder(), second).build()) {
            var table = ddb.describeTable(b -> b.tableName("durable")).table();
            assertEquals(3L, table.itemCount());
            assertEquals(streamArn, table.latestStreamArn());
            assertEquals("x", ddb.getItem(b -> b.tableName("durable").key(Map.of("id", s("b")))).item().get("kind").s());
            assertEquals(3, ddb.query(b -> b.tableName("durable").indexName("by-kind").keyConditionExpression("kind = :k")
                    .expressionAttributeValues(Map.of(":k", s("x")))).count());
            ddb.putItem(b -> b.tableName("durable").item(Map.of("id", s("d"), "kind", s("y"))));
            List<Record> resumed = records(streams, streamArn, ShardIteratorType.AFTER_SEQUENCE_NUMBER, afterSecond);
            assertEquals(List.of("c", "d"), resumed.stream().map(r -> r.dynamodb().keys().get("id").s()).toList());
            assertTrue(resumed.get(0).dynamodb().sequenceNumber().compareTo(resumed.get(1).dynamodb().sequenceNumber()) < 0);
        }
    }

    @Test
    void backupsPointInTimeHistoryAndPoliciesSurviveRestart() throws InterruptedException {
        String backupArn;
        String revision;
        java.time.Instant between;
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
        try (CloudJar first = CloudJar.start(CloudJarConfig.defaults().withPort(0).withDataDir(dataDir));
             DynamoDbClient ddb = CloudJarExtension.client(DynamoDbClient.builder(), first).build()) {
            ddb.createTable(b -> b.tableName("kept").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
            ddb.updateContinuousBackups(b -> b.tableName("kept").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
            ddb.putItem(b -> b.tableName("kept").item(Map.of("id", s("a"), "v", s("1"))));
            backupArn = ddb.createBackup(b -> b.tableName("kept").backupName("before-restart")).backupDetails().backupArn();
            Thread.sleep(20);
            between = first.context().clock().instant();
            Thread.sleep(20);
            ddb.putItem(b -> b.tableName("kept").item(Map.of("id", s("a"), "v", s("2"))));
            String arn = ddb.describeTable(b -> b.tableName("kept")).table().tableArn();
            revision = ddb.putResourcePolicy(b -> b.resourceArn(arn).policy(policy)).revisionId();
        }
        try (CloudJar second = CloudJar.start(CloudJarConfig.defaults().withPort(0).withDataDir(dataDir));
             DynamoDbClient ddb = CloudJarExtension.client(DynamoDbClient.builder(), second).build()) {
            assertEquals("before-restart", ddb.describeBackup(b -> b.backupArn(backupArn)).backupDescription().backupDetails().backupName());
            ddb.restoreTableFromBackup(b -> b.backupArn(backupArn).targetTableName("kept-from-backup"));
            assertEquals("1", ddb.getItem(b -> b.tableName("kept-from-backup").key(Map.of("id", s("a")))).item().get("v").s());
            assertEquals("ENABLED", ddb.describeContinuousBackups(b -> b.tableName("kept")).continuousBackupsDescription()
                    .pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString());
            ddb.restoreTableToPointInTime(b -> b.sourceTableName("kept").targetTableName("kept-then").restoreDateTime(between));
            assertEquals("1", ddb.getItem(b -> b.tableName("kept-then").key(Map.of("id", s("a")))).item().get("v").s());
            assertEquals("2", ddb.getItem(b -> b.tableName("kept").key(Map.of("id", s("a")))).item().get("v").s());
            String arn = ddb.describeTable(b -> b.tableName("kept")).table().tableArn();
            var stored = ddb.getResourcePolicy(b -> b.resourceArn(arn));
            assertEquals(revision, stored.revisionId());
            assertEquals(policy, stored.policy());
        }
    }

    @Test
    void exportsAndImportsSurviveRestart() {
        String exportArn;
        String importArn;
        try (CloudJar first = CloudJar.start(CloudJarConfig.defaults().withPort(0).withDataDir(dataDir));
             DynamoDbClient ddb = CloudJarExtension.client(DynamoDbClient.builder(), first).build();
             software.amazon.awssdk.services.s3.S3Client s3 = CloudJarExtension.client(
                     software.amazon.awssdk.services.s3.S3Client.builder(), first).forcePathStyle(true).build()) {
            s3.createBucket(b -> b.bucket("durable-exports"));
            ddb.createTable(b -> b.tableName("exported").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
            ddb.putItem(b -> b.tableName("exported").item(Map.of("id", s("a"))));
            ddb.updateContinuousBackups(b -> b.tableName("exported").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
            String tableArn = ddb.describeTable(b -> b.tableName("exported")).table().tableArn();
            exportArn = ddb.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket("durable-exports")).exportDescription().exportArn();
            String id = exportArn.substring(exportArn.lastIndexOf('/') + 1);
            importArn = ddb.importTable(b -> b.s3BucketSource(src -> src.s3Bucket("durable-exports").s3KeyPrefix("AWSDynamoDB/" + id + "/data/"))
                    .inputFormat("DYNAMODB_JSON").inputCompressionType("GZIP").tableCreationParameters(t -> t.tableName("imported")
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                            .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())))
                    .importTableDescription().importArn();
        }
        try (CloudJar second = CloudJar.start(CloudJarConfig.defaults().withPort(0).withDataDir(dataDir));
             DynamoDbClient ddb = CloudJarExtension.client(DynamoDbClient.builder(), second).build()) {
            assertEquals("COMPLETED", ddb.describeExport(b -> b.exportArn(exportArn)).exportDescription().exportStatusAsString());
            assertEquals(1L, ddb.describeImport(b -> b.importArn(importArn)).importTableDescription().importedItemCount());
            assertEquals(1, ddb.scan(b -> b.tableName("imported")).count());
        }
    }

    static List<Record> records(DynamoDbStreamsClient streams, String arn, ShardIteratorType type, String seq) {
        String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String it = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType(type).sequenceNumber(seq)).shardIterator();
        return streams.getRecords(b -> b.shardIterator(it)).records();
    }
}
