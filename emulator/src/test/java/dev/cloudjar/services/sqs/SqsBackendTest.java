package dev.cloudjar.services.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.testing.MutableClock;
import dev.cloudjar.persistence.MapDbStateStore;
import dev.cloudjar.services.sqs.engine.BatchResult;
import dev.cloudjar.services.sqs.engine.MessageAttribute;
import dev.cloudjar.services.sqs.engine.ReceiveRequest;
import dev.cloudjar.services.sqs.engine.ReceivedMessage;
import dev.cloudjar.services.sqs.engine.SendRequest;
import dev.cloudjar.services.sqs.engine.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqsBackendTest {
    static final Scope SCOPE = new Scope("000000000000", "us-east-1");
    MutableClock clock;
    MapDbStateStore store;
    EventBus events;
    SqsBackend sqs;

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z"));
        store = MapDbStateStore.inMemory();
        events = new EventBus();
        sqs = new SqsBackend(new ServiceContext(CloudJarConfig.defaults(), store, events, clock, IdGenerator.random()));
    }

    @AfterEach
    void stop() {
        sqs.close();
        events.close();
        store.close();
    }

    List<ReceivedMessage> receive(String queue, int max, Integer visibility) {
        return sqs.receiveMessage(SCOPE, queue, new ReceiveRequest(max, visibility, 0, List.of("All"), List.of("All"), null)).join();
    }

    @Test
    void sendReceiveDeleteWithVisibilityTimeout() {
        sqs.createQueue(SCOPE, "q", Map.of(), Map.of());
        SendResult sent = sqs.sendMessage(SCOPE, "http://localhost:4566/000000000000/q", SendRequest.of("hi"));
        assertEquals("49f68a5c8493ec2c0bf489821c21fc3b", sent.md5OfMessageBody());
        List<ReceivedMessage> first = receive("q", 10, 30);
        assertEquals(1, first.size());
        assertEquals(sent.messageId(), first.get(0).messageId());
        assertEquals("1", first.get(0).attributes().get("ApproximateReceiveCount"));
        assertTrue(receive("q", 10, null).isEmpty(), "in flight");
        clock.advance(Duration.ofSeconds(31));
        List<ReceivedMessage> second = receive("https://sqs.us-east-1.amazonaws.com/000000000000/q", 10, null);
        assertEquals("2", second.get(0).attributes().get("ApproximateReceiveCount"));
        assertNotEquals(first.get(0).receiptHandle(), second.get(0).receiptHandle());
        sqs.deleteMessage(SCOPE, "q", first.get(0).receiptHandle());
        clock.advance(Duration.ofSeconds(31));
        assertEquals(1, receive("q", 10, 0).size(), "an old handle does not delete");
        List<ReceivedMessage> third = receive("q", 10, 5);
        sqs.deleteMessage(SCOPE, "q", third.get(0).receiptHandle());
        clock.advance(Duration.ofSeconds(60));
        assertTrue(receive("q", 10, null).isEmpty());
        AwsException bad = assertThrows(AwsException.class, () -> sqs.deleteMessage(SCOPE, "q", "garbage"));
        assertEquals("ReceiptHandleIsInvalid", bad.code());
    }

    @Test
    void changeVisibilityToZeroMakesTheMessageVisibleAtOnce() {
        sqs.createQueue(SCOPE, "q", Map.of(), Map.of());
        sqs.sendMessage(SCOPE, "q", SendRequest.of("a"));
        ReceivedMessage m = receive("q", 1, null).get(0);
        sqs.changeMessageVisibility(SCOPE, "q", m.receiptHandle(), 0);
        assertEquals(1, receive("q", 1, null).size());
        AwsException expired = assertThrows(AwsException.class, () -> sqs.changeMessageVisibility(SCOPE, "q", m.receiptHandle(), 10));
        assertEquals("InvalidParameterValueException", expired.code());
    }

    @Test
    void queueAndMessageDelays() {
        sqs.createQueue(SCOPE, "q", Map.of("DelaySeconds", "10"), Map.of());
        sqs.sendMessage(SCOPE, "q", SendRequest.of("queue-delay"));
        sqs.sendMessage(SCOPE, "q", new SendRequest("now", 0, Map.of(), null, null, null, null));
        assertEquals("1", sqs.getQueueAttributes(SCOPE, "q", List.of("ApproximateNumberOfMessagesDelayed")).get("ApproximateNumberOfMessagesDelayed"));
        assertEquals("now", receive("q", 10, null).get(0).body());
        clock.advance(Duration.ofSeconds(10));
        assertEquals("queue-delay", receive("q", 10, null).get(0).body());
        AwsException tooLong = assertThrows(AwsException.class,
                () -> sqs.sendMessage(SCOPE, "q", new SendRequest("x", 901, Map.of(), null, null, null, null)));
        assertEquals("Value 901 for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.", tooLong.getMessage());
    }

    @Test
    void retentionDropsOldMessages() {
        sqs.createQueue(SCOPE, "q", Map.of("MessageRetentionPeriod", "60"), Map.of());
        sqs.sendMessage(SCOPE, "q", SendRequest.of("old"));
        clock.advance(Duration.ofSeconds(61));
        assertTrue(receive("q", 10, null).isEmpty());
    }

    @Test
    void fifoOrdersPerGroupAndBlocksAGroupWithMessagesInFlight() {
        sqs.createQueue(SCOPE, "f.fifo", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"), Map.of());
        for (String body : List.of("a1", "a2", "b1")) {
            sqs.sendMessage(SCOPE, "f.fifo", SendRequest.of(body).withGroup(body.substring(0, 1), null));
        }
        List<ReceivedMessage> one = receive("f.fifo", 1, null);
        assertEquals("a1", one.get(0).body());
        assertNotNull(one.get(0).attributes().get("SequenceNumber"));
        List<ReceivedMessage> next = receive("f.fifo", 10, null);
        assertEquals(List.of("b1"), next.stream().map(ReceivedMessage::body).toList(), "group a is blocked");
        sqs.deleteMessage(SCOPE, "f.fifo", one.get(0).receiptHandle());
        assertEquals("a2", receive("f.fifo", 10, null).get(0).body());
    }

    @Test
    void fifoDeduplicatesForFiveMinutesAndPurgeClearsTheHistory() {
        sqs.createQueue(SCOPE, "d.fifo", Map.of("FifoQueue", "true"), Map.of());
        SendResult first = sqs.sendMessage(SCOPE, "d.fifo", SendRequest.of("x").withGroup("g", "id1"));
        SendResult dup = sqs.sendMessage(SCOPE, "d.fifo", SendRequest.of("y").withGroup("g", "id1"));
        assertEquals(first.messageId(), dup.messageId());
        assertEquals(first.sequenceNumber(), dup.sequenceNumber());
        ReceivedMessage m = receive("d.fifo", 10, null).get(0);
        sqs.deleteMessage(SCOPE, "d.fifo", m.receiptHandle());
        sqs.sendMessage(SCOPE, "d.fifo", SendRequest.of("z").withGroup("g", "id1"));
        assertTrue(receive("d.fifo", 10, null).isEmpty(), "deduplicated even after delete");
        clock.advance(Duration.ofMinutes(5));
        sqs.sendMessage(SCOPE, "d.fifo", SendRequest.of("w").withGroup("g", "id1"));
        assertEquals("w", receive("d.fifo", 10, null).get(0).body());
        clock.advance(Duration.ofMinutes(1));
        sqs.purgeQueue(SCOPE, "d.fifo");
        sqs.sendMessage(SCOPE, "d.fifo", SendRequest.of("v").withGroup("g", "id1"));
        assertEquals("v", receive("d.fifo", 10, null).get(0).body());
        AwsException again = assertThrows(AwsException.class, () -> sqs.purgeQueue(SCOPE, "d.fifo"));
        assertEquals(403, again.status());
    }

    @Test
    void fifoReceiveRequestAttemptIdRepeatsTheSameMessages() {
        sqs.createQueue(SCOPE, "att.fifo", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"), Map.of());
        sqs.sendMessage(SCOPE, "att.fifo", SendRequest.of("one").withGroup("g", null));
        sqs.sendMessage(SCOPE, "att.fifo", SendRequest.of("two").withGroup("h", null));
        ReceiveRequest attempt = new ReceiveRequest(1, 30, 0, List.of(), List.of(), "attempt-1");
        ReceivedMessage first = sqs.receiveMessage(SCOPE, "att.fifo", attempt).join().get(0);
        ReceivedMessage retried = sqs.receiveMessage(SCOPE, "att.fifo", attempt).join().get(0);
        assertEquals(first.messageId(), retried.messageId());
        assertEquals(first.receiptHandle(), retried.receiptHandle());
        ReceivedMessage other = sqs.receiveMessage(SCOPE, "att.fifo", new ReceiveRequest(1, 30, 0, List.of(), List.of(), "attempt-2")).join().get(0);
        assertNotEquals(first.messageId(), other.messageId());
    }

    @Test
    void fifoRules() {
        sqs.createQueue(SCOPE, "r.fifo", Map.of("FifoQueue", "true"), Map.of());
        assertEquals("The request must contain the parameter MessageGroupId.",
                assertThrows(AwsException.class, () -> sqs.sendMessage(SCOPE, "r.fifo", SendRequest.of("x"))).getMessage());
        assertEquals("The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly",
                assertThrows(AwsException.class, () -> sqs.sendMessage(SCOPE, "r.fifo", SendRequest.of("x").withGroup("g", null))).getMessage());
        assertThrows(AwsException.class, () -> sqs.sendMessage(SCOPE, "r.fifo", new SendRequest("x", 5, Map.of(), null, "g", "d", null)));
        AwsException standardFifoAttr = assertThrows(AwsException.class,
                () -> sqs.createQueue(SCOPE, "std", Map.of("ContentBasedDeduplication", "true"), Map.of()));
        assertEquals("Unknown Attribute ContentBasedDeduplication.", standardFifoAttr.getMessage());
        assertEquals("InvalidParameterValueException",
                assertThrows(AwsException.class, () -> sqs.createQueue(SCOPE, "x.fifo", Map.of(), Map.of())).code());
    }

    @Test
    void redriveMovesToTheDeadLetterQueueAfterMaxReceiveCount() {
        sqs.createQueue(SCOPE, "dlq", Map.of(), Map.of());
        sqs.createQueue(SCOPE, "src", Map.of("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:dlq\",\"maxReceiveCount\":\"2\"}"), Map.of());
        sqs.sendMessage(SCOPE, "src", SendRequest.of("poison"));
        for (int i = 0; i < 2; i++) {
            assertEquals(1, receive("src", 1, 0).size());
        }
        assertTrue(receive("src", 1, 0).isEmpty());
        ReceivedMessage dead = receive("dlq", 1, 0).get(0);
        assertEquals("poison", dead.body());
        assertEquals("arn:aws:sqs:us-east-1:000000000000:src", dead.attributes().get("DeadLetterQueueSourceArn"));
        assertEquals(List.of("src"), sqs.listDeadLetterSourceQueues(SCOPE, "dlq", null, null).queues().stream()
                .map(q -> q.name()).toList());
        String task = sqs.startMessageMoveTask(SCOPE, "arn:aws:sqs:us-east-1:000000000000:dlq", null, null);
        assertNotNull(task);
        assertTrue(events.awaitIdle(Duration.ofSeconds(5)));
        assertEquals("COMPLETED", sqs.listMessageMoveTasks(SCOPE, "arn:aws:sqs:us-east-1:000000000000:dlq", 10).get(0).status());
        assertEquals("poison", receive("src", 1, 0).get(0).body());
        AwsException notDlq = assertThrows(AwsException.class,
                () -> sqs.startMessageMoveTask(SCOPE, "arn:aws:sqs:us-east-1:000000000000:src", null, null));
        assertEquals("Source queue must be configured as a Dead Letter Queue.", notDlq.getMessage());
    }

    @Test
    void redriveAllowPolicyIsEnforcedAndTypesMustMatch() {
        sqs.createQueue(SCOPE, "closed-dlq", Map.of("RedriveAllowPolicy", "{\"redrivePermission\":\"denyAll\"}"), Map.of());
        String policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:closed-dlq\",\"maxReceiveCount\":3}";
        AwsException denied = assertThrows(AwsException.class, () -> sqs.createQueue(SCOPE, "s1", Map.of("RedrivePolicy", policy), Map.of()));
        assertTrue(denied.getMessage().contains("does not allow this queue"));
        sqs.setQueueAttributes(SCOPE, "closed-dlq", Map.of("RedriveAllowPolicy",
                "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[\"arn:aws:sqs:us-east-1:000000000000:s1\"]}"));
        sqs.createQueue(SCOPE, "s1", Map.of("RedrivePolicy", policy), Map.of());
        AwsException fifo = assertThrows(AwsException.class, () -> sqs.createQueue(SCOPE, "s2.fifo",
                Map.of("FifoQueue", "true", "RedrivePolicy", policy), Map.of()));
        assertTrue(fifo.getMessage().contains("same type"));
        AwsException missing = assertThrows(AwsException.class, () -> sqs.createQueue(SCOPE, "s3", Map.of("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:none\",\"maxReceiveCount\":3}"), Map.of()));
        assertEquals("InvalidParameterValueException", missing.code());
    }

    @Test
    void aRateLimitedMoveTaskCanBeCancelled() throws Exception {
        sqs.createQueue(SCOPE, "dlq2", Map.of(), Map.of());
        sqs.createQueue(SCOPE, "src2", Map.of("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:dlq2\",\"maxReceiveCount\":1}"), Map.of());
        for (int i = 0; i < 3; i++) {
            sqs.sendMessage(SCOPE, "dlq2", SendRequest.of("m" + i));
        }
        String arn = "arn:aws:sqs:us-east-1:000000000000:dlq2";
        String handle = sqs.startMessageMoveTask(SCOPE, arn, "arn:aws:sqs:us-east-1:000000000000:src2", 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sqs.listMessageMoveTasks(SCOPE, arn, 1).get(0).approximateNumberOfMessagesMoved() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        AwsException running = assertThrows(AwsException.class, () -> sqs.startMessageMoveTask(SCOPE, arn, null, null));
        assertTrue(running.getMessage().startsWith("There is already a task running."));
        assertEquals(1, sqs.cancelMessageMoveTask(SCOPE, handle));
        assertTrue(events.awaitIdle(Duration.ofSeconds(5)));
        assertEquals("CANCELLED", sqs.listMessageMoveTasks(SCOPE, arn, 1).get(0).status());
        assertEquals("2", sqs.getQueueAttributes(SCOPE, "dlq2", List.of("ApproximateNumberOfMessages")).get("ApproximateNumberOfMessages"));
        assertEquals("ResourceNotFoundException", assertThrows(AwsException.class, () -> sqs.cancelMessageMoveTask(SCOPE, "nope")).code());
    }

    @Test
    void queueAttributesAndCreateIdempotency() {
        sqs.createQueue(SCOPE, "a", Map.of("VisibilityTimeout", "60"), Map.of("team", "x"));
        sqs.createQueue(SCOPE, "a", Map.of("VisibilityTimeout", "60"), Map.of());
        AwsException exists = assertThrows(AwsException.class, () -> sqs.createQueue(SCOPE, "a", Map.of("VisibilityTimeout", "61"), Map.of()));
        assertEquals("A queue already exists with the same name and a different value for attribute VisibilityTimeout", exists.getMessage());
        assertEquals("QueueAlreadyExists", exists.legacyCode());
        Map<String, String> all = sqs.getQueueAttributes(SCOPE, "a", List.of("All"));
        assertEquals("60", all.get("VisibilityTimeout"));
        assertEquals("1048576", all.get("MaximumMessageSize"));
        assertEquals("345600", all.get("MessageRetentionPeriod"));
        assertEquals("true", all.get("SqsManagedSseEnabled"));
        assertEquals("arn:aws:sqs:us-east-1:000000000000:a", all.get("QueueArn"));
        assertFalse(all.containsKey("FifoQueue"));
        assertEquals("Unknown Attribute Bogus.",
                assertThrows(AwsException.class, () -> sqs.getQueueAttributes(SCOPE, "a", List.of("Bogus"))).getMessage());
        assertEquals("Invalid value for the parameter VisibilityTimeout.",
                assertThrows(AwsException.class, () -> sqs.setQueueAttributes(SCOPE, "a", Map.of("VisibilityTimeout", "50000"))).getMessage());
        sqs.setQueueAttributes(SCOPE, "a", Map.of("KmsMasterKeyId", "alias/aws/sqs"));
        all = sqs.getQueueAttributes(SCOPE, "a", List.of("All"));
        assertEquals("alias/aws/sqs", all.get("KmsMasterKeyId"));
        assertEquals("300", all.get("KmsDataKeyReusePeriodSeconds"));
        assertEquals(Map.of("team", "x"), sqs.listQueueTags(SCOPE, "a"));
        assertEquals("QueueDoesNotExist", assertThrows(AwsException.class, () -> sqs.getQueueUrl(SCOPE, "nope", null)).code());
    }

    @Test
    void messageSizeAndAttributeValidation() {
        sqs.createQueue(SCOPE, "s", Map.of("MaximumMessageSize", "1024"), Map.of());
        AwsException big = assertThrows(AwsException.class, () -> sqs.sendMessage(SCOPE, "s", SendRequest.of("x".repeat(1025))));
        assertEquals("One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.", big.getMessage());
        AwsException badType = assertThrows(AwsException.class, () -> sqs.sendMessage(SCOPE, "s",
                SendRequest.of("x", Map.of("a", MessageAttribute.string("Text", "v")))));
        assertTrue(badType.getMessage().contains("invalid message attribute type"));
        AwsException badNumber = assertThrows(AwsException.class, () -> sqs.sendMessage(SCOPE, "s",
                SendRequest.of("x", Map.of("n", MessageAttribute.string("Number", "abc")))));
        assertTrue(badNumber.getMessage().contains("to a number"));
        assertEquals("InvalidMessageContents", assertThrows(AwsException.class,
                () -> sqs.sendMessage(SCOPE, "s", SendRequest.of("bad\u0001"))).code());
    }

    @Test
    void receiveSelectsMessageAttributesAndDigestsExactlyThose() {
        sqs.createQueue(SCOPE, "m", Map.of(), Map.of());
        sqs.sendMessage(SCOPE, "m", SendRequest.of("x", Map.of(
                "foo.a", MessageAttribute.string("String", "1"),
                "bar", MessageAttribute.string("Number.int", "2"))));
        ReceivedMessage m = sqs.receiveMessage(SCOPE, "m",
                new ReceiveRequest(1, 0, 0, List.of(), List.of("foo.*"), null)).join().get(0);
        assertEquals(List.of("foo.a"), List.copyOf(m.messageAttributes().keySet()));
        assertTrue(m.attributes().isEmpty());
        ReceivedMessage none = sqs.receiveMessage(SCOPE, "m", new ReceiveRequest(1, 0, 0, List.of("SentTimestamp"), List.of(), null)).join().get(0);
        assertNull(none.md5OfMessageAttributes());
        assertEquals(List.of("SentTimestamp"), List.copyOf(none.attributes().keySet()));
        AwsException tooMany = assertThrows(AwsException.class,
                () -> sqs.receiveMessage(SCOPE, "m", new ReceiveRequest(11, null, null, null, null, null)));
        assertEquals("Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.", tooMany.getMessage());
    }

    @Test
    void batchRules() {
        sqs.createQueue(SCOPE, "b", Map.of(), Map.of());
        List<BatchResult.Entry<SendRequest>> entries = new ArrayList<>();
        entries.add(new BatchResult.Entry<>("ok", SendRequest.of("1")));
        entries.add(new BatchResult.Entry<>("bad", SendRequest.of("bad\u0001")));
        BatchResult<SendResult> result = sqs.sendMessageBatch(SCOPE, "b", entries);
        assertEquals(1, result.successful().size());
        assertEquals("InvalidMessageContents", result.failed().get(0).code());
        entries.add(new BatchResult.Entry<>("ok", SendRequest.of("2")));
        assertEquals("BatchEntryIdsNotDistinct", assertThrows(AwsException.class, () -> sqs.sendMessageBatch(SCOPE, "b", entries)).code());
        assertEquals("EmptyBatchRequest", assertThrows(AwsException.class, () -> sqs.sendMessageBatch(SCOPE, "b", List.of())).code());
        assertEquals("InvalidBatchEntryId", assertThrows(AwsException.class,
                () -> sqs.sendMessageBatch(SCOPE, "b", List.of(new BatchResult.Entry<>("a b", SendRequest.of("1"))))).code());
    }

    @Test
    void longPollIsAnsweredAtOnceWhenAMessageArrives() throws Exception {
        sqs.createQueue(SCOPE, "lp", Map.of(), Map.of());
        List<CompletableFuture<List<ReceivedMessage>>> waits = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            waits.add(sqs.receiveAsync(SCOPE, "lp", 1, null, 20));
        }
        assertTrue(waits.stream().noneMatch(CompletableFuture::isDone));
        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            sqs.sendMessage(SCOPE, "lp", SendRequest.of("m" + i));
        }
        for (CompletableFuture<List<ReceivedMessage>> w : waits) {
            assertEquals(1, w.get(2, TimeUnit.SECONDS).size());
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void longPollEndsEmptyAfterTheWait() throws Exception {
        sqs.createQueue(SCOPE, "lp", Map.of(), Map.of());
        CompletableFuture<List<ReceivedMessage>> w = sqs.receiveAsync(SCOPE, "lp", 1, null, 1);
        assertTrue(w.get(3, TimeUnit.SECONDS).isEmpty());
    }

    @Test
    void stateSurvivesARestartWithADataDirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        MapDbStateStore disk = MapDbStateStore.onDisk(dir);
        SqsBackend first = new SqsBackend(new ServiceContext(CloudJarConfig.defaults(), disk, events, clock, IdGenerator.random()));
        first.createQueue(SCOPE, "p", Map.of(), Map.of());
        first.sendMessage(SCOPE, "p", SendRequest.of("kept", Map.of("k", MessageAttribute.string("String", "v"))));
        first.sendMessage(SCOPE, "p", SendRequest.of("in-flight"));
        first.sendMessage(SCOPE, "p", SendRequest.of("deleted"));
        List<ReceivedMessage> got = first.receiveMessage(SCOPE, "p", new ReceiveRequest(1, 60, 0, List.of(), List.of(), null)).join();
        ReceivedMessage third = null;
        for (ReceivedMessage m : receiveAll(first, "p")) {
            if (m.body().equals("deleted")) {
                third = m;
            } else {
                first.changeMessageVisibility(SCOPE, "p", m.receiptHandle(), 0);
            }
        }
        first.deleteMessage(SCOPE, "p", third.receiptHandle());
        first.close();
        disk.close();
        MapDbStateStore reopened = MapDbStateStore.onDisk(dir);
        SqsBackend second = new SqsBackend(new ServiceContext(CloudJarConfig.defaults(), reopened, events, clock, IdGenerator.random()));
        try {
            assertEquals("1", second.getQueueAttributes(SCOPE, "p", List.of("ApproximateNumberOfMessagesNotVisible"))
                    .get("ApproximateNumberOfMessagesNotVisible"));
            List<ReceivedMessage> visible = receiveAll(second, "p");
            assertEquals(List.of("in-flight"), visible.stream().map(ReceivedMessage::body).toList());
            clock.advance(Duration.ofSeconds(61));
            ReceivedMessage again = receiveAll(second, "p").stream().filter(m -> m.body().equals("kept")).findFirst().orElseThrow();
            assertEquals(got.get(0).messageId(), again.messageId());
            assertEquals("2", again.attributes().get("ApproximateReceiveCount"));
            assertEquals("v", again.messageAttributes().get("k").stringValue());
        } finally {
            second.close();
            reopened.close();
        }
    }

    @Test
    void fifoDeduplicationOfStoredMessagesSurvivesARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        MapDbStateStore disk = MapDbStateStore.onDisk(dir);
        SqsBackend first = new SqsBackend(new ServiceContext(CloudJarConfig.defaults(), disk, events, clock, IdGenerator.random()));
        first.createQueue(SCOPE, "r.fifo", Map.of("FifoQueue", "true"), Map.of());
        SendResult sent = first.sendMessage(SCOPE, "r.fifo", SendRequest.of("once").withGroup("g", "d1"));
        first.close();
        disk.close();
        MapDbStateStore reopened = MapDbStateStore.onDisk(dir);
        SqsBackend second = new SqsBackend(new ServiceContext(CloudJarConfig.defaults(), reopened, events, clock, IdGenerator.random()));
        try {
            assertEquals(sent.messageId(), second.sendMessage(SCOPE, "r.fifo", SendRequest.of("twice").withGroup("g", "d1")).messageId());
            assertEquals(1, receiveAll(second, "r.fifo").size());
            SendResult next = second.sendMessage(SCOPE, "r.fifo", SendRequest.of("new").withGroup("g", "d2"));
            assertTrue(new java.math.BigInteger(next.sequenceNumber()).compareTo(new java.math.BigInteger(sent.sequenceNumber())) > 0);
        } finally {
            second.close();
            reopened.close();
        }
    }

    private static List<ReceivedMessage> receiveAll(SqsBackend backend, String queue) {
        return backend.receiveMessage(SCOPE, queue, new ReceiveRequest(10, 30, 0, List.of("All"), List.of("All"), null)).join();
    }

    @Test
    void aDeletedQueueNameComesBackAfterSixtySecondsOnTheClock() {
        sqs.createQueue(SCOPE, "again", Map.of(), Map.of());
        sqs.deleteQueue(SCOPE, "again");
        clock.advance(Duration.ofSeconds(59));
        AwsException early = assertThrows(AwsException.class, () -> sqs.createQueue(SCOPE, "again", Map.of(), Map.of()));
        assertEquals("QueueDeletedRecently", early.code());
        clock.advance(Duration.ofSeconds(1));
        assertEquals("again", sqs.createQueue(SCOPE, "again", Map.of(), Map.of()).name());
    }
}
