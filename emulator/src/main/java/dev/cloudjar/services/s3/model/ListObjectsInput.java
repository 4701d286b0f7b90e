package dev.cloudjar.services.s3.model;

/**
 * ListObjects (v1) and ListObjectsV2 input. {@code after} is the exclusive start position: the v1
 * marker, or for v2 the later of start-after and the decoded continuation token.
 */
public record ListObjectsInput(String bucket, String prefix, String delimiter, String after, int maxKeys) {
}
