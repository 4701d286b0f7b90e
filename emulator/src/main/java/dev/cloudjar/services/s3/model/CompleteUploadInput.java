package dev.cloudjar.services.s3.model;

import java.util.List;

/**
 * CompleteMultipartUpload: the parts to assemble, the full-object checksum the client sent (base64,
 * null when none), the object size it expects ({@code x-amz-mp-object-size}, null when absent) and the
 * conditional-write headers If-Match / If-None-Match.
 */
public record CompleteUploadInput(
        String bucket,
        String key,
        String uploadId,
        List<CompletedPart> parts,
        String fullObjectChecksum,
        Long expectedSize,
        String ifMatch,
        String ifNoneMatch) {
}
