package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketAbacStatus;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Operations of newer S3 features, answered as S3 answers them for general purpose buckets (CloudJar's only kind). */
@ExtendWith(CloudJarExtension.class)
class S3GeneralPurposeIT {

    private static void assertError(int status, String code, Executable call) {
        S3Exception e = assertThrows(S3Exception.class, call);
        assertEquals(status, e.statusCode(), e.getMessage());
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
    }

    @Test
    void abacIsOffUntilTurnedOn(S3Client s3) {
        s3.createBucket(b -> b.bucket("abac-bucket"));
        assertEquals(BucketAbacStatus.DISABLED, s3.getBucketAbac(b -> b.bucket("abac-bucket")).abacStatus().status());
        s3.putBucketAbac(b -> b.bucket("abac-bucket").abacStatus(a -> a.status(BucketAbacStatus.ENABLED)));
        assertEquals(BucketAbacStatus.ENABLED, s3.getBucketAbac(b -> b.bucket("abac-bucket")).abacStatus().status());
        s3.putBucketAbac(b -> b.bucket("abac-bucket").abacStatus(a -> a.status(BucketAbacStatus.DISABLED)));
        assertEquals(BucketAbacStatus.DISABLED, s3.getBucketAbac(b -> b.bucket("abac-bucket")).abacStatus().status());
        assertError(400, "MalformedXML", () -> s3.putBucketAbac(b -> b.bucket("abac-bucket").abacStatus(a -> a.status("On"))));
        assertError(400, "MalformedXML", () -> s3.putBucketAbac(b -> b.bucket("abac-bucket").abacStatus(a -> { })));
        assertError(404, "NoSuchBucket", () -> s3.getBucketAbac(b -> b.bucket("abac-no-such-bucket")));
        assertError(404, "NoSuchBucket", () -> s3.putBucketAbac(b -> b.bucket("abac-no-such-bucket")
                .abacStatus(a -> a.status(BucketAbacStatus.ENABLED))));
    }

    @Test
    void listDirectoryBucketsFindsNoneAmongGeneralPurposeBuckets(S3Client s3) {
        s3.createBucket(b -> b.bucket("general-purpose"));
        assertTrue(s3.listDirectoryBuckets(b -> { }).buckets().isEmpty());
        assertTrue(s3.listDirectoryBuckets(b -> b.maxDirectoryBuckets(10)).buckets().isEmpty());
        assertTrue(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals("general-purpose")), "ListBuckets still lists it");
    }

    @Test
    void updateObjectEncryptionMakesAVersionSseKmsAndKeepsEverythingElse(S3Client s3) {
        s3.createBucket(b -> b.bucket("sse-update"));
        s3.putBucketVersioning(b -> b.bucket("sse-update").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        String first = s3.putObject(b -> b.bucket("sse-update").key("doc").storageClass(StorageClass.GLACIER),
                RequestBody.fromString("one")).versionId();
        s3.putObject(b -> b.bucket("sse-update").key("doc"), RequestBody.fromString("two"));
        HeadObjectResponse before = s3.headObject(b -> b.bucket("sse-update").key("doc"));
        assertEquals(ServerSideEncryption.AES256, before.serverSideEncryption());
        String key = "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        s3.updateObjectEncryption(b -> b.bucket("sse-update").key("doc")
                .objectEncryption(e -> e.ssekms(k -> k.kmsKeyArn(key).bucketKeyEnabled(true))));
        HeadObjectResponse after = s3.headObject(b -> b.bucket("sse-update").key("doc"));
        assertEquals(ServerSideEncryption.AWS_KMS, after.serverSideEncryption());
        assertEquals(key, after.ssekmsKeyId());
        assertTrue(after.bucketKeyEnabled());
        assertEquals(before.eTag(), after.eTag());
        assertEquals(before.lastModified(), after.lastModified());
        assertEquals(before.versionId(), after.versionId(), "no new version");
        assertEquals("two", s3.getObjectAsBytes(b -> b.bucket("sse-update").key("doc")).asUtf8String());
        // an older, archived version: its storage class stays and it is not restored
        s3.updateObjectEncryption(b -> b.bucket("sse-update").key("doc").versionId(first)
                .objectEncryption(e -> e.ssekms(k -> k.kmsKeyArn(key))));
        HeadObjectResponse old = s3.headObject(b -> b.bucket("sse-update").key("doc").versionId(first));
        assertEquals(ServerSideEncryption.AWS_KMS, old.serverSideEncryption());
        assertEquals(StorageClass.GLACIER, old.storageClass());
        assertEquals(null, old.bucketKeyEnabled());
        // a copy is a new object with the bucket's encryption, not the source's
        s3.copyObject(b -> b.sourceBucket("sse-update").sourceKey("doc").destinationBucket("sse-update").destinationKey("copy"));
        assertEquals(ServerSideEncryption.AES256, s3.headObject(b -> b.bucket("sse-update").key("copy")).serverSideEncryption());
        assertError(400, "MalformedXML", () -> s3.updateObjectEncryption(b -> b.bucket("sse-update").key("doc")
                .objectEncryption(e -> e.ssekms(k -> k.kmsKeyArn("")))));
        assertError(404, "NoSuchKey", () -> s3.updateObjectEncryption(b -> b.bucket("sse-update").key("missing")
                .objectEncryption(e -> e.ssekms(k -> k.kmsKeyArn(key)))));
        assertError(404, "NoSuchBucket", () -> s3.updateObjectEncryption(b -> b.bucket("sse-no-such-bucket").key("doc")
                .objectEncryption(e -> e.ssekms(k -> k.kmsKeyArn(key)))));
    }

    @Test
    void boto3SeesTheSame(URI endpoint) {
        String script = String.join("\n",
                "import boto3, os",
                "from botocore.exceptions import ClientError",
                "s3 = boto3.client('s3', endpoint_url=os.environ['ENDPOINT'])",
                CliRunner.BOTO3_FAILS,
                "s3.create_bucket(Bucket='boto-abac')",
                "assert s3.get_bucket_abac(Bucket='boto-abac')['AbacStatus'] == {'Status': 'Disabled'}",
                "s3.put_bucket_abac(Bucket='boto-abac', AbacStatus={'Status': 'Enabled'})",
                "assert s3.get_bucket_abac(Bucket='boto-abac')['AbacStatus'] == {'Status': 'Enabled'}",
                "fails(400, 'MalformedXML', s3.put_bucket_abac, Bucket='boto-abac', AbacStatus={'Status': 'Yes'})",
                "out = s3.list_directory_buckets()",
                "assert out.get('Buckets', []) == [], out",
                "assert any(b['Name'] == 'boto-abac' for b in s3.list_buckets()['Buckets'])",
                "s3.put_object(Bucket='boto-abac', Key='k', Body=b'body')",
                "key = 'arn:aws:kms:us-east-1:000000000000:key/abc'",
                "s3.update_object_encryption(Bucket='boto-abac', Key='k', ObjectEncryption={'SSEKMS': {'KMSKeyArn': key}})",
                "h = s3.head_object(Bucket='boto-abac', Key='k')",
                "assert (h['ServerSideEncryption'], h['SSEKMSKeyId']) == ('aws:kms', key), h",
                "assert s3.get_object(Bucket='boto-abac', Key='k')['Body'].read() == b'body'",
                "fails(404, 'NoSuchKey', s3.update_object_encryption, Bucket='boto-abac', Key='nope', ObjectEncryption={'SSEKMS': {'KMSKeyArn': key}})",
                "print('BOTO3-GP-OK')");
        CliRunner.Result result = new CliRunner(endpoint.toString()).python(script).assertSuccess();
        assertTrue(result.stdout().contains("BOTO3-GP-OK"), result.stdout() + result.stderr());
    }
}
