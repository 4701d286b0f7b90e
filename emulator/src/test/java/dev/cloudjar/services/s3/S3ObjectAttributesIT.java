package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** GetObjectAttributes and part-numbered reads through the SDK v2 client with default settings. */
@ExtendWith(CloudJarExtension.class)
class S3ObjectAttributesIT {
    private static final int PART = 5 * 1024 * 1024;

    @Test
    void singleObjectAttributes(S3Client s3) {
        s3.createBucket(b -> b.bucket("attrs"));
        String eTag = s3.putObject(b -> b.bucket("attrs").key("one.txt"), RequestBody.fromString("hello attributes")).eTag();
        GetObjectAttributesResponse attrs = s3.getObjectAttributes(b -> b.bucket("attrs").key("one.txt")
                .objectAttributes(ObjectAttributes.E_TAG, ObjectAttributes.CHECKSUM, ObjectAttributes.OBJECT_PARTS,
                        ObjectAttributes.STORAGE_CLASS, ObjectAttributes.OBJECT_SIZE));
        assertEquals(eTag.replace("\"", ""), attrs.eTag(), "GetObjectAttributes answers the ETag unquoted");
        assertEquals(16L, attrs.objectSize());
        assertEquals(StorageClass.STANDARD, attrs.storageClass());
        assertNotNull(attrs.checksum().checksumCRC32(), "the SDK's default CRC32 is kept");
        assertNull(attrs.objectParts(), "a single PUT has no parts");
        assertNotNull(attrs.lastModified());
        GetObjectAttributesResponse sizeOnly = s3.getObjectAttributes(b -> b.bucket("attrs").key("one.txt")
                .objectAttributes(ObjectAttributes.OBJECT_SIZE));
        assertNull(sizeOnly.eTag());
        assertEquals(16L, sizeOnly.objectSize());
        S3Exception missing = assertThrows(S3Exception.class, () -> s3.getObjectAttributes(b -> b.bucket("attrs").key("none")
                .objectAttributes(ObjectAttributes.E_TAG)));
        assertEquals("NoSuchKey", missing.awsErrorDetails().errorCode());
    }

    @Test
    void multipartPartsArePagedAndReadableByNumber(S3Client s3) {
        s3.createBucket(b -> b.bucket("attrs-mp"));
        s3.putBucketVersioning(b -> b.bucket("attrs-mp").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        String upload = s3.createMultipartUpload(b -> b.bucket("attrs-mp").key("big")).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        int[] sizes = {PART, PART, 1234};
        for (int i = 0; i < sizes.length; i++) {
            int n = i + 1;
            String eTag = s3.uploadPart(b -> b.bucket("attrs-mp").key("big").uploadId(upload).partNumber(n),
                    RequestBody.fromBytes(new byte[sizes[i]])).eTag();
            parts.add(CompletedPart.builder().partNumber(n).eTag(eTag).build());
        }
        String versionId = s3.completeMultipartUpload(b -> b.bucket("attrs-mp").key("big").uploadId(upload)
                .multipartUpload(m -> m.parts(parts))).versionId();
        GetObjectAttributesResponse first = s3.getObjectAttributes(b -> b.bucket("attrs-mp").key("big").maxParts(2)
                .objectAttributes(ObjectAttributes.OBJECT_PARTS, ObjectAttributes.E_TAG));
        assertEquals(3, first.objectParts().totalPartsCount());
        assertEquals(2, first.objectParts().parts().size());
        assertTrue(first.objectParts().isTruncated());
        assertEquals(2, first.objectParts().nextPartNumberMarker());
        assertEquals(versionId, first.versionId());
        assertTrue(first.eTag().endsWith("-3"), first.eTag());
        GetObjectAttributesResponse rest = s3.getObjectAttributes(b -> b.bucket("attrs-mp").key("big").partNumberMarker(2)
                .objectAttributes(ObjectAttributes.OBJECT_PARTS));
        assertEquals(1, rest.objectParts().parts().size());
        assertEquals(3, rest.objectParts().parts().get(0).partNumber());
        assertEquals(1234L, rest.objectParts().parts().get(0).size());

        HeadObjectResponse part2 = s3.headObject(b -> b.bucket("attrs-mp").key("big").partNumber(2));
        assertEquals(3, part2.partsCount());
        assertEquals((long) PART, part2.contentLength());
        S3Exception past = assertThrows(S3Exception.class, () -> s3.getObject(b -> b.bucket("attrs-mp").key("big").partNumber(4)));
        assertEquals("InvalidPartNumber", past.awsErrorDetails().errorCode());
    }
}
