package dev.cloudjar.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.CloudEvent;
import dev.cloudjar.events.DynamoDbStreamAppended;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.events.FunctionInvoked;
import dev.cloudjar.events.KinesisRecordsAppended;
import dev.cloudjar.events.S3ObjectEvent;
import dev.cloudjar.events.SnsDelivered;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The flow links each hop to its cause: exactly by ids in the events, by time for a function's writes. */
class FlowLinksTest {
    private static final Scope SCOPE = new Scope("000000000000", "us-east-1");
    private static final String STREAM = "arn:aws:dynamodb:us-east-1:000000000000:table/Transactions/stream/2026-01-01T00:00:00.000";
    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:HighBalanceAlert";

    @Test
    void theAlertLeadsBackToTheUpload() {
        try (EventBus bus = new EventBus()) {
            FlowLog flow = new FlowLog(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).subscribe(bus);
            send(bus, new S3ObjectEvent(SCOPE, "bank", "in/tx 1.txt", "ObjectCreated:Put", 10L, "e", null, "00AB",
                    Instant.ofEpochMilli(100), "r", "127.0.0.1"));
            send(bus, append("000001", 150)); // the processor's first write: arrives before the invocation ends
            send(bus, invoked("TransactionProcessor", "{\"Records\":[{\"eventSource\":\"aws:s3\",\"s3\":{\"bucket\":{\"name\":\"bank\"},"
                    + "\"object\":{\"key\":\"in/tx+1.txt\",\"sequencer\":\"00AB\"}}}]}", 120, 200));
            send(bus, append("000002", 190)); // its last write: the hop arrives after the invocation's
            // the consumer runs while a write it did not make lands on its own stream
            send(bus, append("000003", 320));
            send(bus, new SnsDelivered(SCOPE, TOPIC, TOPIC + ":s1", "sqs", "arn:aws:sqs:us-east-1:000000000000:CustomerNotify", "m-1",
                    null, "{}", true, 350));
            send(bus, invoked("TotalNotifier", "{\"Records\":[{\"eventSource\":\"aws:dynamodb\",\"eventSourceARN\":\"" + STREAM
                    + "\",\"dynamodb\":{\"SequenceNumber\":\"000001\"}},{\"eventSource\":\"aws:dynamodb\",\"eventSourceARN\":\""
                    + STREAM + "\",\"dynamodb\":{\"SequenceNumber\":\"000002\"}}]}", 300, 400));
            Map<String, JsonNode> byTitle = new HashMap<>();
            Map<Long, JsonNode> byId = new HashMap<>();
            for (JsonNode hop : flow.since(0, false).get("hops")) {
                byTitle.put(hop.get("title").asText() + "#" + hop.path("payload").path("sequenceNumber").asText(""), hop);
                byId.put(hop.get("id").asLong(), hop);
            }
            long upload = id(byTitle, "ObjectCreated:Put s3://bank/in/tx 1.txt#");
            long processor = id(byTitle, "Lambda invocation of TransactionProcessor#");
            long notifier = id(byTitle, "Lambda invocation of TotalNotifier#");
            long batch = id(byTitle, "Mapping batch of 2 stream records from Transactions#");
            long publish = id(byTitle, "Published to HighBalanceAlert#");
            long delivery = id(byTitle, "Delivered to sqs CustomerNotify#");
            assertFalse(byId.get(upload).has("cause"), "nothing ran when the object was put");
            assertEquals(upload, cause(byId, processor));
            assertFalse(byId.get(processor).has("causeInferred"), "the S3 event names the object and sequencer");
            JsonNode first = byTitle.get("Stream records appended to Transactions#000001");
            JsonNode last = byTitle.get("Stream records appended to Transactions#000002");
            assertEquals(processor, first.get("cause").asLong());
            assertTrue(first.get("causeInferred").asBoolean());
            assertEquals(processor, last.get("cause").asLong(), "a write whose hop came after its invocation's");
            assertEquals(List.of(first.get("id").asLong()), ids(byId.get(processor).get("effects")),
                    "the invocation names the write whose hop a page may already have");
            assertFalse(byTitle.get("Stream records appended to Transactions#000003").has("cause"),
                    "the stream's own consumer is not the cause of a record on it");
            assertEquals(last.get("id").asLong(), cause(byId, batch), "the batch's newest record");
            assertEquals(batch, cause(byId, notifier));
            assertEquals(notifier, cause(byId, publish));
            assertEquals(publish, cause(byId, delivery));
            flow.clear();
            send(bus, invoked("TotalNotifier", "{\"Records\":[{\"eventSource\":\"aws:dynamodb\",\"eventSourceARN\":\"" + STREAM
                    + "\",\"dynamodb\":{\"SequenceNumber\":\"000002\"}}]}", 500, 600));
            assertFalse(flow.since(0, false).at("/hops/0").has("cause"), "a reset forgets the hops a batch could name");
        }
    }

    @Test
    void kinesisPutsLeadToTheirMappingBatchesAndAFunctionsPutIsItsEffect() {
        String clicks = "arn:aws:kinesis:us-east-1:000000000000:stream/clicks";
        String totals = "arn:aws:kinesis:us-east-1:000000000000:stream/totals";
        try (EventBus bus = new EventBus()) {
            FlowLog flow = new FlowLog(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).subscribe(bus);
            send(bus, new KinesisRecordsAppended(SCOPE, "clicks", clicks, List.of(new KinesisRecordsAppended.Appended("shardId-000000000000", "49a1"),
                    new KinesisRecordsAppended.Appended("shardId-000000000001", "49b2"), new KinesisRecordsAppended.Appended("shardId-000000000000", "49a3")), 100));
            send(bus, new KinesisRecordsAppended(SCOPE, "clicks", clicks, List.of(new KinesisRecordsAppended.Appended("shardId-000000000000", "49a4")), 110));
            // a batch of shard 0 that ends inside the first PutRecords call, while the second call came later
            send(bus, new KinesisRecordsAppended(SCOPE, "totals", totals, List.of(new KinesisRecordsAppended.Appended("shardId-000000000000", "49c1")), 250));
            send(bus, new KinesisRecordsAppended(SCOPE, "clicks", clicks, List.of(new KinesisRecordsAppended.Appended("shardId-000000000000", "49a5")), 260));
            send(bus, invoked("ClickCounter", "{\"Records\":[" + kinesisRecord(clicks, "49a1") + "," + kinesisRecord(clicks, "49a3") + "]}", 200, 300));
            Map<String, JsonNode> byTitle = new HashMap<>();
            List<JsonNode> hops = new java.util.ArrayList<>();
            flow.since(0, false).get("hops").forEach(hops::add);
            for (JsonNode hop : hops) {
                byTitle.put(hop.get("title").asText(), hop);
            }
            JsonNode put = hops.get(0);
            assertEquals("3 records put to Kinesis stream clicks", put.get("title").asText());
            assertEquals("kinesis", put.get("service").asText());
            assertEquals(3, put.at("/payload/records").asInt());
            assertEquals("shardId-000000000000", put.at("/payload/shards/0/shardId").asText());
            assertEquals(2, put.at("/payload/shards/0/records").asInt());
            assertEquals("49a3", put.at("/payload/shards/0/newestSequenceNumber").asText());
            assertEquals("49b2", put.at("/payload/shards/1/newestSequenceNumber").asText());
            assertEquals("1 record put to Kinesis stream clicks", hops.get(1).get("title").asText());
            JsonNode batch = byTitle.get("Mapping batch of 2 Kinesis records from clicks");
            assertEquals(put.get("id").asLong(), batch.get("cause").asLong(), "the put that holds the batch's newest record: " + hops);
            assertFalse(batch.has("causeInferred"));
            JsonNode invocation = byTitle.get("Lambda invocation of ClickCounter");
            assertEquals(batch.get("id").asLong(), invocation.get("cause").asLong());
            assertEquals(invocation.get("id").asLong(), hops.get(2).get("cause").asLong(), "the function's put to another stream, by time");
            assertTrue(hops.get(2).get("causeInferred").asBoolean());
            assertFalse(hops.get(3).has("cause"), "a put to the stream the function reads is not its effect");
        }
    }

    private static String kinesisRecord(String streamArn, String sequence) {
        return "{\"eventSource\":\"aws:kinesis\",\"eventSourceARN\":\"" + streamArn + "\",\"kinesis\":{\"sequenceNumber\":\""
                + sequence + "\",\"data\":\"eA==\"}}";
    }

    @Test
    void aWatchingPageWaitsForTheNextHop() throws Exception {
        try (EventBus bus = new EventBus()) {
            FlowLog flow = new FlowLog(Clock.systemUTC()).subscribe(bus);
            long started = System.nanoTime();
            flow.awaitAfter(0, 200);
            assertTrue(System.nanoTime() - started >= 190_000_000L, "nothing happened: it waited");
            Thread writer = new Thread(() -> {
                sleep(100);
                bus.publish(append("000001", 1));
            });
            writer.start();
            started = System.nanoTime();
            flow.awaitAfter(0, 10_000);
            assertTrue(System.nanoTime() - started < 5_000_000_000L, "a hop ends the wait");
            assertEquals(1, flow.since(0, false).get("hops").size());
            writer.join();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static DynamoDbStreamAppended append(String sequence, long millis) {
        return new DynamoDbStreamAppended(SCOPE, "Transactions", STREAM, sequence, millis);
    }

    private static FunctionInvoked invoked(String name, String event, long start, long end) {
        return new FunctionInvoked(SCOPE, name, "$LATEST", "req-" + name + start, event, false, null, "null", List.of(), start, end);
    }

    /** Publishes and waits, so the test fixes the order in which the flow sees events. */
    private static void send(EventBus bus, CloudEvent event) {
        bus.publish(event);
        assertTrue(bus.awaitIdle(Duration.ofSeconds(10)));
    }

    private static long id(Map<String, JsonNode> byTitle, String title) {
        JsonNode hop = byTitle.get(title);
        assertTrue(hop != null, title + " in " + byTitle.keySet());
        return hop.get("id").asLong();
    }

    private static long cause(Map<Long, JsonNode> byId, long id) {
        JsonNode hop = byId.get(id);
        assertTrue(hop.has("cause"), hop.toString());
        return hop.get("cause").asLong();
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }
}
