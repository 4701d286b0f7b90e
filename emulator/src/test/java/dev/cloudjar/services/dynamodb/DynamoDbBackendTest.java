package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.DynamoDbStreamAppended;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.persistence.MapDbStateStore;
import dev.cloudjar.services.dynamodb.item.ExpressionParams;
import dev.cloudjar.services.dynamodb.item.ItemRequest;
import dev.cloudjar.services.dynamodb.item.WriteOptions;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.streams.DynamoDbStreamsBackend;
import dev.cloudjar.services.dynamodb.streams.StreamLog;
import dev.cloudjar.services.dynamodb.streams.StreamRecord;
import dev.cloudjar.services.dynamodb.table.AttributeDefinition;
import dev.cloudjar.services.dynamodb.table.CreateTableRequest;
import dev.cloudjar.services.dynamodb.table.KeyElement;
import dev.cloudjar.services.dynamodb.table.StreamSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The backend without HTTP, on a clock the test moves: TTL, stream retention and iterator expiry. */
class DynamoDbBackendTest {
    static final Scope SCOPE = new Scope("000000000000", "us-east-1");

    /** A clock the test advances. */
    static final class MovableClock extends Clock {
        volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    MovableClock clock = new MovableClock();
    EventBus events = new EventBus();
    DynamoDbBackend backend;

    @BeforeEach
    void start() {
        backend = new DynamoDbBackend(new ServiceContext(CloudJarConfig.defaults(), MapDbStateStore.inMemory(), events, clock,
                IdGenerator.random()));
        backend.createTable(SCOPE, new CreateTableRequest("things", List.of(new AttributeDefinition("id", "S")),
                List.of(new KeyElement("id", "HASH")), null, null, "PAY_PER_REQUEST", null,
                new StreamSpec(true, "NEW_AND_OLD_IMAGES"), null, null, null));
    }

    @AfterEach
    void stop() {
        backend.close();
        events.close();
    }

    void put(Map<String, AttributeValue> item) {
        backend.putItem(SCOPE, new ItemRequest("things", item, ExpressionParams.NONE, WriteOptions.NONE, false));
    }

    String streamArn() {
        return backend.describeTable(SCOPE, "things").latestStreamArn();
    }

    @Test
    void ttlSweepRemovesExpiredItemsWithServiceRecord() {
        backend.updateTimeToLive(SCOPE, "things", true, "exp");
        long now = clock.millis() / 1000;
        put(Map.of("id", AttributeValue.s("a"), "exp", AttributeValue.n(now + 60)));
        put(Map.of("id", AttributeValue.s("b"), "exp", AttributeValue.s("not a number")));
        backend.sweepNow();
        assertEquals(2, backend.describeTable(SCOPE, "things").itemCount());
        clock.advance(Duration.ofMinutes(2));
        backend.sweepNow();
        assertEquals(1, backend.describeTable(SCOPE, "things").itemCount());
        List<StreamRecord> records = backend.streamsBackend().read(streamArn(), null, null, 10);
        StreamRecord last = records.get(records.size() - 1);
        assertEquals("REMOVE", last.eventName());
        assertTrue(last.ttlDelete());
    }

    @Test
    void appendsPublishAnEventAndNoOpsDoNot() throws Exception {
        List<DynamoDbStreamAppended> seen = Collections.synchronizedList(new ArrayList<>());
        events.subscribe(DynamoDbStreamAppended.class, seen::add);
        put(Map.of("id", AttributeValue.s("a")));
        put(Map.of("id", AttributeValue.s("a")));
        assertTrue(events.awaitIdle(Duration.ofSeconds(5)));
        assertEquals(1, seen.size());
        assertEquals(streamArn(), seen.get(0).streamArn());
        assertEquals("things", seen.get(0).tableName());
    }

    @Test
    void iteratorsExpireAfterFifteenMinutesAndRetentionTrims() {
        put(Map.of("id", AttributeValue.s("a")));
        DynamoDbStreamsBackend streams = backend.streamsBackend();
        String shard = streams.shardIds(streamArn()).get(0);
        String iterator = streams.getShardIterator(SCOPE, streamArn(), shard, "TRIM_HORIZON", null);
        clock.advance(Duration.ofMinutes(16));
        AwsException expired = assertThrows(AwsException.class, () -> streams.getRecords(SCOPE, iterator, null));
        assertEquals("ExpiredIteratorException", expired.code());
        String first = StreamLog.formatSequence(1);
        assertEquals(21, first.length());
        clock.advance(Duration.ofHours(25));
        put(Map.of("id", AttributeValue.s("b")));
        backend.sweepNow();
        List<StreamRecord> left = streams.read(streamArn(), shard, null, 10);
        assertEquals(1, left.size());
        assertEquals("b", ((AttributeValue.S) left.get(0).keys().get("id")).value());
        AwsException trimmed = assertThrows(AwsException.class,
                () -> streams.getShardIterator(SCOPE, streamArn(), shard, "AT_SEQUENCE_NUMBER", first));
        assertEquals("TrimmedDataAccessException", trimmed.code());
    }

    @Test
    void sequenceNumbersContinueAfterRetentionAndRestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        MapDbStateStore store = MapDbStateStore.onDisk(dir);
        DynamoDbBackend durable = new DynamoDbBackend(new ServiceContext(CloudJarConfig.defaults(), store, events, clock, IdGenerator.random()));
        durable.createTable(SCOPE, new CreateTableRequest("kept", List.of(new AttributeDefinition("id", "S")),
                List.of(new KeyElement("id", "HASH")), null, null, "PAY_PER_REQUEST", null, new StreamSpec(true, "KEYS_ONLY"), null, null, null));
        durable.putItem(SCOPE, new ItemRequest("kept", Map.of("id", AttributeValue.s("a")), ExpressionParams.NONE, WriteOptions.NONE, false));
        String arn = durable.describeTable(SCOPE, "kept").latestStreamArn();
        clock.advance(Duration.ofHours(25));
        durable.sweepNow();
        durable.close();
        store.close();
        MapDbStateStore reopened = MapDbStateStore.onDisk(dir);
        DynamoDbBackend again = new DynamoDbBackend(new ServiceContext(CloudJarConfig.defaults(), reopened, events, clock, IdGenerator.random()));
        try {
            assertEquals(List.of(), again.streamsBackend().read(arn, null, null, 10));
            again.putItem(SCOPE, new ItemRequest("kept", Map.of("id", AttributeValue.s("b")), ExpressionParams.NONE, WriteOptions.NONE, false));
            assertEquals(StreamLog.formatSequence(2), again.streamsBackend().read(arn, null, null, 10).get(0).sequenceNumber());
        } finally {
            again.close();
            reopened.close();
        }
    }
}
