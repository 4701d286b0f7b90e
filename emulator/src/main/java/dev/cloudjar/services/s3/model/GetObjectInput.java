package dev.cloudjar.services.s3.model;

import java.time.Instant;

/**
 * GetObject/HeadObject members that change what is returned: the raw Range header, the part number,
 * the four conditional headers (dates already parsed; null when absent or unparseable) and the
 * version asked for (null: the current one).
 */
public record GetObjectInput(
        String bucket,
        String key,
        String range,
        Integer partNumber,
        String ifMatch,
        String ifNoneMatch,
        Instant ifModifiedSince,
        Instant ifUnmodifiedSince,
        String versionId) {

    public GetObjectInput(String bucket, String key, String range, Integer partNumber, String ifMatch, String ifNoneMatch,
            Instant ifModifiedSince, Instant ifUnmodifiedSince) {
        this(bucket, key, range, partNumber, ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince, null);
    }
}
