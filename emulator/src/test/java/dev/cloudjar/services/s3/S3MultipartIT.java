package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** Multipart uploads through the SDK v2 client (default CRC32 part checksums). */
@ExtendWith(CloudJarExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3MultipartIT {
    private static final String BUCKET = "multipart";
    private static final int FIVE_MIB = 5 * 1024 * 1024;

    @BeforeAll
    void bucket(S3Client s3) {
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    @Test
    void uploadListCompleteAndReadBack(S3Client s3) {
        String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("big.bin").contentType("application/x-test")
                .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
        assertTrue(s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().stream().anyMatch(u -> u.uploadId().equals(id)));
        byte[] part1 = random(FIVE_MIB, 1);
        byte[] part2 = random(1234, 2);
        UploadPartResponse r2 = s3.uploadPart(b -> b.bucket(BUCKET).key("big.bin").uploadId(id).partNumber(2)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(part2));
        UploadPartResponse r1 = s3.uploadPart(b -> b.bucket(BUCKET).key("big.bin").uploadId(id).partNumber(1)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(part1));
        ListPartsResponse parts = s3.listParts(b -> b.bucket(BUCKET).key("big.bin").uploadId(id));
        assertEquals(List.of(1, 2), parts.parts().stream().map(p -> p.partNumber()).toList());
        assertEquals(1234L, parts.parts().get(1).size());
        CompleteMultipartUploadResponse done = s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("big.bin").uploadId(id)
                .multipartUpload(m -> m.parts(
                        CompletedPart.builder().partNumber(1).eTag(r1.eTag()).checksumCRC32(r1.checksumCRC32()).build(),
                        CompletedPart.builder().partNumber(2).eTag(r2.eTag()).checksumCRC32(r2.checksumCRC32()).build())));
        assertTrue(done.eTag().matches("\"[0-9a-f]{32}-2\""), done.eTag());
        assertTrue(done.checksumCRC32().endsWith("-2"), "composite checksum " + done.checksumCRC32());
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(part1);
        expected.writeBytes(part2);
        assertArrayEquals(expected.toByteArray(), s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("big.bin")).asByteArray());
        HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("big.bin").checksumMode(ChecksumMode.ENABLED));
        assertEquals("application/x-test", head.contentType());
        assertEquals(done.eTag(), head.eTag());
        GetObjectResponse second = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("big.bin").partNumber(2)).response();
        assertEquals(1234L, second.contentLength());
        assertEquals(2, second.partsCount());
        assertThrows(NoSuchUploadException.class, () -> s3.listParts(b -> b.bucket(BUCKET).key("big.bin").uploadId(id)));
    }

    @Test
    void fullObjectCrcIsCombinedFromThePartsAndChecked(S3Client s3) {
        byte[] part1 = random(FIVE_MIB, 7);
        byte[] part2 = random(777, 8);
        java.util.zip.CRC32 whole = new java.util.zip.CRC32();
        whole.update(part1);
        whole.update(part2);
        String expected = java.util.Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(4).putInt((int) whole.getValue()).array());
        for (String claimed : new String[] {"AAAAAA==", expected}) {
            String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("full").checksumAlgorithm(ChecksumAlgorithm.CRC32)
                    .checksumType(software.amazon.awssdk.services.s3.model.ChecksumType.FULL_OBJECT)).uploadId();
            UploadPartResponse r1 = s3.uploadPart(b -> b.bucket(BUCKET).key("full").uploadId(id).partNumber(1)
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(part1));
            UploadPartResponse r2 = s3.uploadPart(b -> b.bucket(BUCKET).key("full").uploadId(id).partNumber(2)
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(part2));
            Runnable complete = () -> s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("full").uploadId(id).checksumCRC32(claimed)
                    .checksumType(software.amazon.awssdk.services.s3.model.ChecksumType.FULL_OBJECT)
                    .multipartUpload(m -> m.parts(
                            CompletedPart.builder().partNumber(1).eTag(r1.eTag()).checksumCRC32(r1.checksumCRC32()).build(),
                            CompletedPart.builder().partNumber(2).eTag(r2.eTag()).checksumCRC32(r2.checksumCRC32()).build())));
            if (claimed.equals(expected)) {
                complete.run();
            } else {
                assertEquals("BadDigest", assertThrows(S3Exception.class, complete::run).awsErrorDetails().errorCode());
                s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("full").uploadId(id));
            }
        }
        HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("full").checksumMode(ChecksumMode.ENABLED));
        assertEquals(expected, head.checksumCRC32());
        assertEquals("FULL_OBJECT", head.checksumTypeAsString());
        S3Exception bad = assertThrows(S3Exception.class, () -> s3.createMultipartUpload(b -> b.bucket(BUCKET).key("x")
                .checksumAlgorithm(ChecksumAlgorithm.SHA256).checksumType(software.amazon.awssdk.services.s3.model.ChecksumType.FULL_OBJECT)));
        assertEquals("InvalidRequest", bad.awsErrorDetails().errorCode());
    }

    @Test
    void completeRules(S3Client s3) {
        String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("rules")).uploadId();
        String e1 = s3.uploadPart(b -> b.bucket(BUCKET).key("rules").uploadId(id).partNumber(1), RequestBody.fromString("small")).eTag();
        String e2 = s3.uploadPart(b -> b.bucket(BUCKET).key("rules").uploadId(id).partNumber(2), RequestBody.fromString("small")).eTag();
        S3Exception tooSmall = assertThrows(S3Exception.class, () -> complete(s3, id, "rules", part(1, e1), part(2, e2)));
        assertEquals("EntityTooSmall", tooSmall.awsErrorDetails().errorCode());
        assertEquals("InvalidPartOrder", assertThrows(S3Exception.class,
                () -> complete(s3, id, "rules", part(2, e2), part(1, e1))).awsErrorDetails().errorCode());
        assertEquals("InvalidPart", assertThrows(S3Exception.class,
                () -> complete(s3, id, "rules", part(1, "\"0000\""))).awsErrorDetails().errorCode());
        assertEquals("InvalidPart", assertThrows(S3Exception.class,
                () -> complete(s3, id, "rules", part(3, e1))).awsErrorDetails().errorCode());
        complete(s3, id, "rules", part(1, e1));
        assertEquals("small", s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("rules")).asUtf8String());
        S3Exception badNumber = assertThrows(S3Exception.class, () -> s3.uploadPart(b -> b.bucket(BUCKET).key("rules").uploadId("x")
                .partNumber(10001), RequestBody.fromString("x")));
        assertEquals("InvalidArgument", badNumber.awsErrorDetails().errorCode());
    }

    @Test
    void conditionalCompleteAndDeclaredSize(S3Client s3) {
        s3.putObject(b -> b.bucket(BUCKET).key("exists"), RequestBody.fromString("old"));
        String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("exists")).uploadId();
        String e1 = s3.uploadPart(b -> b.bucket(BUCKET).key("exists").uploadId(id).partNumber(1), RequestBody.fromString("new")).eTag();
        S3Exception exists = assertThrows(S3Exception.class, () -> s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("exists")
                .uploadId(id).ifNoneMatch("*").multipartUpload(m -> m.parts(part(1, e1)))));
        assertEquals(412, exists.statusCode());
        S3Exception size = assertThrows(S3Exception.class, () -> s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("exists")
                .uploadId(id).overrideConfiguration(o -> o.putHeader("x-amz-mp-object-size", "99")).multipartUpload(m -> m.parts(part(1, e1)))));
        assertEquals("InvalidRequest", size.awsErrorDetails().errorCode());
        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("exists").uploadId(id).overrideConfiguration(o -> o.putHeader("x-amz-mp-object-size", "3"))
                .multipartUpload(m -> m.parts(part(1, e1))));
        assertEquals("new", s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("exists")).asUtf8String());
    }

    @Test
    void abortAndUnknownUploads(S3Client s3) {
        String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("aborted")).uploadId();
        s3.uploadPart(b -> b.bucket(BUCKET).key("aborted").uploadId(id).partNumber(1), RequestBody.fromString("x"));
        s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("aborted").uploadId(id));
        NoSuchUploadException gone = assertThrows(NoSuchUploadException.class,
                () -> s3.uploadPart(b -> b.bucket(BUCKET).key("aborted").uploadId(id).partNumber(2), RequestBody.fromString("y")));
        assertEquals(404, gone.statusCode());
        assertThrows(NoSuchUploadException.class, () -> s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("aborted").uploadId(id)));
        assertThrows(NoSuchUploadException.class, () -> complete(s3, "nope", "aborted", part(1, "\"x\"")));
    }

    @Test
    void uploadPartCopyWithRange(S3Client s3) {
        byte[] source = random(FIVE_MIB + 100, 3);
        s3.putObject(b -> b.bucket(BUCKET).key("copy-source"), RequestBody.fromBytes(source));
        String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("copied")).uploadId();
        String e1 = s3.uploadPartCopy(b -> b.sourceBucket(BUCKET).sourceKey("copy-source").destinationBucket(BUCKET)
                .destinationKey("copied").uploadId(id).partNumber(1)).copyPartResult().eTag();
        String e2 = s3.uploadPartCopy(b -> b.sourceBucket(BUCKET).sourceKey("copy-source").destinationBucket(BUCKET)
                .destinationKey("copied").uploadId(id).partNumber(2).copySourceRange("bytes=0-9")).copyPartResult().eTag();
        assertEquals("InvalidRange", assertThrows(S3Exception.class, () -> s3.uploadPartCopy(b -> b.sourceBucket(BUCKET)
                .sourceKey("copy-source").destinationBucket(BUCKET).destinationKey("copied").uploadId(id).partNumber(3)
                .copySourceRange("bytes=0-99999999"))).awsErrorDetails().errorCode());
        complete(s3, id, "copied", part(1, e1), part(2, e2));
        byte[] result = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("copied")).asByteArray();
        assertEquals(source.length + 10, result.length);
        assertArrayEquals(java.util.Arrays.copyOf(source, 10), java.util.Arrays.copyOfRange(result, source.length, result.length));
    }

    private static CompletedPart part(int number, String eTag) {
        return CompletedPart.builder().partNumber(number).eTag(eTag).build();
    }

    private static void complete(S3Client s3, String id, String key, CompletedPart... parts) {
        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(id).multipartUpload(m -> m.parts(parts)));
    }
}
