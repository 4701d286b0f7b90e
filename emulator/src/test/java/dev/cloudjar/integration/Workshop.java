package dev.cloudjar.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Set-up steps both workshop pipelines share, done with SDK calls as an attendee would on AWS. */
final class Workshop {
    static final Path SAMPLE_JAR = Path.of("../sample-functions/target/sample-functions.jar");
    static final String ROLE = "arn:aws:iam::000000000000:role/lambda-workshop";

    private Workshop() {
    }

    static SdkBytes sampleJar() {
        try {
            assertTrue(Files.exists(SAMPLE_JAR), "build sample-functions first: " + SAMPLE_JAR.toAbsolutePath());
            return SdkBytes.fromByteArray(Files.readAllBytes(SAMPLE_JAR));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sampleData(String name) {
        try (var in = Workshop.class.getClassLoader().getResourceAsStream("samples/" + name)) {
            if (in != null) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of("../sample-functions/src/main/resources/samples/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String createFunction(LambdaClient lambda, String name, String handler) {
        return lambda.createFunction(b -> b.functionName(name).runtime(Runtime.JAVA17).role(ROLE).handler(handler)
                .timeout(20).memorySize(512).code(c -> c.zipFile(sampleJar()))).functionArn();
    }

    /** A table with a string hash key (and optional string range key), optionally streaming. */
    static String createTable(DynamoDbClient dynamo, String name, String hash, String range, StreamViewType stream) {
        List<KeySchemaElement> keys = new ArrayList<>();
        List<AttributeDefinition> attributes = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build());
        attributes.add(AttributeDefinition.builder().attributeName(hash).attributeType(ScalarAttributeType.S).build());
        if (range != null) {
            keys.add(KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
            attributes.add(AttributeDefinition.builder().attributeName(range).attributeType(ScalarAttributeType.S).build());
        }
        return dynamo.createTable(b -> {
            b.tableName(name).keySchema(keys).attributeDefinitions(attributes).billingMode(BillingMode.PAY_PER_REQUEST);
            if (stream != null) {
                b.streamSpecification(s -> s.streamEnabled(true).streamViewType(stream));
            }
        }).tableDescription().latestStreamArn();
    }

    /** Receives every message that arrives within the window (long polls, deleting what it got). */
    static List<Message> drain(SqsClient sqs, String queueUrl, Duration window, int expectAtLeast) {
        List<Message> all = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            for (Message m : batch) {
                all.add(m);
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
            if (batch.isEmpty() && all.size() >= expectAtLeast) {
                break;
            }
        }
        return all;
    }

    /**
     * How many SMS and emails (subject {@code subject}) of the outbox carry one of the expected alerts
     * as their first line: {@code {sms, email}}.
     */
    static int[] alertCounts(com.fasterxml.jackson.databind.JsonNode outbox, java.util.Set<String> expected, String subject) {
        int sms = 0;
        int email = 0;
        for (com.fasterxml.jackson.databind.JsonNode message : outbox.get("messages")) {
            if (!expected.contains(message.path("body").asText().split("\n", 2)[0].trim())) {
                continue;
            }
            if ("sms".equals(message.path("protocol").asText())) {
                sms++;
            } else if ("email".equals(message.path("protocol").asText()) && subject.equals(message.path("subject").asText())) {
                email++;
            }
        }
        return new int[] {sms, email};
    }

    static <T> T eventually(Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (value == null && System.nanoTime() < deadline) {
            sleep(50);
            value = probe.get();
        }
        return value;
    }

    static String get(URI uri) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
