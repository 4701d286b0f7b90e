package dev.cloudjar.services.s3;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.s3.model.CopyObjectInput;
import dev.cloudjar.services.s3.model.GetObjectInput;
import dev.cloudjar.services.s3.model.ObjectHeaders;
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

    ObjectOperations(S3State state) {
        this.state = state;
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
        state.bucket(in.bucket());
        checkKey(in.key());
        checkSize(body);
        TagRules.validate(in.tags(), 10);
        BlobIO.Stored stored = BlobIO.ingest(state.blobs, body);
        StoredChecksum checksum = stored.checksumAlgorithm() == null ? null
                : new StoredChecksum(stored.checksumAlgorithm(), stored.checksumValue(), "FULL_OBJECT");
        ObjectRecord record = new ObjectRecord(in.key(), stored.size(), stored.md5(), state.ctx.clock().instant(),
                in.headers(), in.tags(), checksum, List.of(new Segment(stored.blob(), stored.size())));
        commitNew(in.bucket(), record, previous -> checkWriteConditions(previous, in.key(), in.ifMatch(), in.ifNoneMatch()));
        state.publish(scope, in.bucket(), in.key(), "ObjectCreated:Put", record, caller);
        return record;
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

    void commit(String bucket, ObjectRecord record) {
        commit(bucket, record, previous -> { });
    }

    /** Commits a record whose bytes were written for it alone: if the commit is refused, they are freed. */
    private void commitNew(String bucket, ObjectRecord record, java.util.function.Consumer<ObjectRecord> check) {
        try {
            commit(bucket, record, check);
        } catch (RuntimeException refused) {
            state.deleteBlobs(record.segments());
            throw refused;
        }
    }

    /**
     * Stores a new version of a key after {@code check} accepted the current one (under the key's
     * lock), then frees the bytes of the version it replaced. A rejected write leaves its own bytes to
     * the caller (multipart parts stay with their upload).
     */
    void commit(String bucket, ObjectRecord record, java.util.function.Consumer<ObjectRecord> check) {
        ObjectRecord previous;
        ReentrantLock lock = state.lock(bucket, record.key());
        lock.lock();
        try {
            if (!state.buckets.containsKey(bucket)) {
                throw S3Errors.noSuchBucket(bucket);
            }
            String storedKey = S3State.objectKey(bucket, record.key());
            previous = state.objects.get(storedKey);
            check.accept(previous);
            state.objects.put(storedKey, record);
        } finally {
            lock.unlock();
        }
        if (previous != null && !previous.segments().equals(record.segments())) {
            state.releaseBlobs(previous.segments());
        }
    }

    ObjectRecord find(String bucket, String key) {
        state.bucket(bucket);
        ObjectRecord object = key == null ? null : state.objects.get(S3State.objectKey(bucket, key));
        if (object == null) {
            throw S3Errors.noSuchKey(key);
        }
        return object;
    }

    ObjectRead read(GetObjectInput in) {
        ObjectRecord object = find(in.bucket(), in.key());
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

    /** Deletes a key (absent keys are fine: S3 answers 204 either way); true when it existed. */
    boolean delete(Scope scope, String bucket, String key, Caller caller) {
        state.bucket(bucket);
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
            state.publish(scope, bucket, key, "ObjectRemoved:Delete", null, caller);
        }
        return previous != null;
    }

    List<String> deleteMany(Scope scope, String bucket, List<String> keys, Caller caller) {
        state.bucket(bucket);
        if (keys.isEmpty() || keys.size() > 1000) {
            throw S3Errors.malformedXml();
        }
        List<String> deleted = new ArrayList<>(keys.size());
        for (String key : keys) {
            delete(scope, bucket, key, caller);
            deleted.add(key);
        }
        return deleted;
    }

    ObjectRecord copy(Scope scope, CopyObjectInput in, Caller caller) {
        ObjectRecord source = find(in.sourceBucket(), in.sourceKey());
        state.bucket(in.bucket());
        checkKey(in.key());
        Preconditions.checkCopySource(source.eTag(), source.lastModified(), in.ifMatch(), in.ifNoneMatch(),
                in.ifModifiedSince(), in.ifUnmodifiedSince());
        boolean self = in.sourceBucket().equals(in.bucket()) && in.sourceKey().equals(in.key());
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
        Map<String, String> tags = in.replaceTags() ? in.tags() : source.tags();
        TagRules.validate(tags, 10);
        ObjectRecord record;
        if (self) {
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
        if (self) {
            commit(in.bucket(), record);
        } else {
            commitNew(in.bucket(), record, previous -> { });
        }
        state.publish(scope, in.bucket(), in.key(), "ObjectCreated:Copy", record, caller);
        return record;
    }

    private static ObjectHeaders withStorageClass(ObjectHeaders h, String storageClass) {
        return new ObjectHeaders(h.contentType(), h.contentEncoding(), h.contentDisposition(), h.contentLanguage(),
                h.cacheControl(), h.expires(), h.websiteRedirectLocation(), storageClass, h.userMetadata());
    }

    void putTags(String bucket, String key, Map<String, String> tags) {
        TagRules.validate(tags, 10);
        find(bucket, key);
        ObjectRecord updated = state.objects.compute(S3State.objectKey(bucket, key), o -> o == null ? null : o.withTags(tags));
        if (updated == null) {
            throw S3Errors.noSuchKey(key);
        }
    }

    Map<String, String> tags(String bucket, String key) {
        return find(bucket, key).tags();
    }
}
