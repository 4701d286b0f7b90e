package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.testing.CloudJarExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** With a data directory, Object Lock, id-keyed configurations and lifecycle rules survive a restart and still act. */
class S3LockRestartIT {

    private static S3Client client(CloudJar cloudJar) {
        return CloudJarExtension.client(S3Client.builder(), cloudJar).forcePathStyle(true).build();
    }

    @Test
    void locksAndRulesSurviveARestart(@TempDir Path dataDir) {
        CloudJarConfig config = CloudJarConfig.defaults().withPort(0).withDataDir(dataDir);
        String version;
        try (CloudJar first = CloudJar.start(config); S3Client s3 = client(first)) {
            s3.createBucket(b -> b.bucket("durable-lock").objectLockEnabledForBucket(true));
            s3.putObjectLockConfiguration(b -> b.bucket("durable-lock").objectLockConfiguration(c -> c
                    .objectLockEnabled(ObjectLockEnabled.ENABLED).rule(r -> r.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(5)))));
            version = s3.putObject(b -> b.bucket("durable-lock").key("doc"), RequestBody.fromString("kept")).versionId();
            s3.putBucketMetricsConfiguration(b -> b.bucket("durable-lock").id("all").metricsConfiguration(m -> m.id("all")));
            s3.createBucket(b -> b.bucket("durable-lifecycle"));
            s3.putBucketLifecycleConfiguration(b -> b.bucket("durable-lifecycle").lifecycleConfiguration(c -> c.rules(r -> r.id("tmp")
                    .status(ExpirationStatus.ENABLED).filter(f -> f.prefix("tmp/")).expiration(e -> e.days(1)))));
            s3.putObject(b -> b.bucket("durable-lifecycle").key("tmp/a"), RequestBody.fromString("short-lived"));
        }
        try (CloudJar second = CloudJar.start(config); S3Client s3 = client(second)) {
            assertEquals(5, s3.getObjectLockConfiguration(b -> b.bucket("durable-lock")).objectLockConfiguration().rule()
                    .defaultRetention().days());
            HeadObjectResponse head = s3.headObject(b -> b.bucket("durable-lock").key("doc"));
            assertEquals(ObjectLockMode.GOVERNANCE, head.objectLockMode());
            S3Exception denied = assertThrows(S3Exception.class, () -> s3.deleteObject(b -> b.bucket("durable-lock").key("doc").versionId(version)));
            assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
            assertEquals("all", s3.getBucketMetricsConfiguration(b -> b.bucket("durable-lock").id("all")).metricsConfiguration().id());

            second.advanceClock(Duration.ofDays(2));
            second.backend(S3Backend.class).applyLifecycleNow();
            assertTrue(s3.listObjectsV2(b -> b.bucket("durable-lifecycle")).contents().isEmpty());
        }
    }
}
