package dev.cloudjar.services.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Kinesis streams as Lambda event sources: per-shard order and concurrency, retries, OnFailure, resharding. */
@ExtendWith(CloudJarExtension.class)
class KinesisMappingsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not reached in time: " + what);
            Thread.sleep(20);
        }
    }

    private static List<String> seen(String key) {
        String value = System.getProperty(key, "");
        return value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }

    private static PutRecordResponse put(KinesisClient kinesis, String stream, String key, String data) {
        return kinesis.putRecord(b -> b.streamName(stream).partitionKey(key).data(SdkBytes.fromString(data, StandardCharsets.UTF_8)));
    }

    @Test
    void oneBatchPerShardInOrderWithAFailingBatchRetried(LambdaClient lambda, KinesisClient kinesis) throws Exception {
        kinesis.createStream(b -> b.streamName("clicks").shardCount(2));
        String arn = kinesis.describeStreamSummary(b -> b.streamName("clicks")).streamDescriptionSummary().streamARN();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            String data = (i == 7 ? "flaky-" : "click-") + i;
            PutRecordResponse r = put(kinesis, "clicks", "user-" + (i % 5), data);
            expected.computeIfAbsent(r.shardId(), k -> new ArrayList<>()).add(data);
        }
        assertEquals(2, expected.size(), "five keys spread over both shards");
        LambdaFunctionsIT.create(lambda, "clicks-fn", LambdaFunctionsIT.FIXTURES + "KinesisRecorder::record", 10, Map.of());
        lambda.createEventSourceMapping(b -> b.functionName("clicks-fn").eventSourceArn(arn).batchSize(4)
                .startingPosition(EventSourcePosition.TRIM_HORIZON));
        for (Map.Entry<String, List<String>> shard : expected.entrySet()) {
            String key = "kinesis.clicks-fn." + shard.getKey();
            await(() -> seen(key).contains(shard.getValue().get(shard.getValue().size() - 1)), key);
            List<String> order = new ArrayList<>(seen(key));
            // the failed batch is seen twice: dropping the first sighting of each repeated run leaves the put order
            List<String> distinct = order.stream().distinct().toList();
            assertEquals(shard.getValue(), distinct, "per-shard order in " + order);
            assertEquals("1", System.getProperty("kinesis.clicks-fn.max." + shard.getKey()), "one batch in flight per shard");
            if (shard.getValue().contains("flaky-7")) {
                assertTrue(order.size() > distinct.size(), "the failing batch was retried: " + order);
                int first = order.indexOf("flaky-7");
                assertTrue(order.subList(0, first).stream().allMatch(d -> shard.getValue().indexOf(d) < shard.getValue().indexOf("flaky-7")));
            }
        }
        String meta = seen("kinesis.clicks-fn.meta").get(0);
        String[] parts = meta.split("\\|");
        assertEquals(arn, parts[0]);
        assertTrue(parts[1].matches("shardId-00000000000[01]:\\d{56}"), parts[1]);
        assertTrue(parts[2].startsWith("user-"));
        assertEquals("aws:kinesis:record", parts[3]);
        assertEquals("1.0", parts[4]);
        assertEquals("true", parts[5]);

        long started = System.nanoTime();
        put(kinesis, "clicks", "user-1", "late-click");
        await(() -> expected.keySet().stream().anyMatch(s -> seen("kinesis.clicks-fn." + s).contains("late-click")), "late click");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 900, "an append wakes the mapping at once (took " + millis + " ms)");
    }

    /** The target: PutRecord to the handler's start, p50 under 5 ms (measured here; asserted loosely on a shared machine). */
    @Test
    void putToHandlerStartLatency(LambdaClient lambda, KinesisClient kinesis) throws Exception {
        kinesis.createStream(b -> b.streamName("latency").shardCount(1));
        String arn = kinesis.describeStreamSummary(b -> b.streamName("latency")).streamDescriptionSummary().streamARN();
        LambdaFunctionsIT.create(lambda, "stamp-fn", LambdaFunctionsIT.FIXTURES + "KinesisRecorder::stamp", 10, Map.of());
        lambda.createEventSourceMapping(b -> b.functionName("stamp-fn").eventSourceArn(arn).batchSize(1)
                .startingPosition(EventSourcePosition.LATEST));
        put(kinesis, "latency", "k", "warm");
        await(() -> System.getProperty("kinesis.stamp-fn.stamp.warm") != null, "warm-up");
        List<Long> micros = new ArrayList<>();
        List<Long> putMicros = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String data = "m" + i;
            long before = System.nanoTime();
            put(kinesis, "latency", "k", data);
            putMicros.add((System.nanoTime() - before) / 1000);
            await(() -> System.getProperty("kinesis.stamp-fn.stamp." + data) != null, data);
            micros.add((Long.parseLong(System.getProperty("kinesis.stamp-fn.stamp." + data)) - before) / 1000);
        }
        java.util.Collections.sort(micros);
        java.util.Collections.sort(putMicros);
        long p50 = micros.get(micros.size() / 2);
        System.out.println("Kinesis put -> handler start: p50 " + p50 / 1000.0 + " ms, p90 " + micros.get(44) / 1000.0
                + " ms; the PutRecord call alone: p50 " + putMicros.get(25) / 1000.0 + " ms");
        assertTrue(p50 < 1_000_000, "put -> handler start p50 " + p50 + " us");
    }

    @Test
    void atTimestampStartsAtTheFirstRecordOfThatTime(LambdaClient lambda, KinesisClient kinesis, CloudJar cloudJar) throws Exception {
        kinesis.createStream(b -> b.streamName("stamped").shardCount(1));
        String arn = kinesis.describeStreamSummary(b -> b.streamName("stamped")).streamDescriptionSummary().streamARN();
        put(kinesis, "stamped", "k", "before");
        java.time.Instant from = cloudJar.context().clock().instant().plusSeconds(30);
        cloudJar.advanceClock(java.time.Duration.ofMinutes(1));
        put(kinesis, "stamped", "k", "after-1");
        put(kinesis, "stamped", "k", "after-2");
        LambdaFunctionsIT.create(lambda, "stamped-fn", LambdaFunctionsIT.FIXTURES + "KinesisRecorder::record", 10, Map.of());
        lambda.createEventSourceMapping(b -> b.functionName("stamped-fn").eventSourceArn(arn).batchSize(10)
                .startingPosition(EventSourcePosition.AT_TIMESTAMP).startingPositionTimestamp(from));
        String key = "kinesis.stamped-fn.shardId-000000000000";
        await(() -> seen(key).contains("after-2"), key);
        assertEquals(List.of("after-1", "after-2"), seen(key));
    }

    @Test
    void parallelizationFactorKeepsPerKeyOrder(LambdaClient lambda, KinesisClient kinesis) throws Exception {
        kinesis.createStream(b -> b.streamName("parallel").shardCount(1));
        String arn = kinesis.describeStreamSummary(b -> b.streamName("parallel")).streamDescriptionSummary().streamARN();
        Map<String, List<String>> perKey = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            String key = "k" + (i % 8);
            String data = key + "-" + i;
            put(kinesis, "parallel", key, data);
            perKey.computeIfAbsent(key, k -> new ArrayList<>()).add(data);
        }
        LambdaFunctionsIT.create(lambda, "parallel-fn", LambdaFunctionsIT.FIXTURES + "KinesisRecorder::record", 10, Map.of());
        lambda.createEventSourceMapping(b -> b.functionName("parallel-fn").eventSourceArn(arn).batchSize(2).parallelizationFactor(4)
                .startingPosition(EventSourcePosition.TRIM_HORIZON));
        String key = "kinesis.parallel-fn.shardId-000000000000";
        await(() -> seen(key).size() >= 40, key);
        List<String> order = seen(key);
        for (Map.Entry<String, List<String>> e : perKey.entrySet()) {
            assertEquals(e.getValue(), order.stream().filter(d -> d.startsWith(e.getKey() + "-")).toList(), "order of " + e.getKey());
        }
        int max = Integer.parseInt(System.getProperty("kinesis.parallel-fn.max.shardId-000000000000"));
        assertTrue(max > 1 && max <= 4, "up to four batches of one shard at once, saw " + max);
    }

    @Test
    void exhaustedRetriesGoToOnFailureWithKinesisBatchInfo(LambdaClient lambda, KinesisClient kinesis, SqsClient sqs, CloudJar cloudJar)
            throws Exception {
        kinesis.createStream(b -> b.streamName("poisoned").shardCount(1));
        String arn = kinesis.describeStreamSummary(b -> b.streamName("poisoned")).streamDescriptionSummary().streamARN();
        String dlq = sqs.createQueue(b -> b.queueName("kinesis-dlq")).queueUrl();
        put(kinesis, "poisoned", "a", "one");
        String poison = put(kinesis, "poisoned", "a", "poison-two").sequenceNumber();
        put(kinesis, "poisoned", "a", "three");
        LambdaFunctionsIT.create(lambda, "poison-fn", LambdaFunctionsIT.FIXTURES + "KinesisRecorder::record", 10, Map.of());
        lambda.createEventSourceMapping(b -> b.functionName("poison-fn").eventSourceArn(arn).batchSize(3).maximumRetryAttempts(1)
                .bisectBatchOnFunctionError(true).startingPosition(EventSourcePosition.TRIM_HORIZON)
                .destinationConfig(d -> d.onFailure(f -> f.destination("arn:aws:sqs:us-east-1:000000000000:kinesis-dlq"))));
        String key = "kinesis.poison-fn.shardId-000000000000";
        await(() -> seen(key).contains("three") && seen(key).lastIndexOf("three") > seen(key).lastIndexOf("poison-two"), key);
        List<software.amazon.awssdk.services.sqs.model.Message> messages = new ArrayList<>();
        await(() -> {
            messages.addAll(sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages());
            return !messages.isEmpty();
        }, "OnFailure record");
        JsonNode record = JSON.readTree(messages.get(0).body());
        JsonNode info = record.get("KinesisBatchInfo");
        assertEquals("shardId-000000000000", info.get("shardId").asText(), record.toString());
        assertEquals(arn, info.get("streamArn").asText());
        assertTrue(new BigInteger(info.get("startSequenceNumber").asText()).compareTo(new BigInteger(poison)) <= 0);
        assertEquals("RetryAttemptsExhausted", record.get("requestContext").get("condition").asText());
        assertTrue(record.get("requestContext").get("functionArn").asText().endsWith(":function:poison-fn"));
    }

    @Test
    void reportBatchItemFailuresRetriesFromTheFailedRecord(LambdaClient lambda, KinesisClient kinesis) throws Exception {
        kinesis.createStream(b -> b.streamName("partial").shardCount(1));
        String arn = kinesis.describeStreamSummary(b -> b.streamName("partial")).streamDescriptionSummary().streamARN();
        for (String d : List.of("a", "b", "bad-c", "d")) {
            put(kinesis, "partial", "k", d);
        }
        LambdaFunctionsIT.create(lambda, "partial-fn", LambdaFunctionsIT.FIXTURES + "KinesisRecorder::partial", 10, Map.of());
        lambda.createEventSourceMapping(b -> b.functionName("partial-fn").eventSourceArn(arn).batchSize(10)
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES).startingPosition(EventSourcePosition.TRIM_HORIZON));
        await(() -> seen("kinesis.partial-fn.all").contains("d"), "all records");
        assertEquals(List.of("a", "b", "bad-c", "bad-c", "d"), seen("kinesis.partial-fn.all"));
    }

    @Test
    void aMappingResumesAtItsCheckpointsAfterARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        dev.cloudjar.CloudJarConfig config = dev.cloudjar.CloudJarConfig.defaults().withPort(0).withDataDir(dir.resolve("data"));
        String key = "kinesis.restart-fn.shardId-000000000000";
        try (CloudJar first = CloudJar.start(config);
             KinesisClient kinesis = CloudJarExtension.client(KinesisClient.builder(), first).build();
             LambdaClient lambda = CloudJarExtension.client(LambdaClient.builder(), first).build()) {
            kinesis.createStream(b -> b.streamName("durable").shardCount(1));
            String arn = kinesis.describeStreamSummary(b -> b.streamName("durable")).streamDescriptionSummary().streamARN();
            LambdaFunctionsIT.create(lambda, "restart-fn", LambdaFunctionsIT.FIXTURES + "KinesisRecorder::record", 10, Map.of());
            lambda.createEventSourceMapping(b -> b.functionName("restart-fn").eventSourceArn(arn).batchSize(10)
                    .startingPosition(EventSourcePosition.TRIM_HORIZON));
            for (String d : List.of("r1", "r2", "r3")) {
                put(kinesis, "durable", "k", d);
            }
            await(() -> seen(key).contains("r3"), "records before the restart");
            first.awaitIdle(java.time.Duration.ofSeconds(5));
        }
        try (CloudJar second = CloudJar.start(config);
             KinesisClient kinesis = CloudJarExtension.client(KinesisClient.builder(), second).build()) {
            put(kinesis, "durable", "k", "r4");
            await(() -> seen(key).contains("r4"), "a record after the restart");
            Thread.sleep(300);
            assertEquals(List.of("r1", "r2", "r3", "r4"), seen(key), "processed records are not delivered again");
        }
    }

    @Test
    void childShardsAreReadAfterTheirParentAndLatestSkipsOldRecords(LambdaClient lambda, KinesisClient kinesis) throws Exception {
        kinesis.createStream(b -> b.streamName("split").shardCount(1));
        String arn = kinesis.describeStreamSummary(b -> b.streamName("split")).streamDescriptionSummary().streamARN();
        put(kinesis, "split", "k", "old");
        LambdaFunctionsIT.create(lambda, "split-fn", LambdaFunctionsIT.FIXTURES + "KinesisRecorder::record", 10, Map.of());
        lambda.createEventSourceMapping(b -> b.functionName("split-fn").eventSourceArn(arn).batchSize(10)
                .startingPosition(EventSourcePosition.LATEST));
        put(kinesis, "split", "k", "parent-1");
        kinesis.splitShard(b -> b.streamName("split").shardToSplit("shardId-000000000000")
                .newStartingHashKey(BigInteger.ONE.shiftLeft(127).toString()));
        BigInteger hash = new BigInteger(1, MessageDigest.getInstance("MD5").digest("k".getBytes(StandardCharsets.UTF_8)));
        String child = hash.compareTo(BigInteger.ONE.shiftLeft(127)) < 0 ? "shardId-000000000001" : "shardId-000000000002";
        assertEquals(child, put(kinesis, "split", "k", "child-1").shardId());
        await(() -> seen("kinesis.split-fn." + child).contains("child-1"), "child shard record");
        assertEquals(List.of("parent-1"), seen("kinesis.split-fn.shardId-000000000000"), "LATEST skipped the record put before the mapping");
    }
}
