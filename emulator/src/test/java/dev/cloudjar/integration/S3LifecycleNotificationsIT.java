package dev.cloudjar.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.testing.CloudJarExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Lifecycle expiration is announced as S3 announces it: LifecycleExpiration events, not ObjectRemoved ones. */
@ExtendWith(CloudJarExtension.class)
class S3LifecycleNotificationsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void expirationsReachQueuesAsLifecycleExpirationEvents(CloudJar cloudJar, S3Client s3, SqsClient sqs) throws Exception {
        String url = S3QueueNotifications.versionedBucketNotifying(s3, sqs, "lifecycle-events", "lifecycle-notify",
                "s3:LifecycleExpiration:*");
        s3.putBucketLifecycleConfiguration(b -> b.bucket("lifecycle-notify").lifecycleConfiguration(c -> c.rules(r -> r.id("all")
                .status(ExpirationStatus.ENABLED).filter(f -> f.prefix("")).expiration(e -> e.days(1))
                .noncurrentVersionExpiration(x -> x.noncurrentDays(1)))));
        s3.putObject(b -> b.bucket("lifecycle-notify").key("doc"), RequestBody.fromString("one"));
        s3.putObject(b -> b.bucket("lifecycle-notify").key("doc"), RequestBody.fromString("two"));
        // a user's delete is not a lifecycle event; the version it left noncurrent expires later
        s3.putObject(b -> b.bucket("lifecycle-notify").key("other"), RequestBody.fromString("x"));
        s3.deleteObject(b -> b.bucket("lifecycle-notify").key("other"));

        cloudJar.advanceClock(Duration.ofDays(2));
        cloudJar.backend(S3Backend.class).applyLifecycleNow();
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(10)));
        List<Message> messages = Workshop.drain(sqs, url, Duration.ofSeconds(10), 3);
        List<String> names = messages.stream().map(m -> {
            try {
                JsonNode record = JSON.readTree(m.body()).get("Records").get(0);
                return record.get("eventName").asText() + " " + record.at("/s3/object/key").asText();
            } catch (Exception e) {
                throw new AssertionError(m.body(), e);
            }
        }).sorted().toList();
        assertEquals(List.of("LifecycleExpiration:Delete doc", "LifecycleExpiration:Delete other",
                "LifecycleExpiration:DeleteMarkerCreated doc"), names);
    }
}
