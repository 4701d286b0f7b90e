package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAccelerateStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.Payer;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** Lifecycle, website, encryption, request payment, accelerate and logging configurations: checked, stored, returned. */
@ExtendWith(CloudJarExtension.class)
class S3BucketConfigIT {

    private static String code(Executable call) {
        return assertThrows(S3Exception.class, call).awsErrorDetails().errorCode();
    }

    private static LifecycleRule.Builder rule(String id) {
        return LifecycleRule.builder().id(id).status(ExpirationStatus.ENABLED).filter(f -> f.prefix("logs/"));
    }

    @Test
    void lifecycleIsValidatedStoredAndDeleted(S3Client s3) {
        s3.createBucket(b -> b.bucket("cfg-lifecycle"));
        assertEquals("NoSuchLifecycleConfiguration", code(() -> s3.getBucketLifecycleConfiguration(b -> b.bucket("cfg-lifecycle"))));
        s3.putBucketLifecycleConfiguration(b -> b.bucket("cfg-lifecycle").lifecycleConfiguration(c -> c.rules(
                rule("expire").expiration(e -> e.days(30)).build(),
                rule("abort").abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(7)).build())));
        GetBucketLifecycleConfigurationResponse got = s3.getBucketLifecycleConfiguration(b -> b.bucket("cfg-lifecycle"));
        assertEquals(2, got.rules().size());
        assertEquals("expire", got.rules().get(0).id());
        assertEquals(30, got.rules().get(0).expiration().days());
        assertEquals("logs/", got.rules().get(0).filter().prefix());
        assertEquals(7, got.rules().get(1).abortIncompleteMultipartUpload().daysAfterInitiation());

        S3Exception zero = assertThrows(S3Exception.class, () -> s3.putBucketLifecycleConfiguration(b -> b.bucket("cfg-lifecycle")
                .lifecycleConfiguration(c -> c.rules(rule("zero").expiration(e -> e.days(0)).build()))));
        assertEquals("InvalidArgument", zero.awsErrorDetails().errorCode());
        assertEquals("'Days' for Expiration action must be a positive integer", zero.awsErrorDetails().errorMessage());
        S3Exception noAction = assertThrows(S3Exception.class, () -> s3.putBucketLifecycleConfiguration(b -> b.bucket("cfg-lifecycle")
                .lifecycleConfiguration(c -> c.rules(rule("none").build()))));
        assertEquals("InvalidRequest", noAction.awsErrorDetails().errorCode());
        assertEquals("InvalidArgument", code(() -> s3.putBucketLifecycleConfiguration(b -> b.bucket("cfg-lifecycle")
                .lifecycleConfiguration(c -> c.rules(rule("same").expiration(e -> e.days(1)).build(),
                        rule("same").expiration(e -> e.days(2)).build())))));
        assertEquals(2, s3.getBucketLifecycleConfiguration(b -> b.bucket("cfg-lifecycle")).rules().size(), "refused puts change nothing");
        s3.deleteBucketLifecycle(b -> b.bucket("cfg-lifecycle"));
        assertEquals("NoSuchLifecycleConfiguration", code(() -> s3.getBucketLifecycleConfiguration(b -> b.bucket("cfg-lifecycle"))));
    }

    @Test
    void websiteEncryptionAndTheSmallOnes(S3Client s3) {
        s3.createBucket(b -> b.bucket("cfg-site"));
        assertEquals("NoSuchWebsiteConfiguration", code(() -> s3.getBucketWebsite(b -> b.bucket("cfg-site"))));
        s3.putBucketWebsite(b -> b.bucket("cfg-site").websiteConfiguration(w -> w.indexDocument(i -> i.suffix("index.html"))
                .errorDocument(e -> e.key("error.html"))));
        assertEquals("index.html", s3.getBucketWebsite(b -> b.bucket("cfg-site")).indexDocument().suffix());
        assertEquals("error.html", s3.getBucketWebsite(b -> b.bucket("cfg-site")).errorDocument().key());
        assertEquals("InvalidArgument", code(() -> s3.putBucketWebsite(b -> b.bucket("cfg-site")
                .websiteConfiguration(w -> w.indexDocument(i -> i.suffix("a/b.html"))))));
        s3.deleteBucketWebsite(b -> b.bucket("cfg-site"));
        assertEquals("NoSuchWebsiteConfiguration", code(() -> s3.getBucketWebsite(b -> b.bucket("cfg-site"))));

        assertEquals(ServerSideEncryption.AES256, s3.getBucketEncryption(b -> b.bucket("cfg-site")).serverSideEncryptionConfiguration()
                .rules().get(0).applyServerSideEncryptionByDefault().sseAlgorithm(), "SSE-S3 is every bucket's default");
        s3.putBucketEncryption(b -> b.bucket("cfg-site").serverSideEncryptionConfiguration(c -> c.rules(r -> r
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS).kmsMasterKeyID("alias/mine"))
                .bucketKeyEnabled(true))));
        assertEquals("alias/mine", s3.getBucketEncryption(b -> b.bucket("cfg-site")).serverSideEncryptionConfiguration().rules().get(0)
                .applyServerSideEncryptionByDefault().kmsMasterKeyID());
        assertEquals("MalformedXML", code(() -> s3.putBucketEncryption(b -> b.bucket("cfg-site").serverSideEncryptionConfiguration(
                c -> c.rules(r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm("ROT13")))))));
        s3.deleteBucketEncryption(b -> b.bucket("cfg-site"));
        assertEquals(ServerSideEncryption.AES256, s3.getBucketEncryption(b -> b.bucket("cfg-site")).serverSideEncryptionConfiguration()
                .rules().get(0).applyServerSideEncryptionByDefault().sseAlgorithm());

        assertEquals(Payer.BUCKET_OWNER, s3.getBucketRequestPayment(b -> b.bucket("cfg-site")).payer());
        s3.putBucketRequestPayment(b -> b.bucket("cfg-site").requestPaymentConfiguration(c -> c.payer(Payer.REQUESTER)));
        assertEquals(Payer.REQUESTER, s3.getBucketRequestPayment(b -> b.bucket("cfg-site")).payer());

        assertNull(s3.getBucketAccelerateConfiguration(b -> b.bucket("cfg-site")).status());
        s3.putBucketAccelerateConfiguration(b -> b.bucket("cfg-site").accelerateConfiguration(c -> c.status(BucketAccelerateStatus.ENABLED)));
        assertEquals(BucketAccelerateStatus.ENABLED, s3.getBucketAccelerateConfiguration(b -> b.bucket("cfg-site")).status());

        assertNull(s3.getBucketLogging(b -> b.bucket("cfg-site")).loggingEnabled());
        assertEquals("InvalidTargetBucketForLogging", code(() -> s3.putBucketLogging(b -> b.bucket("cfg-site")
                .bucketLoggingStatus(l -> l.loggingEnabled(e -> e.targetBucket("cfg-nowhere").targetPrefix("logs/"))))));
        s3.putBucketLogging(b -> b.bucket("cfg-site").bucketLoggingStatus(l -> l.loggingEnabled(e -> e.targetBucket("cfg-site")
                .targetPrefix("logs/"))));
        assertEquals("logs/", s3.getBucketLogging(b -> b.bucket("cfg-site")).loggingEnabled().targetPrefix());
        s3.deleteBucket(b -> b.bucket("cfg-site"));
        s3.createBucket(b -> b.bucket("cfg-site"));
        assertTrue(s3.getBucketLogging(b -> b.bucket("cfg-site")).loggingEnabled() == null, "a new bucket of the same name starts clean");
    }
}
