package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.events.S3ObjectEvent;
import dev.cloudjar.services.s3.model.NotificationConfiguration;
import dev.cloudjar.testing.CloudJarExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/** What integration receives: one S3ObjectEvent per object change, and the bucket's notification configuration. */
@ExtendWith(CloudJarExtension.class)
class S3EventsIT {

    @Test
    void objectChangesArePublishedInOrder(CloudJar cloudJar, S3Client s3) {
        List<S3ObjectEvent> events = new CopyOnWriteArrayList<>();
        cloudJar.context().events().subscribe(S3ObjectEvent.class, events::add);
        s3.createBucket(b -> b.bucket("evented"));
        s3.putObject(b -> b.bucket("evented").key("red flower.jpg"), RequestBody.fromString("petals"));
        s3.copyObject(b -> b.sourceBucket("evented").sourceKey("red flower.jpg").destinationBucket("evented").destinationKey("copy.jpg"));
        String id = s3.createMultipartUpload(b -> b.bucket("evented").key("multi")).uploadId();
        String eTag = s3.uploadPart(b -> b.bucket("evented").key("multi").uploadId(id).partNumber(1), RequestBody.fromString("p")).eTag();
        s3.completeMultipartUpload(b -> b.bucket("evented").key("multi").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build())));
        s3.deleteObject(b -> b.bucket("evented").key("copy.jpg"));
        s3.deleteObjects(b -> b.bucket("evented").delete(d -> d.objects(ObjectIdentifier.builder().key("multi").build())));
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(10)));

        List<S3ObjectEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(S3ObjectEvent::sequencer));
        assertEquals(List.of("ObjectCreated:Put", "ObjectCreated:Copy", "ObjectCreated:CompleteMultipartUpload",
                "ObjectRemoved:Delete", "ObjectRemoved:Delete"), ordered.stream().map(S3ObjectEvent::eventName).toList());
        S3ObjectEvent put = ordered.get(0);
        assertEquals("evented", put.bucket());
        assertEquals("red flower.jpg", put.key());
        assertEquals(6L, put.size());
        assertEquals("f346ae24f5b5778ae3e2317a33cd8d9b", put.eTag());
        assertTrue(!put.eTag().contains("\""), "unquoted ETag");
        assertEquals("000000000000", put.scope().account());
        assertTrue(put.sequencer().matches("[0-9A-F]+"), put.sequencer());
        assertTrue(put.requestId() != null && put.sourceIp() != null && put.eventTime() != null);
        assertTrue(ordered.get(2).eTag().endsWith("-1"));
        assertNull(ordered.get(3).size(), "removals carry no size");
    }

    @Test
    void notificationConfigurationIsReadableForIntegration(CloudJar cloudJar, S3Client s3,
                                                           software.amazon.awssdk.services.sns.SnsClient sns) {
        sns.createTopic(b -> b.name("topic"));
        s3.createBucket(b -> b.bucket("configured"));
        s3.putBucketNotificationConfiguration(b -> b.bucket("configured").notificationConfiguration(n -> n
                .topicConfigurations(t -> t.id("t").topicArn("arn:aws:sns:us-east-1:000000000000:topic").events(Event.S3_OBJECT_CREATED_PUT))));
        S3Backend backend = cloudJar.backend(S3Backend.class);
        NotificationConfiguration configuration = backend.notificationConfiguration(
                new dev.cloudjar.core.Scope("000000000000", "us-east-1"), "configured");
        assertEquals("arn:aws:sns:us-east-1:000000000000:topic", configuration.topicConfigurations().get(0).arn());
        assertEquals(List.of("s3:ObjectCreated:Put"), configuration.topicConfigurations().get(0).events());
        assertNull(backend.notificationConfiguration(new dev.cloudjar.core.Scope("000000000000", "us-east-1"), "absent"));
    }
}
