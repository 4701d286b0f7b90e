package dev.cloudjar.services.s3.model;

/** CopyObject's outcome: the new object (with its version id) and the version id of the source copied. */
public record CopyResult(ObjectRecord object, String sourceVersionId) {
}
