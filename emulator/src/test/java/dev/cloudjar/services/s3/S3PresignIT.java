package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Presigned GET and PUT URLs from the SDK v2 presigner (SigV4 query), fetched with a plain HTTP client; expiry enforced. */
@ExtendWith(CloudJarExtension.class)
class S3PresignIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void presignedGetAndPutWorkAndExpire(CloudJar cloudJar, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("presigned"));
        s3.putObject(b -> b.bucket("presigned").key("doc.txt"), RequestBody.fromString("signed content"));
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(URI.create(cloudJar.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
            URI get = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("presigned").key("doc.txt"))).url().toURI();
            assertTrue(get.getQuery().contains("X-Amz-Expires=300"));
            HttpResponse<String> fetched = http.send(HttpRequest.newBuilder(get).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, fetched.statusCode());
            assertEquals("signed content", fetched.body());

            URI put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(r -> r.bucket("presigned").key("uploaded.txt"))).url().toURI();
            HttpResponse<String> stored = http.send(HttpRequest.newBuilder(put).PUT(HttpRequest.BodyPublishers.ofString("from a browser"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, stored.statusCode(), stored.body());
            assertEquals("from a browser", s3.getObjectAsBytes(b -> b.bucket("presigned").key("uploaded.txt")).asUtf8String());
        }
        URI expired = URI.create(cloudJar.endpoint() + "/presigned/doc.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=test%2F20200101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20200101T000000Z"
                + "&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature=" + "0".repeat(64));
        HttpResponse<String> denied = http.send(HttpRequest.newBuilder(expired).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, denied.statusCode());
        assertTrue(denied.body().contains("<Code>AccessDenied</Code>") && denied.body().contains("Request has expired"), denied.body());
        URI expiredV2 = URI.create(cloudJar.endpoint() + "/presigned/doc.txt?AWSAccessKeyId=test&Signature=abc%3D&Expires=1000");
        assertEquals(403, http.send(HttpRequest.newBuilder(expiredV2).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
