package dev.cloudjar.services.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * Tumbling windows on Kinesis and DynamoDB stream mappings: batches of one window carry the state the
 * previous invocation returned, and a final invocation gets the window's state once it has ended on
 * CloudJar's clock; the handlers bind KinesisTimeWindowEvent and DynamodbTimeWindowEvent.
 */
@ExtendWith(CloudJarExtension.class)
class TumblingWindowsIT {

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not reached in time: " + what);
            Thread.sleep(20);
        }
    }

    /** Each invocation: records|state count|final|terminated early|window start|window end|shardId|eventSourceARN. */
    private static List<String[]> invocations(String function) {
        String value = System.getProperty("window." + function, "");
        return value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).map(e -> e.split("\\|")).toList();
    }

    private static int recordsSeen(String function) {
        return invocations(function).stream().mapToInt(i -> Integer.parseInt(i[0])).sum();
    }

    /** Moves CloudJar's clock just past the next multiple of {@code seconds}, so what follows shares one window. */
    private static long startOfNextWindow(CloudJar cloudJar, int seconds) {
        Instant now = cloudJar.context().clock().instant();
        long next = (now.getEpochSecond() / seconds + 1) * seconds;
        cloudJar.advanceClock(Duration.between(now, Instant.ofEpochSecond(next)).plusMillis(10));
        return next;
    }

    /** The non-final invocations carry the running count in order; then the final one has the window's total. */
    private static void assertWindow(List<String[]> calls, int total, long start, int seconds, String shardId, String source) {
        int running = 0;
        for (String[] call : calls.subList(0, calls.size() - 1)) {
            assertEquals(Integer.toString(running), call[1], "the state of the previous invocation");
            assertEquals("false", call[2]);
            running += Integer.parseInt(call[0]);
        }
        assertEquals(total, running);
        String[] last = calls.get(calls.size() - 1);
        assertEquals(List.of("0", Integer.toString(total), "true", "false"), List.of(last).subList(0, 4), "the final invocation");
        for (String[] call : calls) {
            assertEquals(Instant.ofEpochSecond(start).toString(), call[4]);
            assertEquals(Instant.ofEpochSecond(start + seconds).toString(), call[5]);
            assertTrue(shardId == null ? call[6].startsWith("shardId-") : call[6].equals(shardId), call[6]);
            assertEquals(source, call[7]);
        }
    }

    @Test
    void kinesisWindowCarriesStateToTheFinalInvoke(LambdaClient lambda, KinesisClient kinesis, CloudJar cloudJar) throws Exception {
        kinesis.createStream(b -> b.streamName("window-clicks").shardCount(1));
        String arn = kinesis.describeStreamSummary(b -> b.streamName("window-clicks")).streamDescriptionSummary().streamARN();
        LambdaFunctionsIT.create(lambda, "window-kinesis", LambdaFunctionsIT.FIXTURES + "WindowTotals::kinesis", 10, Map.of());
        LambdaException tooLong = assertThrows(LambdaException.class, () -> lambda.createEventSourceMapping(b -> b
                .functionName("window-kinesis").eventSourceArn(arn).startingPosition(EventSourcePosition.TRIM_HORIZON)
                .tumblingWindowInSeconds(901)));
        assertEquals("1 validation error detected: Value '901' at 'tumblingWindowInSeconds' failed to satisfy constraint: "
                + "Member must have value less than or equal to 900", tooLong.awsErrorDetails().errorMessage());
        lambda.createEventSourceMapping(b -> b.functionName("window-kinesis").eventSourceArn(arn).batchSize(2)
                .startingPosition(EventSourcePosition.TRIM_HORIZON).tumblingWindowInSeconds(60));

        long start = startOfNextWindow(cloudJar, 60);
        for (int i = 0; i < 5; i++) {
            int n = i;
            kinesis.putRecord(b -> b.streamName("window-clicks").partitionKey("user").data(SdkBytes.fromString("c" + n, StandardCharsets.UTF_8)));
        }
        await(() -> recordsSeen("window-kinesis") == 5, "five records in one window");
        Thread.sleep(300);
        assertTrue(invocations("window-kinesis").stream().noneMatch(c -> c[2].equals("true")), "no final invoke before the window ends");

        cloudJar.advanceClock(Duration.ofSeconds(60));
        await(() -> invocations("window-kinesis").stream().anyMatch(c -> c[2].equals("true")), "the final invoke");
        List<String[]> calls = invocations("window-kinesis");
        assertTrue(calls.size() >= 4, "batches of at most two, then the final invoke: " + calls.size());
        assertWindow(calls, 5, start, 60, "shardId-000000000000", arn);

        // the next window starts from an empty state
        kinesis.putRecord(b -> b.streamName("window-clicks").partitionKey("user").data(SdkBytes.fromString("c5", StandardCharsets.UTF_8)));
        await(() -> invocations("window-kinesis").size() == calls.size() + 1, "a record of the next window");
        String[] next = invocations("window-kinesis").get(calls.size());
        assertEquals(List.of("1", "0", "false"), List.of(next).subList(0, 3));
        assertEquals(Instant.ofEpochSecond(start + 60).toString(), next[4]);
    }

    @Test
    void dynamoDbStreamWindowBindsDynamodbTimeWindowEvent(LambdaClient lambda, DynamoDbClient ddb, CloudJar cloudJar) throws Exception {
        ddb.createTable(b -> b.tableName("window-carts").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        String streamArn = ddb.describeTable(b -> b.tableName("window-carts")).table().latestStreamArn();
        LambdaFunctionsIT.create(lambda, "window-ddb", LambdaFunctionsIT.FIXTURES + "WindowTotals::dynamodb", 10, Map.of());
        lambda.createEventSourceMapping(b -> b.functionName("window-ddb").eventSourceArn(streamArn).batchSize(10)
                .startingPosition(EventSourcePosition.TRIM_HORIZON).tumblingWindowInSeconds(120));

        long start = startOfNextWindow(cloudJar, 120);
        for (String id : List.of("a", "b", "c")) {
            ddb.putItem(b -> b.tableName("window-carts").item(Map.of("id", AttributeValue.fromS(id))));
        }
        await(() -> recordsSeen("window-ddb") == 3, "three records in one window");
        cloudJar.advanceClock(Duration.ofSeconds(120));
        await(() -> invocations("window-ddb").stream().anyMatch(c -> c[2].equals("true")), "the final invoke");
        assertWindow(invocations("window-ddb"), 3, start, 120, null, streamArn);
    }
}
