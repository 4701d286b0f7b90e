package dev.cloudjar.services.s3.model;

import java.time.Instant;
import java.util.Map;

/**
 * A multipart upload in progress: what the final object will carry, and the checksum algorithm and
 * type the parts must use (null when none was asked for).
 */
public record UploadRecord(
        String bucket,
        String key,
        String uploadId,
        Instant initiated,
        ObjectHeaders headers,
        Map<String, String> tags,
        String checksumAlgorithm,
        String checksumType,
        AccessControlPolicy acl) {

    public UploadRecord {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public UploadRecord(String bucket, String key, String uploadId, Instant initiated, ObjectHeaders headers,
            Map<String, String> tags, String checksumAlgorithm, String checksumType) {
        this(bucket, key, uploadId, initiated, headers, tags, checksumAlgorithm, checksumType, null);
    }
}
