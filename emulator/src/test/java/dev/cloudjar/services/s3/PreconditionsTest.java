package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PreconditionsTest {
    private static final Instant MODIFIED = Instant.parse("2026-01-01T10:00:00.500Z");
    private static final Instant BEFORE = Instant.parse("2026-01-01T09:00:00Z");
    private static final Instant AFTER = Instant.parse("2026-01-01T11:00:00Z");

    private static int status(String ifMatch, String ifNoneMatch, Instant modifiedSince, Instant unmodifiedSince) {
        try {
            Preconditions.checkRead("abc", MODIFIED, ifMatch, ifNoneMatch, modifiedSince, unmodifiedSince);
            return 200;
        } catch (dev.cloudjar.core.AwsException e) {
            return e.status();
        }
    }

    @Test
    void ifMatchAndIfUnmodifiedSince() {
        assertEquals(200, status("\"abc\"", null, null, null));
        assertEquals(200, status("*", null, null, null));
        assertEquals(412, status("\"other\"", null, null, null));
        assertEquals(412, status(null, null, null, BEFORE));
        assertEquals(200, status(null, null, null, AFTER));
        assertEquals(200, status("\"abc\"", null, null, BEFORE), "If-Match wins over If-Unmodified-Since");
    }

    @Test
    void ifNoneMatchAndIfModifiedSince() {
        assertEquals(304, status(null, "\"abc\"", null, null));
        assertEquals(200, status(null, "\"x\", \"y\"", null, null));
        assertEquals(304, status(null, null, AFTER, null));
        assertEquals(304, status(null, null, Instant.parse("2026-01-01T10:00:00Z"), null), "second precision");
        assertEquals(200, status(null, null, BEFORE, null));
        assertEquals(200, status(null, "\"x\"", AFTER, null), "If-None-Match wins over If-Modified-Since");
    }

    @Test
    void copySourceConditionsAreAllPreconditionFailed() {
        assertEquals(412, assertThrows(dev.cloudjar.core.AwsException.class,
                () -> Preconditions.checkCopySource("abc", MODIFIED, null, "abc", null, null)).status());
        assertDoesNotThrow(() -> Preconditions.checkCopySource("abc", MODIFIED, "abc", null, BEFORE, null));
    }
}
