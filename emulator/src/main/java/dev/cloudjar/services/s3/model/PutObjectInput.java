package dev.cloudjar.services.s3.model;

import java.util.Map;

/**
 * PutObject's members apart from the body: representation headers, tags (x-amz-tagging) and the
 * conditional-write headers If-Match / If-None-Match (null when absent).
 */
public record PutObjectInput(String bucket, String key, ObjectHeaders headers, Map<String, String> tags, String ifMatch,
        String ifNoneMatch, AclInput acl) {
    public PutObjectInput(String bucket, String key, ObjectHeaders headers, Map<String, String> tags) {
        this(bucket, key, headers, tags, null, null, null);
    }

    public PutObjectInput(String bucket, String key, ObjectHeaders headers, Map<String, String> tags, String ifMatch,
            String ifNoneMatch) {
        this(bucket, key, headers, tags, ifMatch, ifNoneMatch, null);
    }

    public PutObjectInput withHeaders(ObjectHeaders value) {
        return new PutObjectInput(bucket, key, value, tags, ifMatch, ifNoneMatch, acl);
    }
}
