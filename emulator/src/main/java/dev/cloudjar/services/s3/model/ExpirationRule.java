package dev.cloudjar.services.s3.model;

import java.time.Instant;
import java.util.Map;

/**
 * The expiring parts of one Enabled lifecycle rule: its filter (key prefix, tags that must all be on the
 * object, size bounds; null when absent) and its actions (Expiration Days or Date, ExpiredObjectDeleteMarker,
 * NoncurrentVersionExpiration NoncurrentDays / NewerNoncurrentVersions, AbortIncompleteMultipartUpload).
 */
public record ExpirationRule(
        String prefix,
        Map<String, String> tags,
        Long sizeGreaterThan,
        Long sizeLessThan,
        Integer days,
        Instant date,
        boolean expiredObjectDeleteMarker,
        Integer noncurrentDays,
        Integer newerNoncurrentVersions,
        Integer abortAfterDays) {

    public ExpirationRule {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** Whether the filter takes an object of this key, tags and size. */
    public boolean matches(String key, Map<String, String> objectTags, long size) {
        if (prefix != null && !key.startsWith(prefix)) {
            return false;
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (!tag.getValue().equals(objectTags.get(tag.getKey()))) {
                return false;
            }
        }
        return (sizeGreaterThan == null || size > sizeGreaterThan) && (sizeLessThan == null || size < sizeLessThan);
    }
}
