package dev.cloudjar.services.s3.model;

/** A bucket sub-resource configuration kept as the document the client sent (returned as S3 returns it: as put). */
public record BucketDocument(String body) {
}
