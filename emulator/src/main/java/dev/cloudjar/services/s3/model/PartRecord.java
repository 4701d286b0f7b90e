package dev.cloudjar.services.s3.model;

import java.time.Instant;

/** An uploaded part: unquoted MD5 ETag, size, the blob holding it and its flexible checksum (may be null). */
public record PartRecord(
        int partNumber,
        String eTag,
        long size,
        Instant lastModified,
        String blob,
        String checksumAlgorithm,
        String checksumValue) {
}
