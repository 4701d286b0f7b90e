package dev.cloudjar.services.eventbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EventBridgeConfiguration;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** PutEvents matched against rules and delivered to SQS (standard and FIFO) and SNS; TestEventPattern. */
@ExtendWith(CloudJarExtension.class)
class EventBridgeEventsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String queue(SqsClient sqs, String name) {
        Map<QueueAttributeName, String> attributes = name.endsWith(".fifo") ? Map.of(QueueAttributeName.FIFO_QUEUE, "true") : Map.of();
        String url = sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    static String url(SqsClient sqs, String name) {
        return sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
    }

    static List<Message> drain(CloudJar cloudJar, SqsClient sqs, String name) {
        cloudJar.awaitIdle(Duration.ofSeconds(10));
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(b -> b.queueUrl(url(sqs, name)).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            all.addAll(batch);
            for (Message m : batch) {
                sqs.deleteMessage(b -> b.queueUrl(url(sqs, name)).receiptHandle(m.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return all;
    }

    private static PutEventsRequestEntry entry(String source, String type, String detail) {
        return PutEventsRequestEntry.builder().source(source).detailType(type).detail(detail).build();
    }

    @Test
    void matchingEventsReachTheQueueInAwsEnvelope(CloudJar cloudJar, EventBridgeClient events, SqsClient sqs) throws Exception {
        String arn = queue(sqs, "orders");
        events.putRule(b -> b.name("big-orders").eventPattern(
                "{\"source\":[\"shop\"],\"detail-type\":[\"OrderPlaced\"],\"detail\":{\"total\":[{\"numeric\":[\">=\",100]}]}}"));
        events.putTargets(b -> b.rule("big-orders").targets(Target.builder().id("q").arn(arn).build()));

        Instant time = Instant.parse("2026-01-02T03:04:05Z");
        PutEventsResponse response = events.putEvents(b -> b.entries(
                entry("shop", "OrderPlaced", "{\"id\":\"o-1\",\"total\":150}").toBuilder().time(time).resources("arn:aws:shop:o-1").build(),
                entry("shop", "OrderPlaced", "{\"id\":\"o-2\",\"total\":20}"),
                entry("other", "OrderPlaced", "{\"id\":\"o-3\",\"total\":500}")));
        assertEquals(0, response.failedEntryCount());
        assertEquals(3, response.entries().size());
        response.entries().forEach(e -> assertNotNull(e.eventId()));

        List<Message> messages = drain(cloudJar, sqs, "orders");
        assertEquals(1, messages.size());
        JsonNode event = JSON.readTree(messages.get(0).body());
        assertEquals(List.of("version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"),
                iterable(event.fieldNames()));
        assertEquals("0", event.get("version").asText());
        assertEquals(response.entries().get(0).eventId(), event.get("id").asText());
        assertEquals("OrderPlaced", event.get("detail-type").asText());
        assertEquals("shop", event.get("source").asText());
        assertEquals("000000000000", event.get("account").asText());
        assertEquals("2026-01-02T03:04:05Z", event.get("time").asText());
        assertEquals("us-east-1", event.get("region").asText());
        assertEquals("arn:aws:shop:o-1", event.get("resources").get(0).asText());
        assertEquals("o-1", event.get("detail").get("id").asText());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    @Test
    void inputShapesAndFifoGroups(CloudJar cloudJar, EventBridgeClient events, SqsClient sqs) throws Exception {
        String plain = queue(sqs, "shaped");
        String fifo = queue(sqs, "shaped.fifo");
        events.putRule(b -> b.name("shaped").eventPattern("{\"source\":[\"shape\"]}"));
        events.putTargets(b -> b.rule("shaped").targets(
                Target.builder().id("input").arn(plain).input("{\"fixed\":true}").build(),
                Target.builder().id("path").arn(plain).inputPath("$.detail.user").build(),
                Target.builder().id("transform").arn(plain).inputTransformer(t -> t
                        .inputPathsMap(Map.of("name", "$.detail.user.name", "n", "$.detail.n"))
                        .inputTemplate("{\"greeting\": \"hello <name>\", \"count\": <n>, \"who\": <name>}")).build(),
                Target.builder().id("fifo").arn(fifo).sqsParameters(p -> p.messageGroupId("group-7")).build()));
        events.putEvents(b -> b.entries(entry("shape", "T", "{\"user\":{\"name\":\"Ada\"},\"n\":3}")));

        List<String> bodies = drain(cloudJar, sqs, "shaped").stream().map(Message::body).sorted().toList();
        assertEquals(List.of("{\"fixed\":true}", "{\"greeting\": \"hello Ada\", \"count\": 3, \"who\": \"Ada\"}", "{\"name\":\"Ada\"}"), bodies);
        List<Message> grouped = drain(cloudJar, sqs, "shaped.fifo");
        assertEquals(1, grouped.size());
        assertEquals("group-7", grouped.get(0).attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID));
        assertEquals("shape", JSON.readTree(grouped.get(0).body()).get("source").asText());
    }

    @Test
    void snsTopicsAndCustomBuses(CloudJar cloudJar, EventBridgeClient events, SqsClient sqs, SnsClient sns) throws Exception {
        String queueArn = queue(sqs, "from-topic");
        String topic = sns.createTopic(b -> b.name("alerts")).topicArn();
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn).attributes(Map.of("RawMessageDelivery", "true")));
        events.createEventBus(b -> b.name("ops"));
        events.putRule(b -> b.name("alarms").eventBusName("ops").eventPattern("{\"detail\":{\"level\":[{\"anything-but\":\"info\"}]}}"));
        events.putTargets(b -> b.rule("alarms").eventBusName("ops").targets(Target.builder().id("t").arn(topic).build()));

        events.putEvents(b -> b.entries(
                entry("app", "Log", "{\"level\":\"error\"}").toBuilder().eventBusName("ops").build(),
                entry("app", "Log", "{\"level\":\"info\"}").toBuilder().eventBusName("ops").build(),
                entry("app", "Log", "{\"level\":\"error\"}")));
        List<Message> messages = drain(cloudJar, sqs, "from-topic");
        assertEquals(1, messages.size());
        assertEquals("error", JSON.readTree(messages.get(0).body()).get("detail").get("level").asText());
    }

    @Test
    void disabledRulesAndUnreachableTargetsNeverFailPutEvents(CloudJar cloudJar, EventBridgeClient events, SqsClient sqs) throws Exception {
        String arn = queue(sqs, "disabled");
        events.putRule(b -> b.name("off").eventPattern("{\"source\":[\"off\"]}").state("DISABLED"));
        events.putTargets(b -> b.rule("off").targets(Target.builder().id("q").arn(arn).build()));
        events.putRule(b -> b.name("broken").eventPattern("{\"source\":[\"off\"]}"));
        events.putTargets(b -> b.rule("broken").targets(Target.builder().id("gone").arn("arn:aws:sqs:us-east-1:000000000000:no-such-queue").build(),
                Target.builder().id("kinesis").arn("arn:aws:kinesis:us-east-1:000000000000:stream/s").build()));
        long failedBefore = cloudJar.backend(EventBridgeBackend.class).deliveryCounts().get("failed");
        PutEventsResponse response = events.putEvents(b -> b.entries(entry("off", "T", "{}")));
        assertEquals(0, response.failedEntryCount());
        assertTrue(drain(cloudJar, sqs, "disabled").isEmpty());
        assertEquals(failedBefore + 2, cloudJar.backend(EventBridgeBackend.class).deliveryCounts().get("failed"));
        dev.cloudjar.testing.RawHttp.Response view = new dev.cloudjar.testing.RawHttp(java.net.URI.create(cloudJar.endpoint()))
                .send("GET", "/_cloudjar/api/eventbridge/deliveries", (String) null);
        assertEquals(200, view.status());
        assertEquals(failedBefore + 2, JSON.readTree(view.body()).get("failed").asLong(), view.body());
    }

    @Test
    void entriesAreValidatedOneByOne(EventBridgeClient events) {
        PutEventsResponse response = events.putEvents(b -> b.entries(
                entry("a", "T", "{}"),
                PutEventsRequestEntry.builder().detailType("T").detail("{}").build(),
                PutEventsRequestEntry.builder().source("a").detail("{}").build(),
                PutEventsRequestEntry.builder().source("a").detailType("T").build(),
                entry("a", "T", "[1,2]"),
                entry("a", "T", "{not json"),
                entry("a", "T", "{}").toBuilder().eventBusName("no-such-bus").build()));
        assertEquals(6, response.failedEntryCount());
        assertNotNull(response.entries().get(0).eventId());
        assertNull(response.entries().get(0).errorCode());
        assertEquals("InvalidArgument", response.entries().get(1).errorCode());
        assertEquals("Parameter Source is not valid. Reason: Source is a required argument.", response.entries().get(1).errorMessage());
        assertEquals("Parameter DetailType is not valid. Reason: DetailType is a required argument.", response.entries().get(2).errorMessage());
        assertEquals("Parameter Detail is not valid. Reason: Detail is a required argument.", response.entries().get(3).errorMessage());
        assertEquals("MalformedDetail", response.entries().get(4).errorCode());
        assertEquals("Detail is malformed.", response.entries().get(5).errorMessage());
        assertNull(response.entries().get(5).eventId());
        assertEquals("Event bus no-such-bus does not exist.", response.entries().get(6).errorMessage());

        List<PutEventsRequestEntry> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(entry("a", "T", "{}"));
        }
        EventBridgeException tooMany = assertThrows(EventBridgeException.class, () -> events.putEvents(b -> b.entries(eleven)));
        assertEquals("ValidationException", tooMany.awsErrorDetails().errorCode());
        assertTrue(tooMany.awsErrorDetails().errorMessage().contains("Member must have length less than or equal to 10"));

        String big = "{\"x\":\"" + "a".repeat(200 * 1024) + "\"}";
        EventBridgeException tooBig = assertThrows(EventBridgeException.class,
                () -> events.putEvents(b -> b.entries(entry("a", "T", big), entry("a", "T", big))));
        assertEquals("Total size of the entries in the request is over the limit.", tooBig.awsErrorDetails().errorMessage());
    }

    @Test
    void bucketsWithEventBridgeConfigurationSendObjectEventsToTheDefaultBus(CloudJar cloudJar, EventBridgeClient events, SqsClient sqs,
                                                                           S3Client s3) throws Exception {
        String arn = queue(sqs, "s3-events");
        s3.createBucket(b -> b.bucket("eb-photos"));
        s3.createBucket(b -> b.bucket("eb-quiet"));
        s3.putBucketNotificationConfiguration(b -> b.bucket("eb-photos").notificationConfiguration(n -> n
                .eventBridgeConfiguration(EventBridgeConfiguration.builder().build())));
        assertNotNull(s3.getBucketNotificationConfiguration(b -> b.bucket("eb-photos")).eventBridgeConfiguration());
        events.putRule(b -> b.name("s3-objects").eventPattern("{\"source\":[\"aws.s3\"],\"detail\":{\"object\":{\"key\":[{\"prefix\":\"photos/\"}]}}}"));
        events.putTargets(b -> b.rule("s3-objects").targets(Target.builder().id("q").arn(arn).build()));

        s3.putObject(b -> b.bucket("eb-photos").key("photos/a b.jpg"), RequestBody.fromString("hello"));
        s3.putObject(b -> b.bucket("eb-photos").key("other/x.txt"), RequestBody.fromString("x"));
        s3.putObject(b -> b.bucket("eb-quiet").key("photos/q.jpg"), RequestBody.fromString("q"));
        cloudJar.awaitIdle(Duration.ofSeconds(10));
        s3.deleteObject(b -> b.bucket("eb-photos").key("photos/a b.jpg"));

        List<JsonNode> received = new ArrayList<>();
        for (Message m : EventBridgeScheduleIT.receive(cloudJar, sqs, "s3-events", 2)) {
            received.add(JSON.readTree(m.body()));
        }
        assertEquals(2, received.size());
        received.sort(java.util.Comparator.comparing(n -> n.get("detail-type").asText()));
        JsonNode created = received.get(0);
        assertEquals("Object Created", created.get("detail-type").asText());
        assertEquals("aws.s3", created.get("source").asText());
        assertEquals("arn:aws:s3:::eb-photos", created.get("resources").get(0).asText());
        JsonNode detail = created.get("detail");
        assertEquals("0", detail.get("version").asText());
        assertEquals("eb-photos", detail.at("/bucket/name").asText());
        assertEquals("photos/a b.jpg", detail.at("/object/key").asText());
        assertEquals(5, detail.at("/object/size").asInt());
        assertEquals("5d41402abc4b2a76b9719d911017c592", detail.at("/object/etag").asText());
        assertEquals("PutObject", detail.get("reason").asText());
        assertEquals("000000000000", detail.get("requester").asText());
        JsonNode deleted = received.get(1);
        assertEquals("Object Deleted", deleted.get("detail-type").asText());
        assertEquals("DeleteObject", deleted.at("/detail/reason").asText());
        assertEquals("Permanently Deleted", deleted.at("/detail/deletion-type").asText());
    }

    @Test
    void restoresOfArchivedObjectsAreInitiatedThenCompleted(CloudJar cloudJar, EventBridgeClient events, SqsClient sqs, S3Client s3)
            throws Exception {
        String arn = queue(sqs, "s3-restores");
        s3.createBucket(b -> b.bucket("eb-archive"));
        s3.putBucketNotificationConfiguration(b -> b.bucket("eb-archive").notificationConfiguration(n -> n
                .eventBridgeConfiguration(EventBridgeConfiguration.builder().build())));
        events.putRule(b -> b.name("s3-restores").eventPattern("{\"source\":[\"aws.s3\"],\"detail-type\":[{\"prefix\":\"Object Restore\"}]}"));
        events.putTargets(b -> b.rule("s3-restores").targets(Target.builder().id("q").arn(arn).build()));
        s3.putObject(b -> b.bucket("eb-archive").key("tape").storageClass(software.amazon.awssdk.services.s3.model.StorageClass.GLACIER),
                RequestBody.fromString("old"));
        s3.restoreObject(b -> b.bucket("eb-archive").key("tape").restoreRequest(r -> r.days(1)));
        cloudJar.advanceClock(Duration.ofSeconds(4));
        cloudJar.backend(dev.cloudjar.services.s3.S3Backend.class).completeRestoresNow();
        cloudJar.awaitIdle(Duration.ofSeconds(10));
        List<String> types = new ArrayList<>();
        for (Message m : EventBridgeScheduleIT.receive(cloudJar, sqs, "s3-restores", 2)) {
            JsonNode event = JSON.readTree(m.body());
            assertEquals("tape", event.at("/detail/object/key").asText());
            assertNull(event.at("/detail").get("reason"), "restores carry no API reason");
            types.add(event.get("detail-type").asText());
        }
        java.util.Collections.sort(types);
        assertEquals(List.of("Object Restore Completed", "Object Restore Initiated"), types);
    }

    @Test
    void testEventPattern(EventBridgeClient events) {
        String event = "{\"id\":\"1\",\"account\":\"123456789012\",\"source\":\"aws.ec2\",\"time\":\"2026-01-01T00:00:00Z\","
                + "\"region\":\"us-east-1\",\"detail-type\":\"EC2 Instance State-change Notification\",\"resources\":[],"
                + "\"detail\":{\"state\":\"running\",\"ip\":\"10.1.2.3\"}}";
        assertTrue(events.testEventPattern(b -> b.event(event).eventPattern("{\"source\":[\"aws.ec2\"]}")).result());
        assertTrue(events.testEventPattern(b -> b.event(event).eventPattern("{\"detail\":{\"ip\":[{\"cidr\":\"10.0.0.0/8\"}]}}")).result());
        assertFalse(events.testEventPattern(b -> b.event(event).eventPattern("{\"detail\":{\"state\":[{\"prefix\":\"stop\"}]}}")).result());
        assertTrue(events.testEventPattern(b -> b.event(event).eventPattern(
                "{\"$or\":[{\"source\":[\"x\"]},{\"detail\":{\"state\":[{\"wildcard\":\"r*g\"}]}}]}")).result());
        InvalidEventPatternException bad = assertThrows(InvalidEventPatternException.class,
                () -> events.testEventPattern(b -> b.event(event).eventPattern("{\"source\":[{\"nope\":1}]}")));
        assertEquals("Event pattern is not valid. Reason: Unrecognized match type nope", bad.awsErrorDetails().errorMessage());
        EventBridgeException badEvent = assertThrows(EventBridgeException.class,
                () -> events.testEventPattern(b -> b.event("{\"source\":\"x\"}").eventPattern("{\"source\":[\"x\"]}")));
        assertEquals("Parameter Event is not valid.", badEvent.awsErrorDetails().errorMessage());
    }
}
