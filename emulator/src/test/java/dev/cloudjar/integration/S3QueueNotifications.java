package dev.cloudjar.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Test set-up shared by the S3-to-SQS notification tests. */
final class S3QueueNotifications {
    private S3QueueNotifications() {
    }

    /**
     * Creates a queue and a versioned bucket that sends {@code events} to it, drains the s3:TestEvent,
     * and returns the queue's URL.
     */
    static String versionedBucketNotifying(S3Client s3, SqsClient sqs, String queue, String bucket, String... events) {
        String url = sqs.createQueue(b -> b.queueName(queue)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("QueueArn")).attributesAsStrings().get("QueueArn");
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .queueConfigurations(q -> q.queueArn(arn).eventsWithStrings(events))));
        assertEquals(1, Workshop.drain(sqs, url, Duration.ofSeconds(10), 1).size(), "the s3:TestEvent");
        return url;
    }
}
