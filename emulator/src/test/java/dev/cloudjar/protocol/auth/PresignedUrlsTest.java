package dev.cloudjar.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.core.AwsException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PresignedUrlsTest {
    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");

    @Test
    void sigV4WithinItsExpiryPasses() {
        Map<String, String> q = Map.of("X-Amz-Credential", "a/20261122/us-east-1/s3/aws4_request", "X-Amz-Date", "20261122T005930Z",
                "X-Amz-Expires", "60", "X-Amz-Signature", "x");
        assertTrue(PresignedUrls.isPresigned(q::get));
        assertDoesNotThrow(() -> PresignedUrls.checkNotExpired(q::get, NOW));
    }

    @Test
    void sigV4PastItsExpiryIsAccessDenied() {
        Map<String, String> q = Map.of("X-Amz-Credential", "a/20261122/us-east-1/s3/aws4_request", "X-Amz-Date", "20261122T005830Z",
                "X-Amz-Expires", "60", "X-Amz-Signature", "x");
        AwsException e = assertThrows(AwsException.class, () -> PresignedUrls.checkNotExpired(q::get, NOW));
        assertEquals(403, e.status());
        assertEquals("AccessDenied", e.code());
        assertEquals("Request has expired", e.getMessage());
    }

    @Test
    void sigV4LongerThanAWeekIsRejected() {
        Map<String, String> q = Map.of("X-Amz-Credential", "c", "X-Amz-Date", "20261122T005830Z", "X-Amz-Expires", "604801");
        assertEquals("AuthorizationQueryParametersError",
                assertThrows(AwsException.class, () -> PresignedUrls.checkNotExpired(q::get, NOW)).code());
    }

    @Test
    void sigV2ExpiresIsAnEpoch() {
        long epoch = NOW.getEpochSecond();
        Map<String, String> fresh = Map.of("AWSAccessKeyId", "test", "Signature", "s", "Expires", String.valueOf(epoch + 10));
        assertDoesNotThrow(() -> PresignedUrls.checkNotExpired(fresh::get, NOW));
        Map<String, String> old = Map.of("AWSAccessKeyId", "test", "Signature", "s", "Expires", String.valueOf(epoch - 10));
        assertEquals(403, assertThrows(AwsException.class, () -> PresignedUrls.checkNotExpired(old::get, NOW)).status());
    }
}
