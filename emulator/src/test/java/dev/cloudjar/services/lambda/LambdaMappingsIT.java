package dev.cloudjar.services.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.lambda.esm.QueueMessage;
import dev.cloudjar.services.lambda.esm.QueueSource;
import dev.cloudjar.services.lambda.esm.StreamRecord;
import dev.cloudjar.services.lambda.esm.StreamSource;
import dev.cloudjar.testing.CloudJarExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Event source mappings through the SDK, with in-memory queue and stream sources behind the ports. */
@ExtendWith(CloudJarExtension.class)
class LambdaMappingsIT {
    private static final String STREAM = "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2024-01-01T00:00:00.000";
    private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:q";
    private final List<String> onFailure = new CopyOnWriteArrayList<>();

    /** A stream of records; read never deletes. */
    static final class FakeStream implements StreamSource {
        final List<StreamRecord> records = new CopyOnWriteArrayList<>();

        void add(int seq, boolean poison) {
            String s = String.format("%021d", seq);
            String image = "{\"id\":{\"S\":\"k" + seq + "\"}" + (poison ? ",\"poison\":{\"BOOL\":true}" : "") + "}";
            records.add(new StreamRecord(s, Instant.now().getEpochSecond(), "{\"eventID\":\"" + seq + "\",\"eventName\":\"INSERT\","
                    + "\"eventVersion\":\"1.1\",\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",\"dynamodb\":{"
                    + "\"ApproximateCreationDateTime\":1700000000,\"Keys\":{\"id\":{\"S\":\"k" + seq + "\"}},\"NewImage\":" + image
                    + ",\"SequenceNumber\":\"" + s + "\",\"SizeBytes\":10,\"StreamViewType\":\"NEW_IMAGE\"},\"eventSourceARN\":\"" + STREAM + "\"}"));
        }

        @Override
        public boolean exists(Scope scope, String streamArn) {
            return streamArn.equals(STREAM);
        }

        @Override
        public String startingCheckpoint(Scope scope, String streamArn, String startingPosition, Instant timestamp) {
            return "TRIM_HORIZON".equals(startingPosition) || records.isEmpty() ? "" : records.get(records.size() - 1).sequenceNumber();
        }

        @Override
        public List<StreamRecord> read(Scope scope, String streamArn, String after, int max) {
            List<StreamRecord> out = new ArrayList<>();
            for (StreamRecord r : records) {
                if (r.sequenceNumber().compareTo(after) > 0 && out.size() < max) {
                    out.add(r);
                }
            }
            return out;
        }

        @Override
        public boolean awaitRecords(Scope scope, String streamArn, String after, Duration timeout) throws InterruptedException {
            Thread.sleep(Math.min(20, timeout.toMillis()));
            return !read(scope, streamArn, after, 1).isEmpty();
        }
    }

    /** A queue whose received messages reappear after 200 ms unless deleted. */
    static final class FakeQueue implements QueueSource {
        final Map<String, QueueMessage> messages = new ConcurrentHashMap<>();
        final Map<String, Long> invisibleUntil = new ConcurrentHashMap<>();

        void send(String id, String body) {
            messages.put(id, new QueueMessage(id, "rh-" + id, body, Map.of("ApproximateReceiveCount", "1"), Map.of(), "md5"));
        }

        @Override
        public boolean exists(Scope scope, String queueArn) {
            return queueArn.equals(QUEUE);
        }

        @Override
        public synchronized List<QueueMessage> receive(Scope scope, String queueArn, int max, int waitSeconds) {
            List<QueueMessage> out = new ArrayList<>();
            long now = System.currentTimeMillis();
            for (QueueMessage m : messages.values()) {
                if (out.size() < max && invisibleUntil.getOrDefault(m.messageId(), 0L) <= now) {
                    invisibleUntil.put(m.messageId(), now + 200);
                    out.add(m);
                }
            }
            if (out.isEmpty()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return out;
        }

        @Override
        public void delete(Scope scope, String queueArn, List<String> receiptHandles) {
            receiptHandles.forEach(rh -> messages.remove(rh.substring(3)));
        }
    }

    private void wire(CloudJar cloudJar, FakeStream stream, FakeQueue queue) {
        LambdaBackend backend = cloudJar.backend(LambdaBackend.class);
        backend.mappings().useStreamSource(stream);
        backend.mappings().useQueueSource(queue);
        backend.useDestinations((scope, target, body, attributes) -> onFailure.add(body));
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached in time");
            Thread.sleep(20);
        }
    }

    @Test
    void mappingOperationsAndErrors(LambdaClient lambda, CloudJar cloudJar) {
        wire(cloudJar, new FakeStream(), new FakeQueue());
        LambdaFunctionsIT.create(lambda, "esm-crud", LambdaFunctionsIT.FIXTURES + "Recorder::queue", 3, Map.of());
        CreateEventSourceMappingResponse created = lambda.createEventSourceMapping(b -> b.functionName("esm-crud").eventSourceArn(QUEUE));
        assertEquals(202, created.sdkHttpResponse().statusCode());
        assertEquals("Creating", created.state());
        assertEquals(10, created.batchSize());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:event-source-mapping:" + created.uuid(), created.eventSourceMappingArn());
        assertEquals("Enabled", lambda.getEventSourceMapping(b -> b.uuid(created.uuid())).state());
        assertEquals(1, lambda.listEventSourceMappings(b -> b.functionName("esm-crud")).eventSourceMappings().size());
        var updated = lambda.updateEventSourceMapping(b -> b.uuid(created.uuid()).batchSize(5).enabled(false));
        assertEquals(202, updated.sdkHttpResponse().statusCode());
        assertEquals(5, updated.batchSize());
        assertEquals("Disabled", lambda.getEventSourceMapping(b -> b.uuid(created.uuid())).state());
        assertThrows(ResourceConflictException.class, () -> lambda.createEventSourceMapping(b -> b.functionName("esm-crud").eventSourceArn(QUEUE)));
        assertEquals("Deleting", lambda.deleteEventSourceMapping(b -> b.uuid(created.uuid())).state());
        assertThrows(ResourceNotFoundException.class, () -> lambda.getEventSourceMapping(b -> b.uuid(created.uuid())));

        assertThrows(InvalidParameterValueException.class, () -> lambda.createEventSourceMapping(b -> b.functionName("esm-crud")
                .eventSourceArn(QUEUE).startingPosition(EventSourcePosition.LATEST)));
        assertThrows(InvalidParameterValueException.class, () -> lambda.createEventSourceMapping(b -> b.functionName("esm-crud")
                .eventSourceArn(STREAM)));
        assertThrows(InvalidParameterValueException.class, () -> lambda.createEventSourceMapping(b -> b.functionName("esm-crud")
                .eventSourceArn(QUEUE).batchSize(100)));
        assertThrows(InvalidParameterValueException.class, () -> lambda.createEventSourceMapping(b -> b.functionName("esm-crud")
                .eventSourceArn("arn:aws:sqs:us-east-1:000000000000:missing")));
        assertThrows(ResourceNotFoundException.class, () -> lambda.createEventSourceMapping(b -> b.functionName("nope").eventSourceArn(QUEUE)));
        assertThrows(InvalidParameterValueException.class, () -> lambda.createEventSourceMapping(b -> b.functionName("esm-crud")
                .eventSourceArn(STREAM).startingPosition(EventSourcePosition.AT_TIMESTAMP)));
        software.amazon.awssdk.services.lambda.model.LambdaException range = assertThrows(
                software.amazon.awssdk.services.lambda.model.LambdaException.class, () -> lambda.createEventSourceMapping(b -> b
                        .functionName("esm-crud").eventSourceArn(STREAM).startingPosition(EventSourcePosition.LATEST).parallelizationFactor(11)));
        assertEquals("ValidationException", range.awsErrorDetails().errorCode());

        var stream = lambda.createEventSourceMapping(b -> b.functionName("esm-crud").eventSourceArn(STREAM)
                .startingPosition(EventSourcePosition.TRIM_HORIZON));
        assertEquals(100, stream.batchSize());
        assertEquals(-1, stream.maximumRetryAttempts());
        assertEquals(-1, stream.maximumRecordAgeInSeconds());
        assertEquals(1, stream.parallelizationFactor());
        assertEquals("No records processed", stream.lastProcessingResult());
        lambda.deleteEventSourceMapping(b -> b.uuid(stream.uuid()));
    }

    @Test
    void streamRecordsInOrderWithAFailingBatchRetriedThenSentToOnFailure(LambdaClient lambda, CloudJar cloudJar) throws Exception {
        FakeStream stream = new FakeStream();
        wire(cloudJar, stream, new FakeQueue());
        stream.add(1, false);
        stream.add(2, true);
        stream.add(3, false);
        LambdaFunctionsIT.create(lambda, "ordered", LambdaFunctionsIT.FIXTURES + "Recorder::stream", 3, Map.of());
        String uuid = lambda.createEventSourceMapping(b -> b.functionName("ordered").eventSourceArn(STREAM).batchSize(1)
                .startingPosition(EventSourcePosition.TRIM_HORIZON).maximumRetryAttempts(2)
                .destinationConfig(d -> d.onFailure(f -> f.destination("arn:aws:sqs:us-east-1:000000000000:esm-dlq")))).uuid();
        await(() -> System.getProperty("recorder.ordered", "").endsWith("000000000000000000003"));
        String s1 = String.format("%021d", 1);
        String s2 = String.format("%021d", 2);
        String s3 = String.format("%021d", 3);
        assertEquals(String.join(",", s1, s2, s2, s2, s3), System.getProperty("recorder.ordered"));
        await(() -> !onFailure.isEmpty());
        assertTrue(onFailure.get(0).contains("\"startSequenceNumber\":\"" + s2 + "\""), onFailure.get(0));
        assertTrue(onFailure.get(0).contains("\"condition\":\"RetryAttemptsExhausted\""));
        await(() -> "OK".equals(lambda.getEventSourceMapping(b -> b.uuid(uuid)).lastProcessingResult()));
        lambda.deleteEventSourceMapping(b -> b.uuid(uuid));
    }

    @Test
    void streamReportBatchItemFailuresRetriesFromTheFailedRecord(LambdaClient lambda, CloudJar cloudJar) throws Exception {
        FakeStream stream = new FakeStream();
        wire(cloudJar, stream, new FakeQueue());
        stream.add(1, false);
        stream.add(2, true);
        stream.add(3, false);
        LambdaFunctionsIT.create(lambda, "partial", LambdaFunctionsIT.FIXTURES + "Recorder::partialStream", 3, Map.of());
        String uuid = lambda.createEventSourceMapping(b -> b.functionName("partial").eventSourceArn(STREAM).batchSize(10)
                .startingPosition(EventSourcePosition.TRIM_HORIZON).functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)).uuid();
        String s1 = String.format("%021d", 1);
        String s2 = String.format("%021d", 2);
        String s3 = String.format("%021d", 3);
        await(() -> System.getProperty("recorder.partial", "").endsWith(s3));
        assertEquals(String.join(",", s1, s2, s2, s3), System.getProperty("recorder.partial"));
        lambda.deleteEventSourceMapping(b -> b.uuid(uuid));
    }

    @Test
    void sqsPartialBatchFailuresLeaveOnlyTheReportedMessages(LambdaClient lambda, CloudJar cloudJar) throws Exception {
        FakeQueue queue = new FakeQueue();
        wire(cloudJar, new FakeStream(), queue);
        queue.send("m1", "good-1");
        queue.send("m2", "bad-2");
        queue.send("m3", "good-3");
        LambdaFunctionsIT.create(lambda, "sqs-partial", LambdaFunctionsIT.FIXTURES + "Recorder::queue", 3, Map.of());
        String uuid = lambda.createEventSourceMapping(b -> b.functionName("sqs-partial").eventSourceArn(QUEUE)
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)).uuid();
        await(() -> !queue.messages.containsKey("m1") && !queue.messages.containsKey("m3"));
        await(() -> System.getProperty("recorder.sqs-partial", "").split("bad-2", -1).length > 2);
        assertTrue(queue.messages.containsKey("m2"), "the reported failure stays in the queue");
        lambda.deleteEventSourceMapping(b -> b.uuid(uuid));
    }

    @Test
    void filterCriteriaDropsNonMatchingMessagesAndRecords(LambdaClient lambda, CloudJar cloudJar) throws Exception {
        FakeQueue queue = new FakeQueue();
        FakeStream stream = new FakeStream();
        wire(cloudJar, stream, queue);
        queue.send("f1", "{\"kind\":\"keep\",\"n\":1}");
        queue.send("f2", "{\"kind\":\"drop\",\"n\":2}");
        LambdaFunctionsIT.create(lambda, "filtered", LambdaFunctionsIT.FIXTURES + "Recorder::queue", 3, Map.of());
        String uuid = lambda.createEventSourceMapping(b -> b.functionName("filtered").eventSourceArn(QUEUE)
                .filterCriteria(f -> f.filters(p -> p.pattern("{\"body\":{\"kind\":[\"keep\"]}}")))).uuid();
        assertEquals("{\"body\":{\"kind\":[\"keep\"]}}",
                lambda.getEventSourceMapping(b -> b.uuid(uuid)).filterCriteria().filters().get(0).pattern());
        await(() -> queue.messages.isEmpty());
        assertEquals("{\"kind\":\"keep\",\"n\":1}", System.getProperty("recorder.filtered"));
        lambda.deleteEventSourceMapping(b -> b.uuid(uuid));

        stream.add(1, false);
        stream.add(2, true);
        stream.add(3, false);
        LambdaFunctionsIT.create(lambda, "filtered-stream", LambdaFunctionsIT.FIXTURES + "Recorder::stream", 3, Map.of());
        String streamUuid = lambda.createEventSourceMapping(b -> b.functionName("filtered-stream").eventSourceArn(STREAM)
                .startingPosition(EventSourcePosition.TRIM_HORIZON)
                .filterCriteria(f -> f.filters(p -> p.pattern("{\"dynamodb\":{\"NewImage\":{\"poison\":{\"BOOL\":[{\"exists\":false}]}}}}")))).uuid();
        await(() -> "OK".equals(lambda.getEventSourceMapping(b -> b.uuid(streamUuid)).lastProcessingResult()));
        assertEquals(String.format("%021d,%021d", 1, 3), System.getProperty("recorder.filtered-stream"));
        assertThrows(InvalidParameterValueException.class, () -> lambda.createEventSourceMapping(b -> b.functionName("filtered")
                .eventSourceArn(QUEUE).filterCriteria(f -> f.filters(p -> p.pattern("{not json")))));
        lambda.deleteEventSourceMapping(b -> b.uuid(streamUuid));
    }
}
