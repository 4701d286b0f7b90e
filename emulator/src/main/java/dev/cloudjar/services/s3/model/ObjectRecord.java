package dev.cloudjar.services.s3.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One stored object version: its metadata and the segments holding its bytes. {@code eTag} is unquoted
 * (lower-case hex MD5, or {@code hex-N} for multipart uploads); {@code segments} has one entry per
 * multipart part, so GET with {@code partNumber} can answer a part. {@code versionId} is null for S3's
 * {@code null} version (written while versioning was off or suspended); a {@code deleteMarker} has no
 * bytes, size 0 and no ETag. {@code acl} is null unless a write or PutObjectAcl set one.
 */
public record ObjectRecord(
        String key,
        long size,
        String eTag,
        Instant lastModified,
        ObjectHeaders headers,
        Map<String, String> tags,
        StoredChecksum checksum,
        List<Segment> segments,
        String versionId,
        boolean deleteMarker,
        AccessControlPolicy acl) {

    public static final String NULL_VERSION = "null";

    public ObjectRecord {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    public ObjectRecord(String key, long size, String eTag, Instant lastModified, ObjectHeaders headers,
            Map<String, String> tags, StoredChecksum checksum, List<Segment> segments) {
        this(key, size, eTag, lastModified, headers, tags, checksum, segments, null, false, null);
    }

    public static ObjectRecord marker(String key, String versionId, Instant when) {
        return new ObjectRecord(key, 0, null, when, null, null, null, null, versionId, true, null);
    }

    public ObjectRecord withTags(Map<String, String> newTags) {
        return new ObjectRecord(key, size, eTag, lastModified, headers, newTags, checksum, segments, versionId, deleteMarker, acl);
    }

    public ObjectRecord withVersionId(String id) {
        return new ObjectRecord(key, size, eTag, lastModified, headers, tags, checksum, segments, id, deleteMarker, acl);
    }

    public ObjectRecord withHeaders(ObjectHeaders value) {
        return new ObjectRecord(key, size, eTag, lastModified, value, tags, checksum, segments, versionId, deleteMarker, acl);
    }

    /** The version's Object Lock state (null when none). */
    public ObjectLock lock() {
        return headers == null ? null : headers.lock();
    }

    /** The ACL stored with this version; null means the owner's full control. */
    public ObjectRecord withAcl(AccessControlPolicy value) {
        return new ObjectRecord(key, size, eTag, lastModified, headers, tags, checksum, segments, versionId, deleteMarker, value);
    }

    /** The id S3 reports: {@code null} (the string) for the null version. */
    public String versionIdOrNull() {
        return versionId == null ? NULL_VERSION : versionId;
    }

    public boolean hasVersion(String id) {
        return NULL_VERSION.equals(id) ? versionId == null : id != null && id.equals(versionId);
    }

    public int partsCount() {
        return eTag != null && eTag.indexOf('-') > 0 ? segments.size() : 1;
    }
}
