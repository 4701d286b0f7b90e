package dev.cloudjar.services.s3.model;

import java.util.List;

/**
 * GetObjectAttributes: the version read and, for multipart objects, one page of its parts (after
 * {@code PartNumberMarker}, at most {@code MaxParts}).
 */
public record ObjectAttributes(ObjectRecord object, boolean multipart, int partsCount, List<Part> parts, boolean truncated,
        int nextPartNumberMarker) {

    public record Part(int partNumber, long size) {
    }
}
