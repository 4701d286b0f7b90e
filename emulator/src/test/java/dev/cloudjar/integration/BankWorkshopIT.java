package dev.cloudjar.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The bank workshop end to end, set up and driven through SDK calls only: transactions.txt in S3 ->
 * TransactionProcessor -> Customer and Transactions -> stream -> TotalNotifier -> TransactionTotal and,
 * at a balance of 1500 or more, HighBalanceAlert -> CustomerNotify, CreditCollection and an email.
 */
@ExtendWith(CloudJarExtension.class)
class BankWorkshopIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALERT_SUBJECT = "Warning! Account balance is very high";

    @Test
    void transactionsFileRaisesExactlyOneHighBalanceAlert(CloudJar cloudJar, URI endpoint, S3Client s3, DynamoDbClient dynamo,
                                                         SnsClient sns, SqsClient sqs, LambdaClient lambda) throws Exception {
        Workshop.createTable(dynamo, "Customer", "CustomerId", null, null);
        String stream = Workshop.createTable(dynamo, "Transactions", "CustomerId", "TransactionId", StreamViewType.NEW_IMAGE);
        Workshop.createTable(dynamo, "TransactionTotal", "CustomerId", null, null);
        assertNotNull(stream, "Transactions has a stream");

        String topicArn = sns.createTopic(b -> b.name("HighBalanceAlert")).topicArn();
        List<String> queueUrls = new ArrayList<>();
        for (String name : List.of("CustomerNotify", "CreditCollection")) {
            String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
            String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(arn));
            queueUrls.add(url);
        }
        sns.subscribe(b -> b.topicArn(topicArn).protocol("email").endpoint("credit@example.com"));
        confirmEmailSubscription(endpoint);

        String processor = Workshop.createFunction(lambda, "TransactionProcessor", "dev.cloudjar.samples.bank.TransactionProcessor::handleRequest");
        Workshop.createFunction(lambda, "TotalNotifier", "dev.cloudjar.samples.bank.TotalNotifier::handleRequest");
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("TransactionProcessor"));
        assertEquals(State.ACTIVE, lambda.getFunction(b -> b.functionName("TotalNotifier")).configuration().state());
        lambda.addPermission(b -> b.functionName("TransactionProcessor").statementId("s3").action("lambda:InvokeFunction")
                .principal("s3.amazonaws.com").sourceArn("arn:aws:s3:::bank-transactions"));
        lambda.createEventSourceMapping(b -> b.functionName("TotalNotifier").eventSourceArn(stream)
                .startingPosition(EventSourcePosition.TRIM_HORIZON).batchSize(100));

        s3.createBucket(b -> b.bucket("bank-transactions"));
        s3.putBucketNotificationConfiguration(b -> b.bucket("bank-transactions").notificationConfiguration(n -> n
                .lambdaFunctionConfigurations(l -> l.lambdaFunctionArn(processor).events(Event.S3_OBJECT_CREATED))));
        s3.putObject(b -> b.bucket("bank-transactions").key("transactions.txt"), RequestBody.fromString(Workshop.sampleData("bank-transactions.txt")));

        for (String url : queueUrls) {
            List<Message> alerts = Workshop.drain(sqs, url, Duration.ofSeconds(60), 1);
            assertEquals(1, alerts.size(), "exactly one alert in " + url + ": " + alerts);
            JsonNode envelope = JSON.readTree(alerts.get(0).body());
            assertEquals("Notification", envelope.get("Type").asText());
            assertEquals(ALERT_SUBJECT, envelope.get("Subject").asText());
            JsonNode alert = JSON.readTree(envelope.get("Message").asText());
            assertEquals("C2", alert.get("customerID").asText());
            assertEquals("1750", alert.get("accountBalance").asText());
        }
        assertEquals("598", balance(dynamo, "C1"));
        assertEquals("1750", balance(dynamo, "C2"));
        assertEquals(24, dynamo.scan(b -> b.tableName("Transactions")).count());
        assertEquals(2, dynamo.scan(b -> b.tableName("Customer")).count());
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(30)));

        JsonNode outbox = JSON.readTree(Workshop.get(endpoint.resolve("/_cloudjar/api/outbox")));
        int alertEmails = 0;
        for (JsonNode message : outbox.get("messages")) {
            if (ALERT_SUBJECT.equals(message.path("subject").asText()) && "credit@example.com".equals(message.path("recipient").asText())) {
                alertEmails++;
                assertTrue(message.get("body").asText().contains("\"accountBalance\": \"1750\""), message.toString());
            }
        }
        assertEquals(1, alertEmails, "one alert email in the outbox: " + outbox);
    }

    private static String balance(DynamoDbClient dynamo, String customer) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName("TransactionTotal")
                .key(Map.of("CustomerId", AttributeValue.fromS(customer)))).item();
        return item.get("accountBalance").n();
    }

    /** Email subscriptions wait for confirmation: follow the SubscribeURL of the confirmation mail. */
    static void confirmEmailSubscription(URI endpoint) throws Exception {
        JsonNode outbox = JSON.readTree(Workshop.get(endpoint.resolve("/_cloudjar/api/outbox")));
        Pattern url = Pattern.compile("(http://[^\\s\"]*Action=ConfirmSubscription[^\\s\"]*)");
        for (JsonNode message : outbox.get("messages")) {
            Matcher m = url.matcher(message.path("body").asText());
            if (m.find()) {
                String confirmation = Workshop.get(URI.create(m.group(1)));
                assertTrue(confirmation.contains("ConfirmSubscriptionResult"), confirmation);
                return;
            }
        }
        throw new AssertionError("no confirmation mail in the outbox: " + outbox);
    }
}
