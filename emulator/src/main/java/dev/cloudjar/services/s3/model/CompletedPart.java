package dev.cloudjar.services.s3.model;

/** A part named in a CompleteMultipartUpload body; the ETag may be quoted, checksums may be null. */
public record CompletedPart(int partNumber, String eTag, String checksumAlgorithm, String checksumValue) {
}
