package dev.cloudjar.junit;

import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

@CloudJarTest(shared = true)
class SharedTwoIT {
    @Test
    void runsOnTheSharedCloudJarWithAnEmptyState(URI endpoint, S3Client s3) {
        SharedServer.check(endpoint, s3, "bucket-of-class-two");
    }
}
