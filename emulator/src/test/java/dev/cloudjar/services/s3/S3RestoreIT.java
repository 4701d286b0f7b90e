package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.events.S3ObjectEvent;
import dev.cloudjar.testing.CloudJarExtension;
import dev.cloudjar.testing.RawHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectStorageClass;
import software.amazon.awssdk.services.s3.model.OptionalObjectAttributes;
import software.amazon.awssdk.services.s3.model.RestoreObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tier;

/** RestoreObject of GLACIER / DEEP_ARCHIVE objects through the SDK v2, on CloudJar's clock. */
@ExtendWith(CloudJarExtension.class)
class S3RestoreIT {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private static S3Exception assertError(int status, String code, Executable call) {
        S3Exception e = assertThrows(S3Exception.class, call);
        assertEquals(status, e.statusCode(), e.getMessage());
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
        return e;
    }

    private static String put(S3Client s3, String bucket, String key, StorageClass storageClass) {
        return s3.putObject(b -> b.bucket(bucket).key(key).storageClass(storageClass), RequestBody.fromString("cold bytes")).versionId();
    }

    private static int restore(S3Client s3, String bucket, String key, int days, Tier tier) {
        RestoreObjectResponse response = s3.restoreObject(b -> b.bucket(bucket).key(key)
                .restoreRequest(r -> r.days(days).glacierJobParameters(g -> g.tier(tier))));
        return response.sdkHttpResponse().statusCode();
    }

    /** The midnight UTC at or after {@code from + days}, the expiry S3 gives a restored copy. */
    private static Instant midnightAfter(Instant from, int days) {
        Instant at = from.plus(Duration.ofDays(days));
        Instant midnight = at.truncatedTo(ChronoUnit.DAYS);
        return midnight.isBefore(at) ? midnight.plus(Duration.ofDays(1)) : midnight;
    }

    @Test
    void archivedObjectIsReadOnlyWhileARestoredCopyExists(S3Client s3, CloudJar cloudJar) {
        s3.createBucket(b -> b.bucket("restore-cold"));
        put(s3, "restore-cold", "archive.bin", StorageClass.GLACIER);
        HeadObjectResponse head = s3.headObject(b -> b.bucket("restore-cold").key("archive.bin"));
        assertEquals(StorageClass.GLACIER, head.storageClass());
        assertNull(head.restore());
        S3Exception refused = assertError(403, "InvalidObjectState", () -> s3.getObjectAsBytes(b -> b.bucket("restore-cold").key("archive.bin")));
        assertEquals("The operation is not valid for the object's storage class", refused.awsErrorDetails().errorMessage());
        S3Exception copy = assertError(403, "InvalidObjectState", () -> s3.copyObject(b -> b.sourceBucket("restore-cold")
                .sourceKey("archive.bin").destinationBucket("restore-cold").destinationKey("copy.bin")));
        assertEquals("Operation is not valid for the source object's storage class", copy.awsErrorDetails().errorMessage());
        String upload = s3.createMultipartUpload(b -> b.bucket("restore-cold").key("parts")).uploadId();
        assertError(403, "InvalidObjectState", () -> s3.uploadPartCopy(b -> b.sourceBucket("restore-cold").sourceKey("archive.bin")
                .destinationBucket("restore-cold").destinationKey("parts").uploadId(upload).partNumber(1)));
        assertEquals(StorageClass.GLACIER, s3.getObjectAttributes(b -> b.bucket("restore-cold").key("archive.bin")
                .objectAttributes(software.amazon.awssdk.services.s3.model.ObjectAttributes.STORAGE_CLASS)).storageClass(),
                "attributes are metadata: an archived object answers them");

        Instant requested = cloudJar.context().clock().instant();
        assertEquals(202, restore(s3, "restore-cold", "archive.bin", 2, Tier.STANDARD));
        assertEquals("ongoing-request=\"true\"", s3.headObject(b -> b.bucket("restore-cold").key("archive.bin")).restore());
        assertError(409, "RestoreAlreadyInProgress", () -> restore(s3, "restore-cold", "archive.bin", 2, Tier.STANDARD));
        assertError(403, "InvalidObjectState", () -> s3.getObjectAsBytes(b -> b.bucket("restore-cold").key("archive.bin")));
        S3Object listed = s3.listObjectsV2(b -> b.bucket("restore-cold").optionalObjectAttributes(OptionalObjectAttributes.RESTORE_STATUS))
                .contents().get(0);
        assertTrue(listed.restoreStatus().isRestoreInProgress());
        assertNull(listed.restoreStatus().restoreExpiryDate());
        assertEquals(ObjectStorageClass.GLACIER, listed.storageClass());
        assertNull(s3.listObjectsV2(b -> b.bucket("restore-cold")).contents().get(0).restoreStatus(), "only when asked");

        cloudJar.advanceClock(Duration.ofSeconds(4)); // a Standard restore takes 3 seconds on CloudJar's clock
        Instant expiry = midnightAfter(requested.plusSeconds(3), 2);
        assertEquals("ongoing-request=\"false\", expiry-date=\"" + HTTP_DATE.format(expiry) + "\"",
                s3.headObject(b -> b.bucket("restore-cold").key("archive.bin")).restore());
        byte[] body = s3.getObjectAsBytes(b -> b.bucket("restore-cold").key("archive.bin")).asByteArray();
        assertArrayEquals("cold bytes".getBytes(StandardCharsets.UTF_8), body);
        assertEquals("ongoing-request=\"false\", expiry-date=\"" + HTTP_DATE.format(expiry) + "\"",
                s3.getObject(b -> b.bucket("restore-cold").key("archive.bin")).response().restore());
        listed = s3.listObjects(b -> b.bucket("restore-cold").optionalObjectAttributes(OptionalObjectAttributes.RESTORE_STATUS))
                .contents().get(0);
        assertFalse(listed.restoreStatus().isRestoreInProgress());
        assertEquals(expiry, listed.restoreStatus().restoreExpiryDate());

        // a restored copy can be copied; the copy is a new object without the restore
        s3.copyObject(b -> b.sourceBucket("restore-cold").sourceKey("archive.bin").destinationBucket("restore-cold")
                .destinationKey("thawed.bin").storageClass(StorageClass.STANDARD));
        assertNull(s3.headObject(b -> b.bucket("restore-cold").key("thawed.bin")).restore());

        // asking again while restored is a 200 that sets the expiry from now
        Instant again = cloudJar.context().clock().instant();
        assertEquals(200, restore(s3, "restore-cold", "archive.bin", 10, Tier.BULK));
        Instant extended = midnightAfter(again, 10);
        assertEquals("ongoing-request=\"false\", expiry-date=\"" + HTTP_DATE.format(extended) + "\"",
                s3.headObject(b -> b.bucket("restore-cold").key("archive.bin")).restore());

        // once the copy expires the object is archived again
        cloudJar.advanceClock(Duration.ofDays(11));
        assertNull(s3.headObject(b -> b.bucket("restore-cold").key("archive.bin")).restore());
        assertError(403, "InvalidObjectState", () -> s3.getObjectAsBytes(b -> b.bucket("restore-cold").key("archive.bin")));
        assertEquals(202, restore(s3, "restore-cold", "archive.bin", 1, Tier.EXPEDITED));
    }

    @Test
    void onlyArchivedStorageClassesAreRestored(S3Client s3) {
        s3.createBucket(b -> b.bucket("restore-warm"));
        put(s3, "restore-warm", "standard.txt", StorageClass.STANDARD);
        put(s3, "restore-warm", "instant.txt", StorageClass.GLACIER_IR);
        S3Exception e = assertError(403, "InvalidObjectState", () -> restore(s3, "restore-warm", "standard.txt", 1, Tier.STANDARD));
        assertEquals("Restore is not allowed for the object's current storage class", e.awsErrorDetails().errorMessage());
        assertError(403, "InvalidObjectState", () -> restore(s3, "restore-warm", "instant.txt", 1, Tier.STANDARD));
        // GLACIER_IR is not archived: its bytes are there
        assertEquals("cold bytes", s3.getObjectAsBytes(b -> b.bucket("restore-warm").key("instant.txt")).asUtf8String());
        assertNull(s3.headObject(b -> b.bucket("restore-warm").key("instant.txt")).restore());
        assertError(404, "NoSuchKey", () -> restore(s3, "restore-warm", "missing", 1, Tier.STANDARD));
        assertError(404, "NoSuchBucket", () -> restore(s3, "restore-no-such-bucket", "k", 1, Tier.STANDARD));
    }

    @Test
    void restoreRequestIsValidatedAsS3Does(S3Client s3, URI endpoint) throws Exception {
        s3.createBucket(b -> b.bucket("restore-rules"));
        put(s3, "restore-rules", "deep", StorageClass.DEEP_ARCHIVE);
        assertError(400, "MalformedXML", () -> s3.restoreObject(b -> b.bucket("restore-rules").key("deep")
                .restoreRequest(r -> r.glacierJobParameters(g -> g.tier(Tier.STANDARD)))));
        assertError(400, "MalformedXML", () -> restore(s3, "restore-rules", "deep", 0, Tier.STANDARD));
        assertError(400, "MalformedXML", () -> s3.restoreObject(b -> b.bucket("restore-rules").key("deep")
                .restoreRequest(r -> r.days(1).glacierJobParameters(g -> g.tier("Fast")))));
        RawHttp raw = new RawHttp(endpoint);
        for (String body : List.of("", "<Restore><Days>1</Days></Restore>", "<RestoreRequest><Days>one</Days></RestoreRequest>",
                "<RestoreRequest><Days>1</Days><GlacierJobParameters/></RestoreRequest>", "<RestoreRequest><Days>1</Days>")) {
            RawHttp.Response answer = raw.send("POST", "/restore-rules/deep?restore", body.getBytes(StandardCharsets.UTF_8));
            assertEquals(400, answer.status(), body);
            assertTrue(answer.body().contains("<Code>MalformedXML</Code>"), answer.body());
        }
        assertNull(s3.headObject(b -> b.bucket("restore-rules").key("deep")).restore(), "a refused request starts nothing");
        // without GlacierJobParameters the tier is Standard
        assertEquals(202, s3.restoreObject(b -> b.bucket("restore-rules").key("deep").restoreRequest(r -> r.days(1)))
                .sdkHttpResponse().statusCode());
    }

    @Test
    void versionsAreRestoredOneByOne(S3Client s3, CloudJar cloudJar) {
        s3.createBucket(b -> b.bucket("restore-versions"));
        s3.putBucketVersioning(b -> b.bucket("restore-versions").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        String old = put(s3, "restore-versions", "doc", StorageClass.DEEP_ARCHIVE);
        put(s3, "restore-versions", "doc", StorageClass.DEEP_ARCHIVE);
        assertEquals(202, s3.restoreObject(b -> b.bucket("restore-versions").key("doc").versionId(old)
                .restoreRequest(r -> r.days(1).glacierJobParameters(g -> g.tier(Tier.BULK)))).sdkHttpResponse().statusCode());
        assertEquals("ongoing-request=\"true\"", s3.headObject(b -> b.bucket("restore-versions").key("doc").versionId(old)).restore());
        assertNull(s3.headObject(b -> b.bucket("restore-versions").key("doc")).restore());
        cloudJar.advanceClock(Duration.ofSeconds(6));
        assertEquals("cold bytes", s3.getObjectAsBytes(b -> b.bucket("restore-versions").key("doc").versionId(old)).asUtf8String());
        assertError(403, "InvalidObjectState", () -> s3.getObjectAsBytes(b -> b.bucket("restore-versions").key("doc")));
        var version = s3.listObjectVersions(b -> b.bucket("restore-versions").optionalObjectAttributes(OptionalObjectAttributes.RESTORE_STATUS))
                .versions().stream().filter(v -> v.versionId().equals(old)).findFirst().orElseThrow();
        assertFalse(version.restoreStatus().isRestoreInProgress());
        String marker = s3.deleteObject(b -> b.bucket("restore-versions").key("doc")).versionId();
        assertError(404, "NoSuchKey", () -> restore(s3, "restore-versions", "doc", 1, Tier.STANDARD));
        assertError(405, "MethodNotAllowed", () -> s3.restoreObject(b -> b.bucket("restore-versions").key("doc").versionId(marker)
                .restoreRequest(r -> r.days(1))));
    }

    @Test
    void restoresAreAnnouncedWhenRequestedAndWhenCompleted(S3Client s3, CloudJar cloudJar) {
        List<S3ObjectEvent> events = new CopyOnWriteArrayList<>();
        cloudJar.context().events().subscribe(S3ObjectEvent.class, events::add);
        s3.createBucket(b -> b.bucket("restore-events"));
        put(s3, "restore-events", "frozen", StorageClass.GLACIER);
        restore(s3, "restore-events", "frozen", 1, Tier.EXPEDITED);
        cloudJar.backend(S3Backend.class).completeRestoresNow();
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(10)));
        assertEquals(List.of("ObjectCreated:Put", "ObjectRestore:Post"), names(events, "restore-events"));
        cloudJar.advanceClock(Duration.ofSeconds(2));
        cloudJar.backend(S3Backend.class).completeRestoresNow();
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(10)));
        assertEquals(List.of("ObjectCreated:Put", "ObjectRestore:Post", "ObjectRestore:Completed"), names(events, "restore-events"));
        S3ObjectEvent completed = events.stream().filter(e -> e.bucket().equals("restore-events") && e.eventName().equals("ObjectRestore:Completed")).findFirst().orElseThrow();
        assertEquals("frozen", completed.key());
        assertEquals(10L, completed.size());
    }

    private static List<String> names(List<S3ObjectEvent> events, String bucket) {
        return events.stream().filter(e -> e.bucket().equals(bucket)).sorted(java.util.Comparator.comparing(S3ObjectEvent::sequencer))
                .map(S3ObjectEvent::eventName).toList();
    }
}
