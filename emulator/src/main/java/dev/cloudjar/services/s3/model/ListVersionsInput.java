package dev.cloudjar.services.s3.model;

/** ListObjectVersions: prefix, delimiter, the key-marker / version-id-marker position and max-keys. */
public record ListVersionsInput(String bucket, String prefix, String delimiter, String keyMarker, String versionIdMarker,
        int maxKeys) {
}
