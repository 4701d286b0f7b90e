package dev.cloudjar.services.s3.model;

import java.time.Instant;
import java.util.Map;

/**
 * CopyObject: source, destination, the metadata/tagging directives (REPLACE takes {@code headers}
 * and {@code tags} from the request), the x-amz-copy-source-if-* conditions and the checksum
 * algorithm the copy should carry (null: the source's) and the source version (null: the current one).
 */
public record CopyObjectInput(
        String sourceBucket,
        String sourceKey,
        String bucket,
        String key,
        boolean replaceMetadata,
        ObjectHeaders headers,
        boolean replaceTags,
        Map<String, String> tags,
        String ifMatch,
        String ifNoneMatch,
        Instant ifModifiedSince,
        Instant ifUnmodifiedSince,
        String checksumAlgorithm,
        String sourceVersionId,
        AclInput acl) {

    public CopyObjectInput withHeaders(ObjectHeaders value) {
        return new CopyObjectInput(sourceBucket, sourceKey, bucket, key, replaceMetadata, value, replaceTags, tags, ifMatch,
                ifNoneMatch, ifModifiedSince, ifUnmodifiedSince, checksumAlgorithm, sourceVersionId, acl);
    }
}
