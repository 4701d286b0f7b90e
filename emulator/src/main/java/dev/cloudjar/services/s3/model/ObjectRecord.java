package dev.cloudjar.services.s3.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One stored object: its metadata and the segments holding its bytes. {@code eTag} is unquoted
 * (lower-case hex MD5, or {@code hex-N} for multipart uploads); {@code segments} has one entry per
 * multipart part, so GET with {@code partNumber} can answer a part.
 */
public record ObjectRecord(
        String key,
        long size,
        String eTag,
        Instant lastModified,
        ObjectHeaders headers,
        Map<String, String> tags,
        StoredChecksum checksum,
        List<Segment> segments) {

    public ObjectRecord {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    public ObjectRecord withTags(Map<String, String> newTags) {
        return new ObjectRecord(key, size, eTag, lastModified, headers, newTags, checksum, segments);
    }

    public int partsCount() {
        return eTag.indexOf('-') > 0 ? segments.size() : 1;
    }
}
