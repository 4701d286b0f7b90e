package dev.cloudjar.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** In a versioned bucket, S3 event records carry the version id, and a delete makes ObjectRemoved:DeleteMarkerCreated. */
@ExtendWith(CloudJarExtension.class)
class S3VersionedNotificationsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void recordsCarryVersionIds(CloudJar cloudJar, S3Client s3, SqsClient sqs) throws Exception {
        String url = S3QueueNotifications.versionedBucketNotifying(s3, sqs, "s3-versioned-events", "notify-versions",
                Event.S3_OBJECT_CREATED.toString(), Event.S3_OBJECT_REMOVED.toString());

        String version = s3.putObject(b -> b.bucket("notify-versions").key("doc"), RequestBody.fromString("v1")).versionId();
        String marker = s3.deleteObject(b -> b.bucket("notify-versions").key("doc")).versionId();
        s3.deleteObject(b -> b.bucket("notify-versions").key("doc").versionId(version));
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(10)));
        List<Message> messages = Workshop.drain(sqs, url, Duration.ofSeconds(10), 3);
        assertEquals(3, messages.size(), messages.toString());
        List<String> seen = new ArrayList<>();
        for (Message m : messages) {
            JsonNode record = JSON.readTree(m.body()).get("Records").get(0);
            seen.add(record.get("eventName").asText() + "@" + record.at("/s3/object/versionId").asText());
        }
        seen.sort(null);
        List<String> expected = new ArrayList<>(List.of("ObjectCreated:Put@" + version, "ObjectRemoved:DeleteMarkerCreated@" + marker,
                "ObjectRemoved:Delete@" + version));
        expected.sort(null);
        assertEquals(expected, seen);
    }
}
