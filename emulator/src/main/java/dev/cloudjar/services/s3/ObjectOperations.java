package dev.cloudjar.services.s3;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.s3.model.AccessControlPolicy;
import dev.cloudjar.services.s3.model.AclInput;
import dev.cloudjar.services.s3.model.CopyObjectInput;
import dev.cloudjar.services.s3.model.ObjectAttributes;
import dev.cloudjar.services.s3.model.CopyResult;
import dev.cloudjar.services.s3.model.DeleteResult;
import dev.cloudjar.services.s3.model.ObjectIdentifier;
import dev.cloudjar.services.s3.model.GetObjectInput;
import dev.cloudjar.services.s3.model.ObjectEncryption;
import dev.cloudjar.services.s3.model.ObjectHeaders;
import dev.cloudjar.services.s3.model.ObjectLock;
import dev.cloudjar.services.s3.model.ObjectRead;
import dev.cloudjar.services.s3.model.ObjectRecord;
import dev.cloudjar.services.s3.model.PutObjectInput;
import dev.cloudjar.services.s3.model.Segment;
import dev.cloudjar.services.s3.model.StoredChecksum;
import dev.cloudjar.services.s3.model.UploadBody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/** Objects: put, read, delete, copy, tagging. */
final class ObjectOperations {
    static final int MAX_KEY_BYTES = 1024;
    /** The largest single PUT, UploadPart or copy source S3 accepts: 5 GiB. */
    static final long MAX_SINGLE_SIZE = 5L * 1024 * 1024 * 1024;
    private final S3State state;
    private final ObjectVersions versions;
    private final AccessControl access;
    private final ObjectRestores restores;

    ObjectOperations(S3State state, AccessControl access, ObjectRestores restores) {
        this.state = state;
        this.versions = new ObjectVersions(state);
        this.access = access;
        this.restores = restores;
    }

    static void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw S3Errors.invalidArgument("Invalid argument", "key", key);
        }
        if (key.length() > MAX_KEY_BYTES / 3) {
            int bytes = key.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_KEY_BYTES) {
                throw S3Errors.keyTooLong(bytes);
            }
        }
    }

    static void checkSize(UploadBody body) {
        if (body.declaredLength() > MAX_SINGLE_SIZE) {
            throw S3Errors.entityTooLarge(body.declaredLength(), MAX_SINGLE_SIZE);
        }
    }

    ObjectRecord put(Scope scope, PutObjectInput in, UploadBody body, Caller caller) {
        return put(scope, in, body, caller, "ObjectCreated:Put");
    }

    ObjectRecord put(Scope scope, PutObjectInput in, UploadBody body, Caller caller, String eventName) {
        state.bucket(in.bucket());
        checkKey(in.key());
        checkSize(body);
        TagRules.validate(in.tags(), 10);
        AccessControlPolicy acl = access.objectAclFor(in.bucket(), in.acl());
        BlobIO.Stored stored = BlobIO.ingest(state.blobs, body);
        StoredChecksum checksum = stored.checksumAlgorithm() == null ? null
                : new StoredChecksum(stored.checksumAlgorithm(), stored.checksumValue(), "FULL_OBJECT");
        ObjectRecord record = new ObjectRecord(in.key(), stored.size(), stored.md5(), state.ctx.clock().instant(),
                in.headers(), in.tags(), checksum, List.of(new Segment(stored.blob(), stored.size())));
        ObjectRecord committed = commitNew(in.bucket(), acl == null ? record : record.withAcl(acl),
                previous -> checkWriteConditions(previous, in.key(), in.ifMatch(), in.ifNoneMatch()));
        state.publish(scope, in.bucket(), in.key(), eventName, committed, caller);
        return committed;
    }

    /** Conditional writes: If-None-Match: * fails when the key exists, If-Match when its ETag differs or it is absent. */
    static void checkWriteConditions(ObjectRecord previous, String key, String ifMatch, String ifNoneMatch) {
        if (ifNoneMatch != null && previous != null && Preconditions.matches(ifNoneMatch, previous.eTag())) {
            throw S3Errors.preconditionFailed("If-None-Match");
        }
        if (ifMatch != null) {
            if (previous == null) {
                throw S3Errors.noSuchKey(key);
            }
            if (!Preconditions.matches(ifMatch, previous.eTag())) {
                throw S3Errors.preconditionFailed("If-Match");
            }
        }
    }

    ObjectRecord commit(String bucket, ObjectRecord record) {
        return commit(bucket, record, previous -> { });
    }

    /** Commits a record whose bytes were written for it alone: if the commit is refused, they are freed. */
    private ObjectRecord commitNew(String bucket, ObjectRecord record, java.util.function.Consumer<ObjectRecord> check) {
        try {
            return commit(bucket, record, check);
        } catch (RuntimeException refused) {
            state.deleteBlobs(record.segments());
            throw refused;
        }
    }

    /**
     * Stores a new version of a key after {@code check} accepted the current one (under the key's
     * lock), then frees the bytes of a version it replaced. A rejected write leaves its own bytes to
     * the caller (multipart parts stay with their upload). Returns the record with its version id.
     */
    ObjectRecord commit(String bucket, ObjectRecord record, java.util.function.Consumer<ObjectRecord> check) {
        return versions.commit(bucket, record, check);
    }

    ObjectRecord find(String bucket, String key) {
        return versions.find(bucket, key, null);
    }

    /** A version that has bytes: a delete marker named by id is S3's 405 MethodNotAllowed. */
    ObjectRecord find(String bucket, String key, String versionId, String method) {
        ObjectRecord found = versions.find(bucket, key, versionId);
        if (found.deleteMarker()) {
            throw S3Errors.deleteMarkerNotAllowed(method, found.versionIdOrNull(), found.lastModified());
        }
        return found;
    }

    /** GetObject ({@code head} false: an archived version needs a restored copy) or HeadObject. */
    ObjectRead read(GetObjectInput in, boolean head) {
        ObjectRecord object = find(in.bucket(), in.key(), in.versionId(), "GET");
        if (!head) {
            restores.checkReadable(object);
        }
        Preconditions.checkRead(object.eTag(), object.lastModified(), in.ifMatch(), in.ifNoneMatch(),
                in.ifModifiedSince(), in.ifUnmodifiedSince());
        if (in.partNumber() != null) {
            if (in.range() != null) {
                throw S3Errors.invalidRequest("Cannot specify both Range header and partNumber query parameter");
            }
            return part(object, in.partNumber());
        }
        long[] range = ByteRanges.parse(in.range(), object.size());
        if (range == null) {
            return new ObjectRead(object, 0, object.size(), false);
        }
        return new ObjectRead(object, range[0], range[1] - range[0] + 1, true);
    }

    private static ObjectRead part(ObjectRecord object, int partNumber) {
        int count = object.partsCount();
        if (partNumber < 1 || partNumber > count) {
            throw new AwsException(416, "InvalidPartNumber", "The requested partnumber is not satisfiable")
                    .with("PartNumberRequested", String.valueOf(partNumber)).with("ActualPartCount", String.valueOf(count));
        }
        if (count == 1) {
            return new ObjectRead(object, 0, object.size(), true);
        }
        long offset = 0;
        for (int i = 0; i < partNumber - 1; i++) {
            offset += object.segments().get(i).size();
        }
        return new ObjectRead(object, offset, object.segments().get(partNumber - 1).size(), true);
    }

    java.io.InputStream open(ObjectRead read) {
        return BlobIO.open(state.blobs, read.object(), read.offset(), read.length());
    }

    /** Deletes a key or one of its versions (absent ones are fine: S3 answers 204 either way). */
    DeleteResult delete(Scope scope, String bucket, String key, String versionId, Caller caller) {
        return delete(scope, bucket, key, versionId, caller, version -> { });
    }

    /** As above; {@code guard} may refuse removing a named version (Object Lock). */
    DeleteResult delete(Scope scope, String bucket, String key, String versionId, Caller caller,
            java.util.function.Consumer<ObjectRecord> guard) {
        return delete(scope, bucket, key, versionId, caller, guard, ObjectVersions.REMOVED);
    }

    /** As above, announced as {@code events}{@code :Delete} / {@code :DeleteMarkerCreated}. */
    DeleteResult delete(Scope scope, String bucket, String key, String versionId, Caller caller,
            java.util.function.Consumer<ObjectRecord> guard, String events) {
        DeleteResult versioned = versions.delete(scope, bucket, key, versionId, caller, guard, events);
        if (versioned != null) {
            return versioned;
        }
        deleteUnversioned(scope, bucket, key, caller, events);
        return new DeleteResult(key, null, null, false);
    }

    private void deleteUnversioned(Scope scope, String bucket, String key, Caller caller, String events) {
        ObjectRecord previous;
        ReentrantLock lock = state.lock(bucket, key);
        lock.lock();
        try {
            String storedKey = S3State.objectKey(bucket, key);
            previous = state.objects.get(storedKey);
            if (previous != null) {
                state.objects.remove(storedKey);
            }
        } finally {
            lock.unlock();
        }
        if (previous != null) {
            state.releaseBlobs(previous.segments());
            state.publish(scope, bucket, key, events + ":Delete", null, caller);
        }
    }

    List<DeleteResult> deleteMany(Scope scope, String bucket, List<ObjectIdentifier> objects, Caller caller) {
        return deleteMany(scope, bucket, objects, caller, version -> { });
    }

    List<DeleteResult> deleteMany(Scope scope, String bucket, List<ObjectIdentifier> objects, Caller caller,
            java.util.function.Consumer<ObjectRecord> guard) {
        state.bucket(bucket);
        if (objects.isEmpty() || objects.size() > 1000) {
            throw S3Errors.malformedXml();
        }
        List<DeleteResult> results = new ArrayList<>(objects.size());
        for (ObjectIdentifier object : objects) {
            try {
                results.add(delete(scope, bucket, object.key(), object.versionId(), caller, guard));
            } catch (AwsException e) {
                results.add(new DeleteResult(object.key(), object.versionId(), null, false, e.code(), e.getMessage()));
            }
        }
        return results;
    }

    /** The object a copy reads: a delete marker named by id is S3's InvalidRequest. */
    ObjectRecord copySource(String bucket, String key, String versionId) {
        ObjectRecord source = versions.find(bucket, key, versionId);
        if (source.deleteMarker()) {
            throw S3Errors.invalidRequest("The source of a copy request may not specifically refer to a delete marker by version id.");
        }
        restores.checkCopySource(source);
        return source;
    }

    CopyResult copy(Scope scope, CopyObjectInput in, Caller caller) {
        ObjectRecord source = copySource(in.sourceBucket(), in.sourceKey(), in.sourceVersionId());
        state.bucket(in.bucket());
        checkKey(in.key());
        Preconditions.checkCopySource(source.eTag(), source.lastModified(), in.ifMatch(), in.ifNoneMatch(),
                in.ifModifiedSince(), in.ifUnmodifiedSince());
        boolean sameKey = in.sourceBucket().equals(in.bucket()) && in.sourceKey().equals(in.key());
        // Copying an older version onto its own key restores it; only copying the current one onto itself needs a change.
        boolean self = sameKey && (in.sourceVersionId() == null || source.equals(state.objects.get(S3State.objectKey(in.bucket(), in.key()))));
        if (!self && source.size() > MAX_SINGLE_SIZE) {
            throw S3Errors.invalidRequest("The specified copy source is larger than the maximum allowable size for a copy "
                    + "source: " + MAX_SINGLE_SIZE);
        }
        ObjectHeaders headers = in.replaceMetadata() ? in.headers() : source.headers();
        if (!in.replaceMetadata() && in.headers() != null && in.headers().storageClass() != null) {
            headers = withStorageClass(headers, in.headers().storageClass());
        }
        if (self && !in.replaceMetadata() && (in.headers() == null || in.headers().storageClass() == null)) {
            throw S3Errors.invalidRequest("This copy request is illegal because it is trying to copy an object to itself "
                    + "without changing the object's metadata, storage class, website redirect location or encryption attributes.");
        }
        // Object Lock settings are the request's (or the bucket's default), never the source's.
        ObjectLock requestedLock = in.headers() == null ? null : in.headers().lock();
        if (headers != null || requestedLock != null) {
            // nor is a restored copy: the new version is not archived, or archived anew
            headers = (headers == null ? ObjectHeaders.empty() : headers).withLock(requestedLock).withRestore(null).withEncryption(null);
        }
        Map<String, String> tags = in.replaceTags() ? in.tags() : source.tags();
        TagRules.validate(tags, 10);
        AccessControlPolicy acl = access.objectAclFor(in.bucket(), in.acl());
        ObjectRecord record;
        if (sameKey) {
            // Only metadata changes: the new version shares the stored bytes.
            record = new ObjectRecord(in.key(), source.size(), source.eTag(), state.ctx.clock().instant(), headers, tags,
                    source.checksum(), source.segments());
        } else {
            StoredChecksum sourceChecksum = source.checksum();
            String wanted = in.checksumAlgorithm() != null ? in.checksumAlgorithm()
                    : sourceChecksum == null ? null : sourceChecksum.algorithm();
            // A full-object checksum of the same algorithm stays valid for identical bytes; anything else is recomputed.
            boolean keep = sourceChecksum != null && !sourceChecksum.composite() && sourceChecksum.algorithm().equals(wanted);
            BlobIO.Stored stored = BlobIO.copy(state.blobs, source, 0, source.size(), keep ? null : wanted);
            StoredChecksum checksum = keep ? sourceChecksum : stored.checksumValue() == null ? null
                    : new StoredChecksum(wanted, stored.checksumValue(), "FULL_OBJECT");
            record = new ObjectRecord(in.key(), stored.size(), stored.md5(), state.ctx.clock().instant(), headers, tags,
                    checksum, List.of(new Segment(stored.blob(), stored.size())));
        }
        if (acl != null) {
            record = record.withAcl(acl);
        }
        ObjectRecord stored = sameKey ? commit(in.bucket(), record) : commitNew(in.bucket(), record, previous -> { });
        state.publish(scope, in.bucket(), in.key(), "ObjectCreated:Copy", stored, caller);
        return new CopyResult(stored, source.versionId());
    }

    private static ObjectHeaders withStorageClass(ObjectHeaders h, String storageClass) {
        return new ObjectHeaders(h.contentType(), h.contentEncoding(), h.contentDisposition(), h.contentLanguage(),
                h.cacheControl(), h.expires(), h.websiteRedirectLocation(), storageClass, h.userMetadata());
    }

    /** Returns the version id of the object tagged. */
    String putTags(String bucket, String key, String versionId, Map<String, String> tags) {
        TagRules.validate(tags, 10);
        find(bucket, key, versionId, "PUT");
        return versions.update(bucket, key, versionId, o -> o.withTags(tags)).versionId();
    }

    /**
     * UpdateObjectEncryption: the version (null: current) is now SSE-KMS with {@code kmsKeyArn}, everything
     * else (ETag, Last-Modified, storage class, checksums) kept. Returns its version id.
     */
    String updateEncryption(String bucket, String key, String versionId, String kmsKeyArn, boolean bucketKeyEnabled) {
        if (kmsKeyArn == null || kmsKeyArn.isBlank()) {
            throw S3Errors.malformedXml();
        }
        find(bucket, key, versionId, "PUT");
        ObjectEncryption encryption = new ObjectEncryption(ObjectEncryption.KMS, kmsKeyArn, bucketKeyEnabled);
        return versions.update(bucket, key, versionId, o -> o.withHeaders(
                (o.headers() == null ? ObjectHeaders.empty() : o.headers()).withEncryption(encryption))).versionId();
    }

    /** The ACL a new object may carry (null: the default), refused where the bucket disables ACLs. */
    AccessControlPolicy aclFor(String bucket, AclInput in) {
        return access.objectAclFor(bucket, in);
    }

    AccessControlPolicy acl(String bucket, String key, String versionId) {
        return access.objectAcl(bucket, find(bucket, key, versionId, "GET"));
    }

    /** PutObjectAcl: refused where the bucket disables ACLs; returns the version id of the object changed. */
    String putAcl(String bucket, String key, String versionId, AclInput in) {
        find(bucket, key, versionId, "PUT");
        AccessControlPolicy acl = access.objectAclFor(bucket, in);
        if (acl == null) {
            throw S3Errors.malformedAcl();
        }
        return versions.update(bucket, key, versionId, o -> o.withAcl(acl)).versionId();
    }

    ObjectAttributes attributes(String bucket, String key, String versionId, int maxParts, int partNumberMarker) {
        ObjectRecord object = find(bucket, key, versionId, "GET");
        boolean multipart = object.eTag().indexOf('-') > 0;
        List<ObjectAttributes.Part> parts = new ArrayList<>();
        boolean truncated = false;
        int next = 0;
        if (multipart) {
            for (int n = partNumberMarker + 1; n <= object.segments().size(); n++) {
                if (parts.size() == maxParts) {
                    truncated = true;
                    break;
                }
                parts.add(new ObjectAttributes.Part(n, object.segments().get(n - 1).size()));
                next = n;
            }
        }
        return new ObjectAttributes(object, multipart, object.partsCount(), parts, truncated, next);
    }

    ObjectRecord tagged(String bucket, String key, String versionId) {
        return find(bucket, key, versionId, "GET");
    }
}
