package dev.cloudjar.integration;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The bank workshop's pipeline (as BankWorkshopIT sets it up), run once and left in place for the
 * console tests to look at: the alert stays in both queues, unreceived.
 */
final class BankPipeline {
    static final String BUCKET = "bank-transactions";
    static final List<String> QUEUES = List.of("CustomerNotify", "CreditCollection");

    private BankPipeline() {
    }

    /** Sets the pipeline up, uploads transactions.txt and waits until both queues hold the alert. */
    static void run(CloudJar cloudJar, URI endpoint, S3Client s3, DynamoDbClient dynamo, SnsClient sns, SqsClient sqs,
                    LambdaClient lambda) throws Exception {
        Workshop.createTable(dynamo, "Customer", "CustomerId", null, null);
        String stream = Workshop.createTable(dynamo, "Transactions", "CustomerId", "TransactionId", StreamViewType.NEW_IMAGE);
        Workshop.createTable(dynamo, "TransactionTotal", "CustomerId", null, null);
        String topicArn = sns.createTopic(b -> b.name("HighBalanceAlert")).topicArn();
        for (String name : QUEUES) {
            String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
            String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(arn));
        }
        sns.subscribe(b -> b.topicArn(topicArn).protocol("email").endpoint("credit@example.com"));
        BankWorkshopIT.confirmEmailSubscription(endpoint);
        String processor = Workshop.createFunction(lambda, "TransactionProcessor", "dev.cloudjar.samples.bank.TransactionProcessor::handleRequest");
        Workshop.createFunction(lambda, "TotalNotifier", "dev.cloudjar.samples.bank.TotalNotifier::handleRequest");
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("TransactionProcessor"));
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("TotalNotifier"));
        lambda.addPermission(b -> b.functionName("TransactionProcessor").statementId("s3").action("lambda:InvokeFunction")
                .principal("s3.amazonaws.com").sourceArn("arn:aws:s3:::" + BUCKET));
        lambda.createEventSourceMapping(b -> b.functionName("TotalNotifier").eventSourceArn(stream)
                .startingPosition(EventSourcePosition.TRIM_HORIZON).batchSize(100));
        s3.createBucket(b -> b.bucket(BUCKET));
        s3.putBucketNotificationConfiguration(b -> b.bucket(BUCKET).notificationConfiguration(n -> n
                .lambdaFunctionConfigurations(l -> l.lambdaFunctionArn(processor).events(Event.S3_OBJECT_CREATED))));
        s3.putObject(b -> b.bucket(BUCKET).key("transactions.txt"), RequestBody.fromString(Workshop.sampleData("bank-transactions.txt")));
        for (String name : QUEUES) {
            String url = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
            assertNotNull(Workshop.eventually(Duration.ofSeconds(60), () -> "0".equals(sqs.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)) ? null : Boolean.TRUE), "the alert reached " + name);
        }
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(30)));
    }
}
