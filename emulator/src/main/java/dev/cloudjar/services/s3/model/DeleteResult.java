package dev.cloudjar.services.s3.model;

/**
 * What a DeleteObject did: the key, the version id the caller named (null when none), the version id it
 * removed or created (null when the bucket was never versioned and no version was named) and whether
 * that version is a delete marker. In a DeleteObjects answer, {@code errorCode} / {@code errorMessage}
 * are set instead when that key could not be deleted.
 */
public record DeleteResult(String key, String requestedVersionId, String versionId, boolean deleteMarker, String errorCode,
        String errorMessage) {

    public DeleteResult(String key, String requestedVersionId, String versionId, boolean deleteMarker) {
        this(key, requestedVersionId, versionId, deleteMarker, null, null);
    }
}
