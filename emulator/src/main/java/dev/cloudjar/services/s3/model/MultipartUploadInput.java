package dev.cloudjar.services.s3.model;

import java.util.Map;

/** CreateMultipartUpload: what the object will carry (with its ACL) and the checksum algorithm/type of its parts. */
public record MultipartUploadInput(
        String bucket,
        String key,
        ObjectHeaders headers,
        Map<String, String> tags,
        String checksumAlgorithm,
        String checksumType,
        AclInput acl) {

    public MultipartUploadInput(String bucket, String key, ObjectHeaders headers, Map<String, String> tags,
            String checksumAlgorithm, String checksumType) {
        this(bucket, key, headers, tags, checksumAlgorithm, checksumType, null);
    }

    public MultipartUploadInput withHeaders(ObjectHeaders value) {
        return new MultipartUploadInput(bucket, key, value, tags, checksumAlgorithm, checksumType, acl);
    }
}
