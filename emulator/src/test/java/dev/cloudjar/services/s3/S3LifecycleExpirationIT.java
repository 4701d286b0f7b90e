package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/** Lifecycle expiration applied on CloudJar's clock, through the SDK v2 client. */
@ExtendWith(CloudJarExtension.class)
class S3LifecycleExpirationIT {

    private static void rules(S3Client s3, String bucket, LifecycleRule... rules) {
        s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(rules)));
    }

    private static void put(S3Client s3, String bucket, String key) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("bytes of " + key));
    }

    private static boolean exists(S3Client s3, String bucket, String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static List<ObjectVersion> versions(S3Client s3, String bucket) {
        return s3.listObjectVersions(b -> b.bucket(bucket)).versions();
    }

    @Test
    void expiredObjectsGoOnceTheClockPassesTheirDay(S3Client s3, CloudJar cloudJar) throws InterruptedException {
        s3.createBucket(b -> b.bucket("lc-plain"));
        rules(s3, "lc-plain", LifecycleRule.builder().id("logs").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("logs/"))
                        .expiration(e -> e.days(1)).build(),
                LifecycleRule.builder().id("tmp").status(ExpirationStatus.ENABLED).filter(f -> f.tag(t -> t.key("env").value("tmp")))
                        .expiration(e -> e.days(3)).build(),
                LifecycleRule.builder().id("off").status(ExpirationStatus.DISABLED).filter(f -> f.prefix("keep/"))
                        .expiration(e -> e.days(1)).build());
        put(s3, "lc-plain", "logs/a");
        put(s3, "lc-plain", "keep/b");
        s3.putObject(b -> b.bucket("lc-plain").key("scratch").tagging("env=tmp"),
                RequestBody.fromString("x"));
        put(s3, "lc-plain", "scratch-untagged");
        String upload = s3.createMultipartUpload(b -> b.bucket("lc-plain").key("logs/big")).uploadId();
        // not yet: a day has not passed
        Thread.sleep(1500);
        assertTrue(exists(s3, "lc-plain", "logs/a"));

        cloudJar.advanceClock(Duration.ofDays(2));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (exists(s3, "lc-plain", "logs/a") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(!exists(s3, "lc-plain", "logs/a"), "logs/a should have expired");
        assertTrue(exists(s3, "lc-plain", "keep/b"), "a Disabled rule expires nothing");
        assertTrue(exists(s3, "lc-plain", "scratch"), "the tag rule's 3 days have not passed");
        assertEquals(1, s3.listMultipartUploads(b -> b.bucket("lc-plain")).uploads().size(), "no abort rule: the upload stays");
        s3.abortMultipartUpload(b -> b.bucket("lc-plain").key("logs/big").uploadId(upload));

        cloudJar.advanceClock(Duration.ofDays(2));
        cloudJar.backend(S3Backend.class).applyLifecycleNow();
        assertTrue(!exists(s3, "lc-plain", "scratch"), "tagged env=tmp: expired after 3 days");
        assertTrue(exists(s3, "lc-plain", "scratch-untagged"));
    }

    @Test
    void versionedBucketsGetMarkersAndLoseNoncurrentVersions(S3Client s3, CloudJar cloudJar) {
        s3.createBucket(b -> b.bucket("lc-versions"));
        s3.putBucketVersioning(b -> b.bucket("lc-versions").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        rules(s3, "lc-versions", LifecycleRule.builder().id("docs").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("doc"))
                        .expiration(e -> e.days(1)).noncurrentVersionExpiration(n -> n.noncurrentDays(1)).build(),
                LifecycleRule.builder().id("markers").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("gone"))
                        .expiration(e -> e.expiredObjectDeleteMarker(true)).build(),
                LifecycleRule.builder().id("keep-two").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("many"))
                        .noncurrentVersionExpiration(n -> n.noncurrentDays(1).newerNoncurrentVersions(2)).build(),
                LifecycleRule.builder().id("uploads").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                        .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(1)).build());
        put(s3, "lc-versions", "doc");
        put(s3, "lc-versions", "doc");
        put(s3, "lc-versions", "gone");
        s3.deleteObject(b -> b.bucket("lc-versions").key("gone"));
        String goneVersion = versions(s3, "lc-versions").stream().filter(v -> v.key().equals("gone")).findFirst().orElseThrow().versionId();
        s3.deleteObject(b -> b.bucket("lc-versions").key("gone").versionId(goneVersion));
        for (int i = 0; i < 5; i++) {
            put(s3, "lc-versions", "many");
        }
        s3.createMultipartUpload(b -> b.bucket("lc-versions").key("big"));

        cloudJar.advanceClock(Duration.ofDays(2));
        cloudJar.backend(S3Backend.class).applyLifecycleNow();
        // doc: the current version became noncurrent behind a marker; the older one (noncurrent for 2 days) went
        List<ObjectVersion> docs = versions(s3, "lc-versions").stream().filter(v -> v.key().equals("doc")).toList();
        assertEquals(1, docs.size(), docs.toString());
        assertEquals(1, s3.listObjectVersions(b -> b.bucket("lc-versions").prefix("doc")).deleteMarkers().size());
        assertThrows(NoSuchKeyException.class, () -> s3.getObject(b -> b.bucket("lc-versions").key("doc")));
        // gone: its lone delete marker was removed
        assertTrue(s3.listObjectVersions(b -> b.bucket("lc-versions").prefix("gone")).deleteMarkers().isEmpty());
        // many: the current version and the two newest noncurrent ones stay
        assertEquals(3, versions(s3, "lc-versions").stream().filter(v -> v.key().equals("many")).count());
        assertTrue(s3.listMultipartUploads(b -> b.bucket("lc-versions")).uploads().isEmpty());

        cloudJar.advanceClock(Duration.ofDays(2));
        cloudJar.backend(S3Backend.class).applyLifecycleNow();
        assertTrue(versions(s3, "lc-versions").stream().noneMatch(v -> v.key().equals("doc")));
        // deleting the configuration stops expiration
        s3.deleteBucketLifecycle(b -> b.bucket("lc-versions"));
        put(s3, "lc-versions", "doc-later");
        cloudJar.advanceClock(Duration.ofDays(3));
        cloudJar.backend(S3Backend.class).applyLifecycleNow();
        assertTrue(exists(s3, "lc-versions", "doc-later"));
    }

    @Test
    void lockedVersionsOutliveNoncurrentExpiration(S3Client s3, CloudJar cloudJar) {
        s3.createBucket(b -> b.bucket("lc-locked").objectLockEnabledForBucket(true));
        rules(s3, "lc-locked", LifecycleRule.builder().id("all").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                .noncurrentVersionExpiration(n -> n.noncurrentDays(1)).build());
        s3.putObject(b -> b.bucket("lc-locked").key("doc").objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(cloudJar.context().clock().instant().plus(Duration.ofDays(30))), RequestBody.fromString("v1"));
        put(s3, "lc-locked", "doc");
        cloudJar.advanceClock(Duration.ofDays(3));
        cloudJar.backend(S3Backend.class).applyLifecycleNow();
        assertEquals(2, versions(s3, "lc-locked").size());
    }
}
