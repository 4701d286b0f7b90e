package dev.cloudjar.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** S3 bucket notifications reach queues and topics as AWS's event documents. */
@ExtendWith(CloudJarExtension.class)
class S3NotificationsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String queue(SqsClient sqs, String name) {
        return sqs.createQueue(b -> b.queueName(name)).queueUrl();
    }

    private static String arnOf(SqsClient sqs, String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("QueueArn")).attributesAsStrings().get("QueueArn");
    }

    @Test
    void queueGetsTestEventThenFilteredRecordsWithEncodedKeys(CloudJar cloudJar, S3Client s3, SqsClient sqs) throws Exception {
        String url = queue(sqs, "s3-events");
        s3.createBucket(b -> b.bucket("notify-queue"));
        s3.putBucketNotificationConfiguration(b -> b.bucket("notify-queue").notificationConfiguration(n -> n
                .queueConfigurations(q -> q.id("uploads").queueArn(arnOf(sqs, url))
                        .events(Event.S3_OBJECT_CREATED, Event.S3_OBJECT_REMOVED_DELETE)
                        .filter(f -> f.key(k -> k.filterRules(r -> r.name(FilterRuleName.PREFIX).value("in/"))))))) ;
        List<Message> test = Workshop.drain(sqs, url, Duration.ofSeconds(10), 1);
        assertEquals(1, test.size());
        JsonNode testEvent = JSON.readTree(test.get(0).body());
        assertEquals("s3:TestEvent", testEvent.get("Event").asText());
        assertEquals("notify-queue", testEvent.get("Bucket").asText());

        s3.putObject(b -> b.bucket("notify-queue").key("in/red flower@x.jpg"), RequestBody.fromString("123456789"));
        s3.putObject(b -> b.bucket("notify-queue").key("out/ignored.txt"), RequestBody.fromString("x"));
        s3.deleteObject(b -> b.bucket("notify-queue").key("in/red flower@x.jpg"));
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(10)));
        List<Message> messages = Workshop.drain(sqs, url, Duration.ofSeconds(10), 2);
        assertEquals(2, messages.size(), messages.toString());
        JsonNode put = JSON.readTree(messages.get(0).body()).get("Records").get(0);
        assertEquals("ObjectCreated:Put", put.get("eventName").asText());
        assertEquals("aws:s3", put.get("eventSource").asText());
        assertEquals("uploads", put.at("/s3/configurationId").asText());
        assertEquals("in/red+flower%40x.jpg", put.at("/s3/object/key").asText());
        assertEquals(9, put.at("/s3/object/size").asInt());
        assertEquals("25f9e794323b453885f5181f1b624d0b", put.at("/s3/object/eTag").asText());
        assertEquals("arn:aws:s3:::notify-queue", put.at("/s3/bucket/arn").asText());
        JsonNode removed = JSON.readTree(messages.get(1).body()).get("Records").get(0);
        assertEquals("ObjectRemoved:Delete", removed.get("eventName").asText());
        assertFalse(removed.at("/s3/object").has("size"));
        assertTrue(removed.at("/s3/object/sequencer").asText().compareTo(put.at("/s3/object/sequencer").asText()) > 0);
    }

    @Test
    void topicDeliveryCarriesTheS3Subject(CloudJar cloudJar, S3Client s3, SqsClient sqs, SnsClient sns) throws Exception {
        String url = queue(sqs, "s3-topic-watch");
        String topic = sns.createTopic(b -> b.name("s3-topic")).topicArn();
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(arnOf(sqs, url)));
        s3.createBucket(b -> b.bucket("notify-topic"));
        s3.putBucketNotificationConfiguration(b -> b.bucket("notify-topic").notificationConfiguration(n -> n
                .topicConfigurations(t -> t.topicArn(topic).events(Event.S3_OBJECT_CREATED_PUT))));
        s3.putObject(b -> b.bucket("notify-topic").key("a.txt"), RequestBody.fromString("a"));
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(10)));
        List<Message> messages = Workshop.drain(sqs, url, Duration.ofSeconds(10), 2);
        assertEquals(2, messages.size(), messages.toString());
        JsonNode envelope = JSON.readTree(messages.get(1).body());
        assertEquals("Amazon S3 Notification", envelope.get("Subject").asText());
        assertEquals("ObjectCreated:Put", JSON.readTree(envelope.get("Message").asText()).at("/Records/0/eventName").asText());
    }

    @Test
    void missingDestinationIsRejected(S3Client s3) {
        s3.createBucket(b -> b.bucket("notify-missing"));
        S3Exception e = assertThrows(S3Exception.class, () -> s3.putBucketNotificationConfiguration(b -> b.bucket("notify-missing")
                .notificationConfiguration(n -> n.queueConfigurations(q -> q.queueArn("arn:aws:sqs:us-east-1:000000000000:nope")
                        .events(Event.S3_OBJECT_CREATED)))));
        assertEquals(400, e.statusCode());
        assertEquals("InvalidArgument", e.awsErrorDetails().errorCode());
        assertEquals("Unable to validate the following destination configurations", e.awsErrorDetails().errorMessage());
    }
}
