package dev.cloudjar.services.s3.model;

import java.util.List;

/**
 * A ListObjectVersions page: versions and delete markers in S3's order (key ascending, newest first),
 * each with whether it is the key's current version; common prefixes; where the next page starts.
 */
public record VersionsPage(List<Entry> versions, List<String> commonPrefixes, boolean truncated, String nextKeyMarker,
        String nextVersionIdMarker) {

    public record Entry(ObjectRecord version, boolean latest) {
    }
}
