package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.CompletedFileUpload;

/** S3TransferManager on the Java multipart client: a 200 MB file up (parallel parts) and down, byte for byte. */
@ExtendWith(CloudJarExtension.class)
class S3TransferManagerIT {
    private static final long SIZE = 200L * 1024 * 1024;

    @Test
    void uploadAndDownloadA200MegabyteFile(CloudJar cloudJar, S3Client s3, @TempDir Path dir) throws Exception {
        Path source = dir.resolve("source.bin");
        try (OutputStream out = Files.newOutputStream(source)) {
            Random random = new Random(42);
            byte[] block = new byte[1024 * 1024];
            for (long written = 0; written < SIZE; written += block.length) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        s3.createBucket(b -> b.bucket("transfers"));
        try (S3AsyncClient async = CloudJarExtension.client(S3AsyncClient.builder(), cloudJar).forcePathStyle(true)
                .multipartEnabled(true).multipartConfiguration(m -> m.minimumPartSizeInBytes(16L * 1024 * 1024)
                        .thresholdInBytes(16L * 1024 * 1024)).build();
             S3TransferManager transfers = S3TransferManager.builder().s3Client(async).build()) {
            CompletedFileUpload upload = transfers.uploadFile(u -> u.source(source)
                    .putObjectRequest(p -> p.bucket("transfers").key("big/file.bin"))).completionFuture().join();
            assertTrue(upload.response().eTag().matches("\"[0-9a-f]{32}-\\d+\""), upload.response().eTag());
            HeadObjectResponse head = s3.headObject(b -> b.bucket("transfers").key("big/file.bin"));
            assertEquals(SIZE, head.contentLength());
            Path target = dir.resolve("target.bin");
            transfers.downloadFile(d -> d.destination(target).getObjectRequest(g -> g.bucket("transfers").key("big/file.bin")))
                    .completionFuture().join();
            assertEquals(-1L, Files.mismatch(source, target), "downloaded bytes equal the uploaded ones");
        }
    }
}
