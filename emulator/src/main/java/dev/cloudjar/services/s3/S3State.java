package dev.cloudjar.services.s3;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.StripedLocks;
import dev.cloudjar.core.Utf8Order;
import dev.cloudjar.events.S3ObjectEvent;
import dev.cloudjar.persistence.BlobStore;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.s3.model.BucketAccess;
import dev.cloudjar.services.s3.model.BucketDocument;
import dev.cloudjar.services.s3.model.BucketRecord;
import dev.cloudjar.services.s3.model.CompletedUpload;
import dev.cloudjar.services.s3.model.ObjectRecord;
import dev.cloudjar.services.s3.model.PartRecord;
import dev.cloudjar.services.s3.model.Segment;
import dev.cloudjar.services.s3.model.UploadRecord;
import dev.cloudjar.services.s3.model.VersioningConfiguration;
import dev.cloudjar.core.Scope;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the S3 operation classes share: the stored maps (buckets by name; objects by
 * {@code bucket\0key}; uploads by {@code bucket\0key\0uploadId}; parts by {@code uploadId\0NNNNN}),
 * the blob store, per-key locks and event publishing.
 */
final class S3State {
    private static final Logger LOG = LoggerFactory.getLogger(S3State.class);

    final ServiceContext ctx;
    final PersistentMap<BucketRecord> buckets;
    final PersistentMap<ObjectRecord> objects;
    final PersistentMap<UploadRecord> uploads;
    final PersistentMap<PartRecord> parts;
    /** Noncurrent versions and delete markers, keyed {@code bucket\0key\0<descending sequence>}: newest first. */
    final PersistentMap<ObjectRecord> versions;
    /** A bucket's versioning, absent while it was never turned on (so unversioned writes read nothing more). */
    final PersistentMap<VersioningConfiguration> versioning;
    /** Buckets' ownership, ACL, policy and public access block (absent: S3's defaults for new buckets). */
    final PersistentMap<BucketAccess> access;
    /** Finished multipart uploads by {@code bucket\0key\0uploadId}: S3 answers a repeated Complete with the same object. */
    final PersistentMap<CompletedUpload> completedUploads;
    /** Stored bucket configuration documents by {@code bucket\0name} (lifecycle, website, ...). */
    final PersistentMap<BucketDocument> configs;
    final BlobStore blobs;
    private final StripedLocks locks = new StripedLocks(256);
    private final AtomicLong lastSequencer = new AtomicLong();
    private final AtomicLong lastVersionSlot = new AtomicLong();

    S3State(ServiceContext ctx) {
        this.ctx = ctx;
        this.buckets = ctx.store().map("s3.buckets", BucketRecord.class);
        this.objects = ctx.store().map("s3.objects", ObjectRecord.class);
        this.uploads = ctx.store().map("s3.uploads", UploadRecord.class);
        this.parts = ctx.store().map("s3.parts", PartRecord.class);
        this.versions = ctx.store().map("s3.versions", ObjectRecord.class);
        this.versioning = ctx.store().map("s3.versioning", VersioningConfiguration.class);
        this.access = ctx.store().map("s3.access", BucketAccess.class);
        this.completedUploads = ctx.store().map("s3.completedUploads", CompletedUpload.class);
        this.configs = ctx.store().map("s3.configs", BucketDocument.class);
        this.blobs = ctx.store().blobs();
    }

    BucketRecord bucket(String name) {
        BucketRecord bucket = name == null ? null : buckets.get(name);
        if (bucket == null) {
            throw S3Errors.noSuchBucket(name);
        }
        return bucket;
    }

    static String objectKey(String bucket, String key) {
        return KeyRanges.compose(bucket, key);
    }

    /** The first stored key of a bucket's objects (inclusive). */
    static String bucketStart(String bucket) {
        return bucket + KeyRanges.SEPARATOR;
    }

    /** The stored key just past every object of a bucket. */
    static String bucketEnd(String bucket) {
        return bucket + (char) (KeyRanges.SEPARATOR + 1);
    }

    static String uploadKey(String bucket, String key, String uploadId) {
        return KeyRanges.compose(bucket, key, uploadId);
    }

    static String partKey(String uploadId, int partNumber) {
        String n = Integer.toString(partNumber);
        return uploadId + KeyRanges.SEPARATOR + (n.length() >= 5 ? n : "00000".substring(n.length()) + n);
    }

    /**
     * The smallest string above every string that starts with {@code prefix}, or null when there is
     * none we can form (the caller then scans instead of skipping). Works in UTF-8 order.
     */
    static String after(String prefix) {
        if (prefix.isEmpty()) {
            return null;
        }
        char last = prefix.charAt(prefix.length() - 1);
        char sortable = Utf8Order.sortable(last);
        if (sortable == Character.MAX_VALUE || Character.isSurrogate(last)) {
            return null;
        }
        return prefix.substring(0, prefix.length() - 1) + Utf8Order.unsortable((char) (sortable + 1));
    }

    ReentrantLock lock(String bucket, String key) {
        return locks.lockFor(objectKey(bucket, key));
    }

    /**
     * Frees blobs a just-written record no longer points at, once that write is durable: deleting
     * them first would leave the old record, restored after a crash, pointing at nothing.
     */
    void releaseBlobs(List<Segment> segments) {
        if (!segments.isEmpty()) {
            ctx.store().awaitDurable();
            deleteBlobs(segments);
        }
    }

    void deleteBlobs(List<Segment> segments) {
        for (Segment segment : segments) {
            deleteBlob(segment.blob());
        }
    }

    void deleteBlob(String blob) {
        try {
            blobs.delete(blob);
        } catch (RuntimeException e) {
            LOG.warn("could not delete blob {}", blob, e);
        }
    }

    /** Upper-case hex that grows with every event, also across restarts (time first). */
    String nextSequencer() {
        long now = ctx.clock().millis() << 12;
        long next = lastSequencer.updateAndGet(prev -> Math.max(prev + 1, now));
        String hex = Long.toHexString(next).toUpperCase(java.util.Locale.ROOT);
        return hex.length() >= 16 ? hex : "0000000000000000".substring(hex.length()) + hex;
    }

    /** A versions-map suffix that sorts before every earlier one (newest first), also across restarts. */
    String nextVersionSlot() {
        long now = ctx.clock().millis() << 12;
        long next = lastVersionSlot.updateAndGet(prev -> Math.max(prev + 1, now));
        String hex = Long.toHexString(Long.MAX_VALUE - next);
        return hex.length() >= 16 ? hex : "0000000000000000".substring(hex.length()) + hex;
    }

    /** S3's version ids: 32 URL-safe characters. */
    String newVersionId() {
        return ctx.ids().secret(32).replace('+', '.').replace('/', '_');
    }

    void publish(Scope scope, String bucket, String key, String eventName, ObjectRecord object, Caller caller) {
        publish(scope, bucket, key, eventName, object, object == null ? null : object.versionId(), caller);
    }

    void publish(Scope scope, String bucket, String key, String eventName, ObjectRecord object, String versionId, Caller caller) {
        ctx.events().publish(new S3ObjectEvent(scope, bucket, key, eventName,
                object == null ? null : object.size(), object == null ? null : object.eTag(), versionId,
                nextSequencer(), ctx.clock().instant(), caller.requestId(), caller.sourceIp()));
    }
}
