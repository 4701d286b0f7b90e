package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** DynamoDB Streams through the AWS SDK v2: view types, iterator types, ordering, and only real changes. */
@ExtendWith(CloudJarExtension.class)
class DynamoDbStreamsIT {

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static String streamTable(DynamoDbClient ddb, String name, StreamViewType view) {
        ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(view)));
        return ddb.describeTable(b -> b.tableName(name)).table().latestStreamArn();
    }

    static List<Record> readAll(DynamoDbStreamsClient streams, String arn, ShardIteratorType type, String seq) {
        var shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0);
        String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId()).shardIteratorType(type)
                .sequenceNumber(seq)).shardIterator();
        return streams.getRecords(b -> b.shardIterator(iterator)).records();
    }

    void writeLifecycle(DynamoDbClient ddb, String table) {
        ddb.putItem(b -> b.tableName(table).item(Map.of("id", s("k"), "v", s("1"))));
        ddb.putItem(b -> b.tableName(table).item(Map.of("id", s("k"), "v", s("1"))));
        ddb.updateItem(b -> b.tableName(table).key(Map.of("id", s("k"))).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", s("2"))));
        assertThrows(ConditionalCheckFailedException.class, () -> ddb.putItem(b -> b.tableName(table)
                .item(Map.of("id", s("k"), "v", s("3"))).conditionExpression("attribute_not_exists(id)")));
        ddb.deleteItem(b -> b.tableName(table).key(Map.of("id", s("k"))));
        ddb.deleteItem(b -> b.tableName(table).key(Map.of("id", s("k"))));
    }

    @Test
    void newAndOldImagesInCommitOrderWithoutNoOps(DynamoDbClient ddb, DynamoDbStreamsClient streams) {
        String arn = streamTable(ddb, "streams-both", StreamViewType.NEW_AND_OLD_IMAGES);
        writeLifecycle(ddb, "streams-both");
        List<Record> records = readAll(streams, arn, ShardIteratorType.TRIM_HORIZON, null);
        assertEquals(List.of(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE),
                records.stream().map(Record::eventName).toList());
        Record modify = records.get(1);
        assertEquals("1", modify.dynamodb().oldImage().get("v").s());
        assertEquals("2", modify.dynamodb().newImage().get("v").s());
        assertEquals(Map.of("id", s("k")), modify.dynamodb().keys());
        assertEquals("aws:dynamodb", modify.eventSource());
        assertEquals("1.1", modify.eventVersion());
        assertEquals("us-east-1", modify.awsRegion());
        assertTrue(modify.dynamodb().sequenceNumber().length() >= 21);
        assertTrue(records.get(0).dynamodb().sequenceNumber().compareTo(modify.dynamodb().sequenceNumber()) < 0);
        assertFalse(records.get(0).dynamodb().hasOldImage());
        assertFalse(records.get(2).dynamodb().hasNewImage());
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, modify.dynamodb().streamViewType());
    }

    @Test
    void viewTypesControlImages(DynamoDbClient ddb, DynamoDbStreamsClient streams) {
        for (StreamViewType view : List.of(StreamViewType.KEYS_ONLY, StreamViewType.NEW_IMAGE, StreamViewType.OLD_IMAGE)) {
            String table = "streams-" + view.toString().toLowerCase().replace('_', '-');
            String arn = streamTable(ddb, table, view);
            writeLifecycle(ddb, table);
            List<Record> records = readAll(streams, arn, ShardIteratorType.TRIM_HORIZON, null);
            assertEquals(3, records.size());
            for (Record r : records) {
                assertEquals(view == StreamViewType.NEW_IMAGE && r.eventName() != OperationType.REMOVE, r.dynamodb().hasNewImage(), view + " " + r);
                assertEquals(view == StreamViewType.OLD_IMAGE && r.eventName() != OperationType.INSERT, r.dynamodb().hasOldImage(), view + " " + r);
                assertTrue(r.dynamodb().hasKeys());
            }
        }
    }

    @Test
    void iteratorTypes(DynamoDbClient ddb, DynamoDbStreamsClient streams) {
        String arn = streamTable(ddb, "streams-iter", StreamViewType.KEYS_ONLY);
        for (int i = 0; i < 5; i++) {
            int k = i;
            ddb.putItem(b -> b.tableName("streams-iter").item(Map.of("id", s("k" + k))));
        }
        List<Record> all = readAll(streams, arn, ShardIteratorType.TRIM_HORIZON, null);
        assertEquals(5, all.size());
        String third = all.get(2).dynamodb().sequenceNumber();
        assertEquals(third, readAll(streams, arn, ShardIteratorType.AT_SEQUENCE_NUMBER, third).get(0).dynamodb().sequenceNumber());
        assertEquals(all.get(3).dynamodb().sequenceNumber(),
                readAll(streams, arn, ShardIteratorType.AFTER_SEQUENCE_NUMBER, third).get(0).dynamodb().sequenceNumber());
        var shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0);
        assertTrue(shard.shardId().length() >= 28);
        assertNull(shard.sequenceNumberRange().endingSequenceNumber());
        String latest = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
        var empty = streams.getRecords(b -> b.shardIterator(latest));
        assertTrue(empty.records().isEmpty());
        ddb.putItem(b -> b.tableName("streams-iter").item(Map.of("id", s("after"))));
        var next = streams.getRecords(b -> b.shardIterator(empty.nextShardIterator()));
        assertEquals(1, next.records().size());
        assertEquals(Map.of("id", s("after")), next.records().get(0).dynamodb().keys());
        var limited = streams.getRecords(b -> b.shardIterator(streams.getShardIterator(i -> i.streamArn(arn).shardId(shard.shardId())
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator()).limit(2));
        assertEquals(2, limited.records().size());
        var listed = streams.listStreams(b -> b.tableName("streams-iter")).streams();
        assertEquals(arn, listed.get(0).streamArn());
        assertThrows(ResourceNotFoundException.class, () -> streams.describeStream(b -> b.streamArn(arn + "x")));
    }

    @Test
    void describeStreamPagesShardsAndFiltersChildren(DynamoDbClient ddb, DynamoDbStreamsClient streams) {
        String arn = streamTable(ddb, "streams-pages", StreamViewType.KEYS_ONLY);
        var first = streams.describeStream(b -> b.streamArn(arn).limit(1)).streamDescription();
        assertEquals(1, first.shards().size());
        assertNull(first.lastEvaluatedShardId());
        String shardId = first.shards().get(0).shardId();
        assertTrue(streams.describeStream(b -> b.streamArn(arn).exclusiveStartShardId(shardId)).streamDescription()
                .shards().isEmpty(), "nothing after the last shard");
        assertTrue(streams.describeStream(b -> b.streamArn(arn).shardFilter(f -> f.type("CHILD_SHARDS").shardId(shardId)))
                .streamDescription().shards().isEmpty(), "the one shard has no children");
        var tooShort = assertThrows(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class,
                () -> streams.describeStream(b -> b.streamArn("arn:bad")));
        assertEquals("ValidationException", tooShort.awsErrorDetails().errorCode());
        assertEquals("1 validation error detected: Value 'arn:bad' at 'streamArn' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 37", tooShort.awsErrorDetails().errorMessage());
        var zero = assertThrows(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class,
                () -> streams.describeStream(b -> b.streamArn(arn).limit(0)));
        assertEquals("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 1", zero.awsErrorDetails().errorMessage());
        var start = assertThrows(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class,
                () -> streams.listStreams(b -> b.exclusiveStartStreamArn("x")));
        assertEquals("1 validation error detected: Value 'x' at 'exclusiveStartStreamArn' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 37", start.awsErrorDetails().errorMessage());
    }

    @Test
    void ttlExpiryLeavesServiceRemoveRecord(CloudJar cloudJar, DynamoDbClient ddb, DynamoDbStreamsClient streams) throws Exception {
        String arn = streamTable(ddb, "streams-ttl", StreamViewType.NEW_AND_OLD_IMAGES);
        ddb.updateTimeToLive(b -> b.tableName("streams-ttl").timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        long past = System.currentTimeMillis() / 1000 - 10;
        ddb.putItem(b -> b.tableName("streams-ttl").item(Map.of("id", s("old"), "expires", AttributeValue.fromN(Long.toString(past)))));
        ddb.putItem(b -> b.tableName("streams-ttl").item(Map.of("id", s("keep"), "expires", AttributeValue.fromN(Long.toString(past + 3600)))));
        long deadline = System.currentTimeMillis() + 10_000;
        while (ddb.getItem(b -> b.tableName("streams-ttl").key(Map.of("id", s("old")))).hasItem()) {
            assertTrue(System.currentTimeMillis() < deadline, "expired item was not removed");
            Thread.sleep(100);
        }
        assertTrue(ddb.getItem(b -> b.tableName("streams-ttl").key(Map.of("id", s("keep")))).hasItem());
        List<Record> records = readAll(streams, arn, ShardIteratorType.TRIM_HORIZON, null);
        Record remove = records.get(records.size() - 1);
        assertEquals(OperationType.REMOVE, remove.eventName());
        assertEquals("Service", remove.userIdentity().type());
        assertEquals("dynamodb.amazonaws.com", remove.userIdentity().principalId());
    }

    @Test
    void readerWakesOnAppend(CloudJar cloudJar, DynamoDbClient ddb) throws Exception {
        String arn = streamTable(ddb, "streams-reader", StreamViewType.NEW_IMAGE);
        var reader = cloudJar.backend(dev.cloudjar.services.dynamodb.streams.DynamoDbStreamsBackend.class);
        List<Boolean> woke = new ArrayList<>();
        Thread waiter = new Thread(() -> {
            try {
                woke.add(reader.awaitAppend(arn, null, java.time.Duration.ofSeconds(10)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        Thread.sleep(100);
        long start = System.nanoTime();
        ddb.putItem(b -> b.tableName("streams-reader").item(Map.of("id", s("x"))));
        waiter.join(5000);
        assertEquals(List.of(true), woke);
        assertTrue(System.nanoTime() - start < 2_000_000_000L);
        var records = reader.read(arn, reader.shardIds(arn).get(0), null, 10);
        assertEquals(1, records.size());
        assertEquals("x", ((dev.cloudjar.services.dynamodb.model.AttributeValue.S) records.get(0).newImage().get("id")).value());
    }
}
