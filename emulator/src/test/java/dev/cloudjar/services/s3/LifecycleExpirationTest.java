package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.services.s3.model.ExpirationRule;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleExpirationTest {

    @Test
    void aDayCountEndsAtTheNextMidnightUtc() {
        // S3's own example: created 2014-01-15 10:30 UTC, 3 days -> 2014-01-19 00:00 UTC
        assertEquals(Instant.parse("2014-01-19T00:00:00Z"), LifecycleExpiration.due(Instant.parse("2014-01-15T10:30:00Z"), 3));
        assertEquals(Instant.parse("2014-01-16T00:00:00Z"), LifecycleExpiration.due(Instant.parse("2014-01-15T00:00:00Z"), 1));
        assertEquals(Instant.parse("2014-01-17T00:00:00Z"), LifecycleExpiration.due(Instant.parse("2014-01-15T00:00:00.001Z"), 1));
        assertEquals(Instant.parse("2015-01-01T00:00:00Z"), LifecycleExpiration.due(Instant.parse("2014-12-30T23:59:59Z"), 1));
    }

    private static ExpirationRule rule(String prefix, Map<String, String> tags, Long greater, Long less) {
        return new ExpirationRule(prefix, tags, greater, less, 1, null, false, null, null, null);
    }

    @Test
    void filtersTakePrefixEveryTagAndSizeBounds() {
        assertTrue(rule(null, Map.of(), null, null).matches("any", Map.of(), 0));
        assertTrue(rule("logs/", Map.of(), null, null).matches("logs/a", Map.of(), 0));
        assertFalse(rule("logs/", Map.of(), null, null).matches("log/a", Map.of(), 0));
        ExpirationRule tagged = rule(null, Map.of("env", "tmp", "team", "a"), null, null);
        assertTrue(tagged.matches("k", Map.of("env", "tmp", "team", "a", "more", "x"), 0));
        assertFalse(tagged.matches("k", Map.of("env", "tmp"), 0));
        assertFalse(tagged.matches("k", Map.of("env", "prod", "team", "a"), 0));
        ExpirationRule sized = rule("p", Map.of(), 10L, 20L);
        assertTrue(sized.matches("p1", Map.of(), 11));
        assertFalse(sized.matches("p1", Map.of(), 10));
        assertFalse(sized.matches("p1", Map.of(), 20));
        assertFalse(sized.matches("q1", Map.of(), 15));
    }
}
