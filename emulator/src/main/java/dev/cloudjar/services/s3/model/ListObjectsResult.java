package dev.cloudjar.services.s3.model;

import java.util.List;

/**
 * One listing page: objects and common prefixes in key order; {@code nextPosition} is where the next
 * page starts (the last key or common prefix returned) when {@code truncated}.
 */
public record ListObjectsResult(List<ObjectRecord> contents, List<String> commonPrefixes, boolean truncated, String nextPosition) {
    public int keyCount() {
        return contents.size() + commonPrefixes.size();
    }
}
