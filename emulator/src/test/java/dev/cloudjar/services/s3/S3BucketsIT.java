package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.regions.Region;

/** Bucket operations through the SDK v2 S3 client with default settings. */
@ExtendWith(CloudJarExtension.class)
class S3BucketsIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void createHeadListLocationDelete(S3Client s3) {
        s3.createBucket(b -> b.bucket("life-cycle"));
        s3.headBucket(b -> b.bucket("life-cycle"));
        assertTrue(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals("life-cycle")));
        String location = s3.getBucketLocation(b -> b.bucket("life-cycle")).locationConstraintAsString();
        assertTrue(location == null || location.isEmpty(), "us-east-1 is the empty constraint");
        s3.createBucket(b -> b.bucket("life-cycle"));
        s3.deleteBucket(b -> b.bucket("life-cycle"));
        assertThrows(NoSuchBucketException.class, () -> s3.headBucket(b -> b.bucket("life-cycle")));
        NoSuchBucketException missing = assertThrows(NoSuchBucketException.class, () -> s3.deleteBucket(b -> b.bucket("life-cycle")));
        assertEquals(404, missing.statusCode());
        assertEquals("NoSuchBucket", missing.awsErrorDetails().errorCode());
    }

    @Test
    void locationConstraintsFollowAwsRules(CloudJar cloudJar) {
        try (S3Client eu = CloudJarExtension.client(S3Client.builder(), cloudJar).region(Region.EU_WEST_1).forcePathStyle(true).build()) {
            S3Exception unspecified = assertThrows(S3Exception.class, () -> eu.createBucket(b -> b.bucket("eu-bucket")
                    .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.US_WEST_2))));
            assertEquals("IllegalLocationConstraintException", unspecified.awsErrorDetails().errorCode());
            eu.createBucket(b -> b.bucket("eu-bucket").createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
            assertEquals("eu-west-1", eu.getBucketLocation(b -> b.bucket("eu-bucket")).locationConstraintAsString());
            assertThrows(BucketAlreadyOwnedByYouException.class, () -> eu.createBucket(b -> b.bucket("eu-bucket")
                    .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1))));
            eu.deleteBucket(b -> b.bucket("eu-bucket"));
        }
    }

    @Test
    void invalidNamesAndNonEmptyBuckets(S3Client s3) {
        S3Exception bad = assertThrows(S3Exception.class, () -> s3.createBucket(b -> b.bucket("xn--not-valid")));
        assertEquals("InvalidBucketName", bad.awsErrorDetails().errorCode());
        s3.createBucket(b -> b.bucket("full-bucket"));
        s3.putObject(b -> b.bucket("full-bucket").key("k"), RequestBody.fromString("v"));
        S3Exception notEmpty = assertThrows(S3Exception.class, () -> s3.deleteBucket(b -> b.bucket("full-bucket")));
        assertEquals(409, notEmpty.statusCode());
        assertEquals("BucketNotEmpty", notEmpty.awsErrorDetails().errorCode());
    }

    @Test
    void tagging(S3Client s3) {
        s3.createBucket(b -> b.bucket("tagged-bucket"));
        S3Exception none = assertThrows(S3Exception.class, () -> s3.getBucketTagging(b -> b.bucket("tagged-bucket")));
        assertEquals("NoSuchTagSet", none.awsErrorDetails().errorCode());
        s3.putBucketTagging(b -> b.bucket("tagged-bucket").tagging(t -> t.tagSet(Tag.builder().key("team").value("s3").build())));
        assertEquals("s3", s3.getBucketTagging(b -> b.bucket("tagged-bucket")).tagSet().get(0).value());
        s3.deleteBucketTagging(b -> b.bucket("tagged-bucket"));
        assertThrows(S3Exception.class, () -> s3.getBucketTagging(b -> b.bucket("tagged-bucket")));
    }

    @Test
    void corsConfigurationAndPreflight(S3Client s3, URI endpoint) throws Exception {
        s3.createBucket(b -> b.bucket("cors-bucket"));
        HttpResponse<String> disabled = preflight(endpoint, "cors-bucket", "https://app.example", "PUT");
        assertEquals(403, disabled.statusCode());
        assertTrue(disabled.body().contains("<Code>AccessForbidden</Code>"));
        assertEquals("NoSuchCORSConfiguration", assertThrows(S3Exception.class,
                () -> s3.getBucketCors(b -> b.bucket("cors-bucket"))).awsErrorDetails().errorCode());
        s3.putBucketCors(b -> b.bucket("cors-bucket").corsConfiguration(c -> c.corsRules(CORSRule.builder()
                .allowedOrigins("https://*.example").allowedMethods("PUT", "GET").allowedHeaders("*").exposeHeaders("ETag")
                .maxAgeSeconds(300).build())));
        List<CORSRule> rules = s3.getBucketCors(b -> b.bucket("cors-bucket")).corsRules();
        assertEquals(List.of("PUT", "GET"), rules.get(0).allowedMethods());
        HttpResponse<String> ok = preflight(endpoint, "cors-bucket", "https://app.example", "PUT");
        assertEquals(200, ok.statusCode());
        assertEquals("https://app.example", ok.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("PUT, GET", ok.headers().firstValue("Access-Control-Allow-Methods").orElseThrow());
        assertEquals("content-type", ok.headers().firstValue("Access-Control-Allow-Headers").orElseThrow());
        assertEquals("300", ok.headers().firstValue("Access-Control-Max-Age").orElseThrow());
        assertEquals(403, preflight(endpoint, "cors-bucket", "https://evil.test", "PUT").statusCode());
        s3.putObject(b -> b.bucket("cors-bucket").key("upload.txt"), RequestBody.fromString("x"));
        HttpResponse<String> actual = http.send(HttpRequest.newBuilder(endpoint.resolve("/cors-bucket/upload.txt"))
                .header("Origin", "https://app.example").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("https://app.example", actual.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("ETag", actual.headers().firstValue("Access-Control-Expose-Headers").orElseThrow());
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(endpoint.resolve("/cors-bucket/upload.txt"))
                .header("Origin", "https://evil.test").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(foreign.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        assertEquals(403, preflight(endpoint, "cors-bucket", "https://app.example", "DELETE").statusCode());
        s3.deleteBucketCors(b -> b.bucket("cors-bucket"));
        assertEquals(403, preflight(endpoint, "cors-bucket", "https://app.example", "PUT").statusCode());
    }

    private HttpResponse<String> preflight(URI endpoint, String bucket, String origin, String method) throws Exception {
        return http.send(HttpRequest.newBuilder(endpoint.resolve("/" + bucket + "/upload.txt"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void notificationConfigurationIsStoredAndValidated(S3Client s3, software.amazon.awssdk.services.sqs.SqsClient sqs,
                                                       software.amazon.awssdk.services.sns.SnsClient sns) {
        // AWS refuses destinations that do not exist, so the queue and topic come first
        sqs.createQueue(b -> b.queueName("events"));
        String topicArn = sns.createTopic(b -> b.name("removals")).topicArn();
        s3.createBucket(b -> b.bucket("notified-bucket"));
        assertTrue(s3.getBucketNotificationConfiguration(b -> b.bucket("notified-bucket")).queueConfigurations().isEmpty());
        s3.putBucketNotificationConfiguration(b -> b.bucket("notified-bucket").notificationConfiguration(n -> n
                .queueConfigurations(QueueConfiguration.builder().id("to-queue")
                        .queueArn("arn:aws:sqs:us-east-1:000000000000:events").events(Event.S3_OBJECT_CREATED)
                        .filter(f -> f.key(k -> k.filterRules(r -> r.name("prefix").value("in/"), r -> r.name("SUFFIX").value(".csv"))))
                        .build())
                .topicConfigurations(t -> t.topicArn(topicArn).events(Event.S3_OBJECT_REMOVED))));
        GetBucketNotificationConfigurationResponse got = s3.getBucketNotificationConfiguration(b -> b.bucket("notified-bucket"));
        QueueConfiguration queue = got.queueConfigurations().get(0);
        assertEquals("to-queue", queue.id());
        assertEquals("arn:aws:sqs:us-east-1:000000000000:events", queue.queueArn());
        assertEquals(List.of(Event.S3_OBJECT_CREATED), queue.events());
        assertEquals(FilterRuleName.PREFIX, queue.filter().key().filterRules().get(0).name());
        assertEquals(FilterRuleName.SUFFIX, queue.filter().key().filterRules().get(1).name());
        assertEquals(topicArn, got.topicConfigurations().get(0).topicArn());
        assertTrue(got.topicConfigurations().get(0).id() != null);
        S3Exception badArn = assertThrows(S3Exception.class, () -> s3.putBucketNotificationConfiguration(b -> b.bucket("notified-bucket")
                .notificationConfiguration(n -> n.topicConfigurations(t -> t.topicArn("not-an-arn").events(Event.S3_OBJECT_CREATED)))));
        assertEquals("InvalidArgument", badArn.awsErrorDetails().errorCode());
    }

    @Test
    void defaultsAwsAppliesToEveryNewBucket(S3Client s3) {
        s3.createBucket(b -> b.bucket("defaults-bucket"));
        assertEquals("AES256", s3.getBucketEncryption(b -> b.bucket("defaults-bucket")).serverSideEncryptionConfiguration().rules()
                .get(0).applyServerSideEncryptionByDefault().sseAlgorithmAsString());
        assertEquals("BucketOwnerEnforced", s3.getBucketOwnershipControls(b -> b.bucket("defaults-bucket")).ownershipControls()
                .rules().get(0).objectOwnershipAsString());
        assertTrue(s3.getPublicAccessBlock(b -> b.bucket("defaults-bucket")).publicAccessBlockConfiguration().blockPublicAcls());
        assertEquals(null, s3.getBucketVersioning(b -> b.bucket("defaults-bucket")).status(), "versioning never enabled");
        assertEquals("NoSuchBucketPolicy", assertThrows(S3Exception.class,
                () -> s3.getBucketPolicy(b -> b.bucket("defaults-bucket"))).awsErrorDetails().errorCode());
    }

    @Test
    void unimplementedSubResourcesAre501(S3Client s3) {
        s3.createBucket(b -> b.bucket("plain-bucket"));
        S3Exception e = assertThrows(S3Exception.class, () -> s3.getBucketMetadataTableConfiguration(b -> b.bucket("plain-bucket")));
        assertEquals(501, e.statusCode());
        assertEquals("NotImplemented", e.awsErrorDetails().errorCode());
    }
}
