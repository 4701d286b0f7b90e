package dev.cloudjar.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The inventory workshop end to end through SDK calls: a CSV in S3 -> LoadInventory -> Inventory ->
 * stream -> StockCheck -> one NoStock alert per zero-count row, to email, SMS and (for the test) a queue.
 */
@ExtendWith(CloudJarExtension.class)
class InventoryWorkshopIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void zeroCountRowsRaiseOneAlertEach(CloudJar cloudJar, URI endpoint, S3Client s3, DynamoDbClient dynamo,
                                         SnsClient sns, SqsClient sqs, LambdaClient lambda) throws Exception {
        String stream = Workshop.createTable(dynamo, "Inventory", "Store", "Item", StreamViewType.NEW_AND_OLD_IMAGES);
        String topicArn = sns.createTopic(b -> b.name("NoStock")).topicArn();
        String queueUrl = sqs.createQueue(b -> b.queueName("no-stock-watch")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn")).attributesAsStrings().get("QueueArn");
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn).attributes(java.util.Map.of("RawMessageDelivery", "true")));
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sms").endpoint("+15555550100"));
        sns.subscribe(b -> b.topicArn(topicArn).protocol("email").endpoint("manager@example.com"));
        BankWorkshopIT.confirmEmailSubscription(endpoint);

        String loader = Workshop.createFunction(lambda, "Load-Inventory", "dev.cloudjar.samples.inventory.LoadInventory::handleRequest");
        Workshop.createFunction(lambda, "Check-Stock", "dev.cloudjar.samples.inventory.StockCheck::handleRequest");
        lambda.createEventSourceMapping(b -> b.functionName("Check-Stock").eventSourceArn(stream)
                .startingPosition(EventSourcePosition.TRIM_HORIZON));
        s3.createBucket(b -> b.bucket("inventory-uploads"));
        s3.putBucketNotificationConfiguration(b -> b.bucket("inventory-uploads").notificationConfiguration(n -> n
                .lambdaFunctionConfigurations(l -> l.lambdaFunctionArn(loader).events(Event.S3_OBJECT_CREATED_PUT))));

        String csv = Workshop.sampleData("inventory-berlin.csv");
        Set<String> expected = new TreeSet<>();
        for (String line : csv.split("\r?\n")) {
            String[] row = line.split(",");
            if (row.length == 3 && row[2].trim().equals("0")) {
                expected.add(row[0].trim() + " is out of stock of " + row[1].trim());
            }
        }
        assertTrue(expected.size() >= 1, "the sample CSV has zero-count rows");
        s3.putObject(b -> b.bucket("inventory-uploads").key("inventory-berlin.csv"), RequestBody.fromString(csv));

        List<Message> alerts = Workshop.drain(sqs, queueUrl, Duration.ofSeconds(60), expected.size());
        List<String> bodies = new ArrayList<>();
        alerts.forEach(m -> bodies.add(m.body()));
        assertEquals(expected, new TreeSet<>(bodies));
        assertEquals(expected.size(), bodies.size(), "one alert per zero-count row: " + bodies);
        assertEquals(csv.split("\r?\n").length - 1, dynamo.scan(b -> b.tableName("Inventory")).count());
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(30)));

        JsonNode outbox = JSON.readTree(Workshop.get(endpoint.resolve("/_cloudjar/api/outbox")));
        int sms = 0;
        int email = 0;
        for (JsonNode message : outbox.get("messages")) {
            if (!expected.contains(message.path("body").asText().trim()) && !message.path("body").asText().contains("is out of stock of")) {
                continue;
            }
            if ("sms".equals(message.path("protocol").asText())) {
                sms++;
            } else if ("email".equals(message.path("protocol").asText())) {
                email++;
                assertEquals("Inventory Alert!", message.path("subject").asText());
            }
        }
        assertEquals(expected.size(), sms, "one SMS per alert: " + outbox);
        assertEquals(expected.size(), email, "one email per alert: " + outbox);
    }
}
