package dev.cloudjar.services.s3.model;

/** What a finished multipart upload made (its version id, null for the null version, and ETag), so a retried Complete can answer it. */
public record CompletedUpload(String versionId, String eTag) {
}
