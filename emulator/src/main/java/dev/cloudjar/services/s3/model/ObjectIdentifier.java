package dev.cloudjar.services.s3.model;

/** An object named in DeleteObjects: key and, optionally, version id. */
public record ObjectIdentifier(String key, String versionId) {
}
