package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.testing.CloudJarExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** With a data directory, buckets, objects, their metadata and multipart uploads in progress survive a restart. */
class S3RestartIT {

    private static S3Client client(CloudJar cloudJar) {
        return CloudJarExtension.client(S3Client.builder(), cloudJar).forcePathStyle(true).build();
    }

    @Test
    void stateSurvivesARestart(@TempDir Path dataDir) {
        CloudJarConfig config = CloudJarConfig.defaults().withPort(0).withDataDir(dataDir);
        String uploadId;
        String firstETag;
        try (CloudJar first = CloudJar.start(config); S3Client s3 = client(first)) {
            s3.createBucket(b -> b.bucket("durable"));
            s3.putBucketTagging(b -> b.bucket("durable").tagging(t -> t.tagSet(s -> s.key("k").value("v"))));
            s3.putObject(b -> b.bucket("durable").key("kept.txt").contentType("text/plain").metadata(Map.of("color", "blue"))
                    .tagging("a=1"), RequestBody.fromString("still here"));
            uploadId = s3.createMultipartUpload(b -> b.bucket("durable").key("pending.bin")).uploadId();
            firstETag = s3.uploadPart(b -> b.bucket("durable").key("pending.bin").uploadId(uploadId).partNumber(1),
                    RequestBody.fromString("part one")).eTag();
        }
        try (CloudJar second = CloudJar.start(config); S3Client s3 = client(second)) {
            assertEquals("still here", s3.getObjectAsBytes(b -> b.bucket("durable").key("kept.txt")).asUtf8String());
            HeadObjectResponse head = s3.headObject(b -> b.bucket("durable").key("kept.txt"));
            assertEquals("text/plain", head.contentType());
            assertEquals(Map.of("color", "blue"), head.metadata());
            assertEquals("a", s3.getObjectTagging(b -> b.bucket("durable").key("kept.txt")).tagSet().get(0).key());
            assertEquals("v", s3.getBucketTagging(b -> b.bucket("durable")).tagSet().get(0).value());
            assertEquals(List.of(uploadId), s3.listMultipartUploads(b -> b.bucket("durable")).uploads().stream()
                    .map(u -> u.uploadId()).toList());
            assertEquals(firstETag, s3.listParts(b -> b.bucket("durable").key("pending.bin").uploadId(uploadId)).parts().get(0).eTag());
            s3.completeMultipartUpload(b -> b.bucket("durable").key("pending.bin").uploadId(uploadId)
                    .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(firstETag).build())));
            assertEquals("part one", s3.getObjectAsBytes(b -> b.bucket("durable").key("pending.bin")).asUtf8String());
        }
    }
}
