package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** S3 Object Lock through the SDK v2 client with default settings (checksums on). */
@ExtendWith(CloudJarExtension.class)
class S3ObjectLockIT {

    private static S3Exception error(Executable call) {
        return assertThrows(S3Exception.class, call);
    }

    private static void assertError(int status, String code, Executable call) {
        S3Exception e = error(call);
        assertEquals(status, e.statusCode(), e.getMessage());
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
    }

    private static Instant now(CloudJar cloudJar) {
        return cloudJar.context().clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String put(S3Client s3, String bucket, String key) {
        return s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("locked bytes")).versionId();
    }

    private static void defaultRetention(S3Client s3, String bucket, ObjectLockRetentionMode mode, int days) {
        s3.putObjectLockConfiguration(b -> b.bucket(bucket).objectLockConfiguration(c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(r -> r.defaultRetention(d -> d.mode(mode).days(days)))));
    }

    @Test
    void lockEnabledAtCreateTurnsVersioningOnAndCannotBeSuspended(S3Client s3) {
        s3.createBucket(b -> b.bucket("lock-create").objectLockEnabledForBucket(true));
        assertEquals(BucketVersioningStatus.ENABLED, s3.getBucketVersioning(b -> b.bucket("lock-create")).status());
        GetObjectLockConfigurationResponse config = s3.getObjectLockConfiguration(b -> b.bucket("lock-create"));
        assertEquals(ObjectLockEnabled.ENABLED, config.objectLockConfiguration().objectLockEnabled());
        assertNull(config.objectLockConfiguration().rule());
        assertError(409, "InvalidBucketState", () -> s3.putBucketVersioning(b -> b.bucket("lock-create")
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED))));
        s3.putBucketVersioning(b -> b.bucket("lock-create").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));

        defaultRetention(s3, "lock-create", ObjectLockRetentionMode.GOVERNANCE, 3);
        var rule = s3.getObjectLockConfiguration(b -> b.bucket("lock-create")).objectLockConfiguration().rule().defaultRetention();
        assertEquals(ObjectLockRetentionMode.GOVERNANCE, rule.mode());
        assertEquals(3, rule.days());
        assertNull(rule.years());
        s3.putObjectLockConfiguration(b -> b.bucket("lock-create").objectLockConfiguration(c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(r -> r.defaultRetention(d -> d.mode(ObjectLockRetentionMode.COMPLIANCE).years(1)))));
        rule = s3.getObjectLockConfiguration(b -> b.bucket("lock-create")).objectLockConfiguration().rule().defaultRetention();
        assertEquals(ObjectLockRetentionMode.COMPLIANCE, rule.mode());
        assertEquals(1, rule.years());
        // a configuration without a rule removes the default retention
        s3.putObjectLockConfiguration(b -> b.bucket("lock-create").objectLockConfiguration(c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED)));
        assertNull(s3.getObjectLockConfiguration(b -> b.bucket("lock-create")).objectLockConfiguration().rule());
    }

    @Test
    void configurationIsValidatedAsS3Does(S3Client s3) {
        s3.createBucket(b -> b.bucket("lock-rules").objectLockEnabledForBucket(true));
        assertError(400, "MalformedXML", () -> s3.putObjectLockConfiguration(b -> b.bucket("lock-rules").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED).rule(r -> r.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE)
                        .days(1).years(1))))));
        assertError(400, "MalformedXML", () -> s3.putObjectLockConfiguration(b -> b.bucket("lock-rules").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED).rule(r -> r.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE))))));
        assertError(400, "InvalidRetentionPeriod", () -> s3.putObjectLockConfiguration(b -> b.bucket("lock-rules").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED).rule(r -> r.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(0))))));
        assertError(400, "InvalidRetentionPeriod", () -> s3.putObjectLockConfiguration(b -> b.bucket("lock-rules").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED).rule(r -> r.defaultRetention(d -> d.mode(ObjectLockRetentionMode.COMPLIANCE).years(-1))))));
        assertError(400, "MalformedXML", () -> s3.putObjectLockConfiguration(b -> b.bucket("lock-rules").objectLockConfiguration(c -> c
                .rule(r -> r.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(1))))));
        assertError(400, "MalformedXML", () -> s3.putObjectLockConfiguration(b -> b.bucket("lock-rules").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED).rule(r -> r.defaultRetention(d -> d.mode("governance").days(1))))));
        assertError(404, "NoSuchBucket", () -> s3.getObjectLockConfiguration(b -> b.bucket("lock-no-such-bucket")));
    }

    @Test
    void bucketsWithoutObjectLockRefuseLockRequests(S3Client s3, CloudJar cloudJar) {
        s3.createBucket(b -> b.bucket("lock-none"));
        put(s3, "lock-none", "doc");
        assertError(404, "ObjectLockConfigurationNotFoundError", () -> s3.getObjectLockConfiguration(b -> b.bucket("lock-none")));
        assertError(409, "InvalidBucketState", () -> defaultRetention(s3, "lock-none", ObjectLockRetentionMode.GOVERNANCE, 1));
        Instant later = now(cloudJar).plus(Duration.ofDays(1));
        S3Exception missing = error(() -> s3.putObject(b -> b.bucket("lock-none").key("doc").objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(later), RequestBody.fromString("x")));
        assertEquals("InvalidRequest", missing.awsErrorDetails().errorCode());
        assertEquals("Bucket is missing Object Lock Configuration", missing.awsErrorDetails().errorMessage());
        assertError(400, "InvalidRequest", () -> s3.putObjectRetention(b -> b.bucket("lock-none").key("doc")
                .retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(later))));
        assertError(400, "InvalidRequest", () -> s3.getObjectRetention(b -> b.bucket("lock-none").key("doc")));
        assertError(400, "InvalidRequest", () -> s3.putObjectLegalHold(b -> b.bucket("lock-none").key("doc")
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON))));
        assertError(400, "InvalidRequest", () -> s3.getObjectLegalHold(b -> b.bucket("lock-none").key("doc")));

        // an existing bucket may take Object Lock once its versioning is Enabled
        s3.putBucketVersioning(b -> b.bucket("lock-none").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        defaultRetention(s3, "lock-none", ObjectLockRetentionMode.GOVERNANCE, 1);
        assertEquals(ObjectLockEnabled.ENABLED, s3.getObjectLockConfiguration(b -> b.bucket("lock-none")).objectLockConfiguration().objectLockEnabled());
    }

    @Test
    void lockHeadersOnPutAreReturnedAndGuardDeletes(S3Client s3, CloudJar cloudJar) {
        s3.createBucket(b -> b.bucket("lock-put").objectLockEnabledForBucket(true));
        Instant until = now(cloudJar).plus(Duration.ofDays(2));
        String v1 = s3.putObject(b -> b.bucket("lock-put").key("doc").objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(until).objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON),
                RequestBody.fromString("kept")).versionId();
        HeadObjectResponse head = s3.headObject(b -> b.bucket("lock-put").key("doc"));
        assertEquals(ObjectLockMode.GOVERNANCE, head.objectLockMode());
        assertEquals(until, head.objectLockRetainUntilDate());
        assertEquals(ObjectLockLegalHoldStatus.ON, head.objectLockLegalHoldStatus());
        var got = s3.getObject(b -> b.bucket("lock-put").key("doc").versionId(v1)).response();
        assertEquals(ObjectLockMode.GOVERNANCE, got.objectLockMode());
        var retention = s3.getObjectRetention(b -> b.bucket("lock-put").key("doc")).retention();
        assertEquals(ObjectLockRetentionMode.GOVERNANCE, retention.mode());
        assertEquals(until, retention.retainUntilDate());
        assertEquals(ObjectLockLegalHoldStatus.ON, s3.getObjectLegalHold(b -> b.bucket("lock-put").key("doc").versionId(v1)).legalHold().status());

        // a legal hold keeps the version even with the governance bypass
        S3Exception denied = error(() -> s3.deleteObject(b -> b.bucket("lock-put").key("doc").versionId(v1).bypassGovernanceRetention(true)));
        assertEquals(403, denied.statusCode());
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
        s3.putObjectLegalHold(b -> b.bucket("lock-put").key("doc").versionId(v1).legalHold(h -> h.status(ObjectLockLegalHoldStatus.OFF)));
        assertEquals(ObjectLockLegalHoldStatus.OFF, s3.headObject(b -> b.bucket("lock-put").key("doc")).objectLockLegalHoldStatus());
        // GOVERNANCE: denied without the bypass header, allowed with it
        assertError(403, "AccessDenied", () -> s3.deleteObject(b -> b.bucket("lock-put").key("doc").versionId(v1)));
        DeleteObjectsResponse batch = s3.deleteObjects(b -> b.bucket("lock-put").delete(d -> d.objects(o -> o.key("doc").versionId(v1))));
        assertEquals(1, batch.errors().size(), batch.toString());
        assertEquals("AccessDenied", batch.errors().get(0).code());
        assertEquals(v1, batch.errors().get(0).versionId());
        assertTrue(batch.deleted().isEmpty());
        // a delete without a version only adds a marker: allowed
        assertTrue(s3.deleteObject(b -> b.bucket("lock-put").key("doc")).deleteMarker());
        DeleteObjectsResponse bypassed = s3.deleteObjects(b -> b.bucket("lock-put").bypassGovernanceRetention(true)
                .delete(d -> d.objects(o -> o.key("doc").versionId(v1))));
        assertTrue(bypassed.errors().isEmpty(), bypassed.toString());
        assertEquals(v1, bypassed.deleted().get(0).versionId());
    }

    @Test
    void retentionChangesFollowTheModes(S3Client s3, CloudJar cloudJar) {
        s3.createBucket(b -> b.bucket("lock-modes").objectLockEnabledForBucket(true));
        String v = put(s3, "lock-modes", "doc");
        assertError(404, "NoSuchObjectLockConfiguration", () -> s3.getObjectRetention(b -> b.bucket("lock-modes").key("doc")));
        assertError(404, "NoSuchObjectLockConfiguration", () -> s3.getObjectLegalHold(b -> b.bucket("lock-modes").key("doc")));
        Instant until = now(cloudJar).plus(Duration.ofDays(5));
        s3.putObjectRetention(b -> b.bucket("lock-modes").key("doc").retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(until)));
        // GOVERNANCE: extending is free, shortening or switching needs the bypass
        s3.putObjectRetention(b -> b.bucket("lock-modes").key("doc").retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE)
                .retainUntilDate(until.plus(Duration.ofDays(1)))));
        assertError(403, "AccessDenied", () -> s3.putObjectRetention(b -> b.bucket("lock-modes").key("doc")
                .retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(until))));
        s3.putObjectRetention(b -> b.bucket("lock-modes").key("doc").bypassGovernanceRetention(true)
                .retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(until)));
        assertEquals(until, s3.getObjectRetention(b -> b.bucket("lock-modes").key("doc")).retention().retainUntilDate());
        assertError(403, "AccessDenied", () -> s3.putObjectRetention(b -> b.bucket("lock-modes").key("doc")
                .retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(until))));
        s3.putObjectRetention(b -> b.bucket("lock-modes").key("doc").versionId(v).bypassGovernanceRetention(true)
                .retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(until)));
        // COMPLIANCE: only longer, never with a bypass
        assertError(403, "AccessDenied", () -> s3.putObjectRetention(b -> b.bucket("lock-modes").key("doc").bypassGovernanceRetention(true)
                .retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(until.minus(Duration.ofDays(1))))));
        assertError(403, "AccessDenied", () -> s3.putObjectRetention(b -> b.bucket("lock-modes").key("doc").bypassGovernanceRetention(true)
                .retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(until))));
        s3.putObjectRetention(b -> b.bucket("lock-modes").key("doc").retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE)
                .retainUntilDate(until.plus(Duration.ofDays(1)))));
        assertError(403, "AccessDenied", () -> s3.deleteObject(b -> b.bucket("lock-modes").key("doc").versionId(v).bypassGovernanceRetention(true)));
        assertError(400, "InvalidArgument", () -> s3.putObjectRetention(b -> b.bucket("lock-modes").key("doc")
                .retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(now(cloudJar).minus(Duration.ofDays(1))))));
        assertError(404, "NoSuchKey", () -> s3.getObjectRetention(b -> b.bucket("lock-modes").key("absent")));

        // retention ends on CloudJar's clock: once it has passed, the version may go
        cloudJar.advanceClock(Duration.ofDays(7));
        s3.deleteObject(b -> b.bucket("lock-modes").key("doc").versionId(v));
        assertTrue(s3.listObjectVersions(b -> b.bucket("lock-modes")).versions().isEmpty());
    }

    @Test
    void defaultRetentionAppliesToNewVersionsOfEveryWrite(S3Client s3, CloudJar cloudJar) {
        s3.createBucket(b -> b.bucket("lock-default").objectLockEnabledForBucket(true));
        defaultRetention(s3, "lock-default", ObjectLockRetentionMode.COMPLIANCE, 1);
        Instant before = now(cloudJar);
        String v = put(s3, "lock-default", "doc");
        HeadObjectResponse head = s3.headObject(b -> b.bucket("lock-default").key("doc"));
        assertEquals(ObjectLockMode.COMPLIANCE, head.objectLockMode());
        Duration left = Duration.between(before, head.objectLockRetainUntilDate());
        assertTrue(left.compareTo(Duration.ofDays(1)) >= 0 && left.compareTo(Duration.ofDays(1).plusMinutes(1)) < 0, left.toString());
        assertNull(head.objectLockLegalHoldStatus());
        assertError(403, "AccessDenied", () -> s3.deleteObject(b -> b.bucket("lock-default").key("doc").versionId(v).bypassGovernanceRetention(true)));

        // an explicit mode on the write wins over the default
        Instant until = now(cloudJar).plus(Duration.ofDays(10));
        s3.putObject(b -> b.bucket("lock-default").key("explicit").objectLockMode(ObjectLockMode.GOVERNANCE).objectLockRetainUntilDate(until),
                RequestBody.fromString("x"));
        assertEquals(ObjectLockMode.GOVERNANCE, s3.headObject(b -> b.bucket("lock-default").key("explicit")).objectLockMode());

        // copies take the request's lock (or the default), never the source's
        s3.copyObject(b -> b.sourceBucket("lock-default").sourceKey("explicit").destinationBucket("lock-default").destinationKey("copy"));
        assertEquals(ObjectLockMode.COMPLIANCE, s3.headObject(b -> b.bucket("lock-default").key("copy")).objectLockMode());
        s3.copyObject(b -> b.sourceBucket("lock-default").sourceKey("doc").destinationBucket("lock-default").destinationKey("copy2")
                .objectLockMode(ObjectLockMode.GOVERNANCE).objectLockRetainUntilDate(until).objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON));
        HeadObjectResponse copied = s3.headObject(b -> b.bucket("lock-default").key("copy2"));
        assertEquals(ObjectLockMode.GOVERNANCE, copied.objectLockMode());
        assertEquals(until, copied.objectLockRetainUntilDate());
        assertEquals(ObjectLockLegalHoldStatus.ON, copied.objectLockLegalHoldStatus());
        s3.createBucket(b -> b.bucket("lock-plain"));
        s3.copyObject(b -> b.sourceBucket("lock-default").sourceKey("copy2").destinationBucket("lock-plain").destinationKey("copy"));
        HeadObjectResponse plain = s3.headObject(b -> b.bucket("lock-plain").key("copy"));
        assertNull(plain.objectLockMode());
        assertNull(plain.objectLockLegalHoldStatus());

        // multipart uploads carry the lock they were created with
        String upload = s3.createMultipartUpload(b -> b.bucket("lock-default").key("big").objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(until)).uploadId();
        String eTag = s3.uploadPart(b -> b.bucket("lock-default").key("big").uploadId(upload).partNumber(1), RequestBody.fromString("part")).eTag();
        s3.completeMultipartUpload(b -> b.bucket("lock-default").key("big").uploadId(upload)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build())));
        HeadObjectResponse big = s3.headObject(b -> b.bucket("lock-default").key("big"));
        assertEquals(ObjectLockMode.GOVERNANCE, big.objectLockMode());
        assertEquals(until, big.objectLockRetainUntilDate());

        cloudJar.advanceClock(Duration.ofDays(2));
        s3.deleteObject(b -> b.bucket("lock-default").key("doc").versionId(v));
        assertFalse(s3.listObjectVersions(b -> b.bucket("lock-default").prefix("doc")).versions().stream()
                .anyMatch(o -> o.versionId().equals(v)));
    }

    @Test
    void badLockHeadersAreRefused(S3Client s3, CloudJar cloudJar) {
        s3.createBucket(b -> b.bucket("lock-headers").objectLockEnabledForBucket(true));
        Instant past = now(cloudJar).minus(Duration.ofDays(1));
        assertError(400, "InvalidArgument", () -> s3.putObject(b -> b.bucket("lock-headers").key("k").objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(past), RequestBody.fromString("x")));
        assertError(400, "InvalidArgument", () -> s3.putObject(b -> b.bucket("lock-headers").key("k").objectLockMode(ObjectLockMode.GOVERNANCE),
                RequestBody.fromString("x")));
        assertError(400, "InvalidArgument", () -> s3.putObject(b -> b.bucket("lock-headers").key("k").objectLockMode("SOMETIMES")
                .objectLockRetainUntilDate(now(cloudJar).plus(Duration.ofDays(1))), RequestBody.fromString("x")));
        assertError(400, "InvalidArgument", () -> s3.putObject(b -> b.bucket("lock-headers").key("k").objectLockLegalHoldStatus("MAYBE"),
                RequestBody.fromString("x")));
        assertError(400, "MalformedXML", () -> s3.putObjectLegalHold(b -> b.bucket("lock-headers").key("k").legalHold(h -> h.status("MAYBE"))));
        put(s3, "lock-headers", "k");
        assertError(400, "MalformedXML", () -> s3.putObjectLegalHold(b -> b.bucket("lock-headers").key("k").legalHold(h -> h.status("MAYBE"))));
        assertError(400, "MalformedXML", () -> s3.putObjectRetention(b -> b.bucket("lock-headers").key("k")
                .retention(r -> r.mode("governance").retainUntilDate(now(cloudJar).plus(Duration.ofDays(1))))));
        assertError(404, "NoSuchVersion", () -> s3.putObjectLegalHold(b -> b.bucket("lock-headers").key("k").versionId("nosuchversion")
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON))));
    }

    @Test
    void lockWritesWithoutADigestAreRefusedAsS3Does(S3Client s3, URI endpoint, CloudJar cloudJar) throws Exception {
        s3.createBucket(b -> b.bucket("lock-digest").objectLockEnabledForBucket(true));
        HttpClient http = HttpClient.newHttpClient();
        String config = "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled></ObjectLockConfiguration>";
        HttpResponse<String> noMd5 = http.send(HttpRequest.newBuilder(endpoint.resolve("/lock-digest?object-lock"))
                .PUT(HttpRequest.BodyPublishers.ofString(config)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, noMd5.statusCode(), noMd5.body());
        assertTrue(noMd5.body().contains("<Code>InvalidRequest</Code>") && noMd5.body().contains("Content-MD5"), noMd5.body());
        String md5 = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("MD5")
                .digest(config.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        HttpResponse<String> withMd5 = http.send(HttpRequest.newBuilder(endpoint.resolve("/lock-digest?object-lock"))
                .header("Content-MD5", md5).PUT(HttpRequest.BodyPublishers.ofString(config)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withMd5.statusCode(), withMd5.body());

        Instant untilAt = now(cloudJar).plus(Duration.ofDays(1));
        String until = untilAt.toString();
        HttpResponse<String> plainPut = http.send(HttpRequest.newBuilder(endpoint.resolve("/lock-digest/doc"))
                .header("x-amz-object-lock-mode", "GOVERNANCE").header("x-amz-object-lock-retain-until-date", until)
                .PUT(HttpRequest.BodyPublishers.ofString("bytes")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, plainPut.statusCode(), plainPut.body());
        assertTrue(plainPut.body().contains("<Code>InvalidRequest</Code>"), plainPut.body());
        HttpResponse<String> checkedPut = http.send(HttpRequest.newBuilder(endpoint.resolve("/lock-digest/doc"))
                .header("x-amz-object-lock-mode", "GOVERNANCE").header("x-amz-object-lock-retain-until-date", until)
                .header("Content-MD5", java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("MD5")
                        .digest("bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .PUT(HttpRequest.BodyPublishers.ofString("bytes")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, checkedPut.statusCode(), checkedPut.body());
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(endpoint.resolve("/lock-digest/doc"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("GOVERNANCE", head.headers().firstValue("x-amz-object-lock-mode").orElse(null));
        String header = head.headers().firstValue("x-amz-object-lock-retain-until-date").orElseThrow();
        assertEquals(untilAt, Instant.parse(header));
        assertTrue(header.endsWith(".000Z"), header);
    }
}
