package dev.cloudjar.services.s3.model;

import java.util.Map;

/**
 * The representation headers S3 stores with an object and returns on GET/HEAD. User metadata names
 * are lower case and without the {@code x-amz-meta-} prefix. {@code lock} is the version's Object Lock
 * retention and legal hold (null when none), returned as {@code x-amz-object-lock-*} headers; {@code restore}
 * is the version's latest RestoreObject (null when none), returned as {@code x-amz-restore}; {@code encryption}
 * is set by UpdateObjectEncryption (null: SSE-S3, S3's default).
 */
public record ObjectHeaders(
        String contentType,
        String contentEncoding,
        String contentDisposition,
        String contentLanguage,
        String cacheControl,
        String expires,
        String websiteRedirectLocation,
        String storageClass,
        Map<String, String> userMetadata,
        ObjectLock lock,
        ObjectRestore restore,
        ObjectEncryption encryption) {

    public static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";

    public ObjectHeaders {
        userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
    }

    public ObjectHeaders(String contentType, String contentEncoding, String contentDisposition, String contentLanguage,
            String cacheControl, String expires, String websiteRedirectLocation, String storageClass,
            Map<String, String> userMetadata) {
        this(contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl, expires, websiteRedirectLocation,
                storageClass, userMetadata, null, null, null);
    }

    /** The same headers with another Object Lock state (null: none). */
    public ObjectHeaders withLock(ObjectLock value) {
        return new ObjectHeaders(contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl, expires,
                websiteRedirectLocation, storageClass, userMetadata, value, restore, encryption);
    }

    /** The same headers with another restore state (null: never restored). */
    public ObjectHeaders withRestore(ObjectRestore value) {
        return new ObjectHeaders(contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl, expires,
                websiteRedirectLocation, storageClass, userMetadata, lock, value, encryption);
    }

    /** The same headers with another server-side encryption (null: SSE-S3). */
    public ObjectHeaders withEncryption(ObjectEncryption value) {
        return new ObjectHeaders(contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl, expires,
                websiteRedirectLocation, storageClass, userMetadata, lock, restore, value);
    }

    /** GLACIER and DEEP_ARCHIVE objects are archived: their bytes are read only from a restored copy. */
    public boolean archived() {
        return "GLACIER".equals(storageClass) || "DEEP_ARCHIVE".equals(storageClass);
    }

    public static ObjectHeaders empty() {
        return new ObjectHeaders(null, null, null, null, null, null, null, null, Map.of());
    }

    public String contentTypeOrDefault() {
        return contentType == null ? DEFAULT_CONTENT_TYPE : contentType;
    }

    public String storageClassOrDefault() {
        return storageClass == null ? "STANDARD" : storageClass;
    }
}
