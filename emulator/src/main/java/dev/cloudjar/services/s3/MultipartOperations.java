package dev.cloudjar.services.s3;

import dev.cloudjar.core.Scope;
import dev.cloudjar.services.s3.model.CompleteUploadInput;
import dev.cloudjar.services.s3.model.CompletedUpload;
import dev.cloudjar.services.s3.model.CompletedPart;
import dev.cloudjar.services.s3.model.MultipartUploadInput;
import dev.cloudjar.services.s3.model.ObjectRecord;
import dev.cloudjar.services.s3.model.PartRecord;
import dev.cloudjar.services.s3.model.PartsPage;
import dev.cloudjar.services.s3.model.Segment;
import dev.cloudjar.services.s3.model.StoredChecksum;
import dev.cloudjar.services.s3.model.UploadBody;
import dev.cloudjar.services.s3.model.UploadRecord;
import dev.cloudjar.services.s3.model.UploadsPage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Multipart uploads. Parts are kept as blobs; completing an upload makes them the object's segments
 * without copying bytes. Uploads and parts are stored records, so they survive a restart.
 */
final class MultipartOperations {
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    private static final String UPLOAD_LOCK = "\u0001upload";
    private final S3State state;
    private final ObjectOperations objects;

    MultipartOperations(S3State state, ObjectOperations objects) {
        this.state = state;
        this.objects = objects;
    }

    UploadRecord create(MultipartUploadInput in) {
        state.bucket(in.bucket());
        ObjectOperations.checkKey(in.key());
        TagRules.validate(in.tags(), 10);
        // Time first, so a key's uploads list in initiation order.
        String uploadId = Long.toHexString(state.ctx.clock().millis()) + state.ctx.ids().hex(20);
        String type = in.checksumAlgorithm() == null ? null
                : in.checksumType() != null ? in.checksumType() : "CRC64NVME".equals(in.checksumAlgorithm()) ? "FULL_OBJECT" : "COMPOSITE";
        if (type != null && ("FULL_OBJECT".equals(type) ? CrcCombine.forAlgorithm(in.checksumAlgorithm()) == null
                : "CRC64NVME".equals(in.checksumAlgorithm()))) {
            throw S3Errors.invalidRequest("The " + type + " checksum type cannot be used with the "
                    + in.checksumAlgorithm().toLowerCase(java.util.Locale.ROOT) + " checksum algorithm.");
        }
        UploadRecord upload = new UploadRecord(in.bucket(), in.key(), uploadId, state.ctx.clock().instant(), in.headers(),
                in.tags(), in.checksumAlgorithm(), type, objects.aclFor(in.bucket(), in.acl()));
        state.uploads.put(S3State.uploadKey(in.bucket(), in.key(), uploadId), upload);
        return upload;
    }

    UploadRecord upload(String bucket, String key, String uploadId) {
        state.bucket(bucket);
        UploadRecord upload = uploadId == null ? null : state.uploads.get(S3State.uploadKey(bucket, key, uploadId));
        if (upload == null) {
            throw S3Errors.noSuchUpload(uploadId);
        }
        return upload;
    }

    static void checkPartNumber(int partNumber) {
        if (partNumber < 1 || partNumber > 10000) {
            throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive",
                    "partNumber", String.valueOf(partNumber));
        }
    }

    PartRecord uploadPart(String bucket, String key, String uploadId, int partNumber, UploadBody body) {
        checkPartNumber(partNumber);
        upload(bucket, key, uploadId);
        ObjectOperations.checkSize(body);
        BlobIO.Stored stored = BlobIO.ingest(state.blobs, body);
        PartRecord part = new PartRecord(partNumber, stored.md5(), stored.size(), state.ctx.clock().instant(), stored.blob(),
                stored.checksumAlgorithm(), stored.checksumValue());
        return savePart(bucket, key, uploadId, part);
    }

    PartRecord uploadPartCopy(String bucket, String key, String uploadId, int partNumber, ObjectRecord source, String range) {
        checkPartNumber(partNumber);
        UploadRecord upload = upload(bucket, key, uploadId);
        long offset = 0;
        long length = source.size();
        if (range != null) {
            long[] r = parseCopyRange(range, source.size());
            offset = r[0];
            length = r[1] - r[0] + 1;
        }
        BlobIO.Stored stored = BlobIO.copy(state.blobs, source, offset, length, upload.checksumAlgorithm());
        PartRecord part = new PartRecord(partNumber, stored.md5(), stored.size(), state.ctx.clock().instant(), stored.blob(),
                stored.checksumAlgorithm(), stored.checksumValue());
        return savePart(bucket, key, uploadId, part);
    }

    private static long[] parseCopyRange(String range, long size) {
        String text = range.trim();
        int dash = text.indexOf('-');
        try {
            if (text.startsWith("bytes=") && dash > 6) {
                long start = Long.parseLong(text.substring(6, dash).trim());
                long end = Long.parseLong(text.substring(dash + 1).trim());
                if (start <= end && end < size) {
                    return new long[] {start, end};
                }
                throw S3Errors.invalidRange(size, range);
            }
        } catch (NumberFormatException e) {
            // falls through to the syntax error
        }
        throw S3Errors.invalidArgument("The x-amz-copy-source-range value must be of the form bytes=first-last where "
                + "first and last are the zero-based offsets of the first and last bytes to copy", "x-amz-copy-source-range", range);
    }

    private PartRecord savePart(String bucket, String key, String uploadId, PartRecord part) {
        PartRecord previous;
        ReentrantLock lock = state.lock(UPLOAD_LOCK, uploadId);
        lock.lock();
        try {
            if (!state.uploads.containsKey(S3State.uploadKey(bucket, key, uploadId))) {
                state.deleteBlob(part.blob());
                throw S3Errors.noSuchUpload(uploadId);
            }
            String partKey = S3State.partKey(uploadId, part.partNumber());
            previous = state.parts.get(partKey);
            state.parts.put(partKey, part);
        } finally {
            lock.unlock();
        }
        if (previous != null) {
            state.releaseBlobs(List.of(new Segment(previous.blob(), previous.size())));
        }
        return part;
    }

    ObjectRecord complete(Scope scope, CompleteUploadInput in, Caller caller) {
        String bucket = in.bucket();
        String key = in.key();
        String uploadId = in.uploadId();
        List<CompletedPart> requested = in.parts();
        if (requested.isEmpty()) {
            throw S3Errors.malformedXml();
        }
        ObjectRecord object;
        List<PartRecord> unused = new ArrayList<>();
        ReentrantLock lock = state.lock(UPLOAD_LOCK, uploadId);
        lock.lock();
        try {
            state.bucket(bucket);
            if (uploadId != null && !state.uploads.containsKey(S3State.uploadKey(bucket, key, uploadId))) {
                ObjectRecord done = alreadyCompleted(bucket, key, uploadId);
                if (done != null) {
                    return done;
                }
            }
            UploadRecord upload = upload(bucket, key, uploadId);
            Map<Integer, PartRecord> stored = new HashMap<>();
            for (Map.Entry<String, PartRecord> e : state.parts.prefix(uploadId + '\u0000')) {
                stored.put(e.getValue().partNumber(), e.getValue());
            }
            List<PartRecord> chosen = choose(requested, stored);
            object = assemble(upload, chosen, in.fullObjectChecksum());
            if (in.expectedSize() != null && in.expectedSize() != object.size()) {
                throw S3Errors.invalidRequest("The provided 'x-amz-mp-object-size' header value " + in.expectedSize()
                        + " does not match what was computed: " + object.size());
            }
            for (PartRecord part : stored.values()) {
                if (!chosen.contains(part)) {
                    unused.add(part);
                }
            }
            object = objects.commit(bucket, object, previous -> ObjectOperations.checkWriteConditions(previous, key, in.ifMatch(),
                    in.ifNoneMatch()));
            for (PartRecord part : stored.values()) {
                state.parts.remove(S3State.partKey(uploadId, part.partNumber()));
            }
            state.uploads.remove(S3State.uploadKey(bucket, key, uploadId));
            state.completedUploads.put(S3State.uploadKey(bucket, key, uploadId), new CompletedUpload(object.versionId(), object.eTag()));
        } finally {
            lock.unlock();
        }
        List<Segment> unusedBlobs = new ArrayList<>();
        for (PartRecord part : unused) {
            unusedBlobs.add(new Segment(part.blob(), part.size()));
        }
        state.releaseBlobs(unusedBlobs);
        state.publish(scope, bucket, key, "ObjectCreated:CompleteMultipartUpload", object, caller);
        return object;
    }

    /** A Complete repeated after success answers the object it made while that object is still there, as S3 does. */
    private ObjectRecord alreadyCompleted(String bucket, String key, String uploadId) {
        CompletedUpload done = state.completedUploads.get(S3State.uploadKey(bucket, key, uploadId));
        if (done == null) {
            return null;
        }
        try {
            ObjectRecord object = objects.find(bucket, key, done.versionId() == null ? ObjectRecord.NULL_VERSION : done.versionId(), "GET");
            return done.eTag().equals(object.eTag()) ? object : null;
        } catch (dev.cloudjar.core.AwsException gone) {
            return null;
        }
    }

    private static List<PartRecord> choose(List<CompletedPart> requested, Map<Integer, PartRecord> stored) {
        List<PartRecord> chosen = new ArrayList<>(requested.size());
        int previousNumber = 0;
        for (CompletedPart wanted : requested) {
            if (wanted.partNumber() <= previousNumber) {
                throw S3Errors.invalidPartOrder();
            }
            previousNumber = wanted.partNumber();
            PartRecord part = stored.get(wanted.partNumber());
            String eTag = unquote(wanted.eTag());
            if (part == null || eTag == null || !eTag.equals(part.eTag())) {
                throw S3Errors.invalidPart(wanted.partNumber(), wanted.eTag());
            }
            // A part's checksum named at completion must be the one it was uploaded with.
            if (wanted.checksumValue() != null && part.checksumValue() != null
                    && part.checksumAlgorithm().equalsIgnoreCase(wanted.checksumAlgorithm())
                    && !part.checksumValue().equals(wanted.checksumValue())) {
                throw S3Errors.invalidPart(wanted.partNumber(), wanted.eTag());
            }
            chosen.add(part);
        }
        for (int i = 0; i < chosen.size() - 1; i++) {
            PartRecord part = chosen.get(i);
            if (part.size() < MIN_PART_SIZE) {
                throw S3Errors.entityTooSmall(part.partNumber(), part.size(), part.eTag());
            }
        }
        return chosen;
    }

    private ObjectRecord assemble(UploadRecord upload, List<PartRecord> parts, String fullObjectChecksum) {
        JdkDigest md5OfMd5s = JdkDigest.md5();
        List<Segment> segments = new ArrayList<>(parts.size());
        long size = 0;
        for (PartRecord part : parts) {
            byte[] md5 = hexBytes(part.eTag());
            md5OfMd5s.update(md5, 0, md5.length);
            segments.add(new Segment(part.blob(), part.size()));
            size += part.size();
        }
        String eTag = JdkDigest.hex(md5OfMd5s.finish()) + "-" + parts.size();
        return new ObjectRecord(upload.key(), size, eTag, state.ctx.clock().instant(), upload.headers(), upload.tags(),
                checksum(upload, parts, fullObjectChecksum), segments, null, false, upload.acl());
    }

    /**
     * The object's checksum: for COMPOSITE uploads the checksum of the parts' checksums with "-N";
     * for FULL_OBJECT uploads the CRC of the whole object, combined from the parts' CRCs and checked
     * against the value the client sent at completion (BadDigest when they differ).
     */
    private static StoredChecksum checksum(UploadRecord upload, List<PartRecord> parts, String fullObjectChecksum) {
        String algorithm = upload.checksumAlgorithm();
        if (algorithm == null) {
            return null;
        }
        boolean partsHaveChecksums = true;
        for (PartRecord part : parts) {
            if (!algorithm.equals(part.checksumAlgorithm()) || part.checksumValue() == null) {
                partsHaveChecksums = false;
            }
        }
        if ("FULL_OBJECT".equals(upload.checksumType())) {
            CrcCombine crc = CrcCombine.forAlgorithm(algorithm);
            if (crc == null || !partsHaveChecksums) {
                return fullObjectChecksum == null ? null : new StoredChecksum(algorithm, fullObjectChecksum, "FULL_OBJECT");
            }
            long combined = 0;
            boolean first = true;
            for (PartRecord part : parts) {
                long value = crc.fromBytes(Base64.getDecoder().decode(part.checksumValue()));
                combined = first ? value : crc.combine(combined, value, part.size());
                first = false;
            }
            String computed = Base64.getEncoder().encodeToString(crc.toBytes(combined));
            if (fullObjectChecksum != null && !fullObjectChecksum.trim().equals(computed)) {
                throw S3Errors.badDigest(algorithm);
            }
            return new StoredChecksum(algorithm, computed, "FULL_OBJECT");
        }
        JdkDigest combined = JdkDigest.forAlgorithm(algorithm);
        if (combined == null || !partsHaveChecksums) {
            return null;
        }
        for (PartRecord part : parts) {
            byte[] value = Base64.getDecoder().decode(part.checksumValue());
            combined.update(value, 0, value.length);
        }
        return new StoredChecksum(algorithm, Base64.getEncoder().encodeToString(combined.finish()) + "-" + parts.size(), "COMPOSITE");
    }

    void abort(String bucket, String key, String uploadId) {
        ReentrantLock lock = state.lock(UPLOAD_LOCK, uploadId);
        lock.lock();
        try {
            discard(state, upload(bucket, key, uploadId));
        } finally {
            lock.unlock();
        }
    }

    /** Removes an upload, its parts and their bytes. */
    static void discard(S3State state, UploadRecord upload) {
        List<PartRecord> parts = new ArrayList<>();
        for (Map.Entry<String, PartRecord> e : state.parts.prefix(upload.uploadId() + '\u0000')) {
            parts.add(e.getValue());
        }
        state.uploads.remove(S3State.uploadKey(upload.bucket(), upload.key(), upload.uploadId()));
        List<Segment> blobs = new ArrayList<>(parts.size());
        for (PartRecord part : parts) {
            state.parts.remove(S3State.partKey(upload.uploadId(), part.partNumber()));
            blobs.add(new Segment(part.blob(), part.size()));
        }
        state.releaseBlobs(blobs);
    }

    PartsPage listParts(String bucket, String key, String uploadId, int maxParts, int partNumberMarker) {
        UploadRecord upload = upload(bucket, key, uploadId);
        List<PartRecord> parts = new ArrayList<>();
        boolean truncated = false;
        int from = Math.min(Math.max(partNumberMarker, 0), 10000) + 1;
        for (Map.Entry<String, PartRecord> e : state.parts.range(S3State.partKey(uploadId, from),
                uploadId + '\u0001')) {
            if (parts.size() == maxParts) {
                truncated = true;
                break;
            }
            parts.add(e.getValue());
        }
        int next = parts.isEmpty() ? 0 : parts.get(parts.size() - 1).partNumber();
        return new PartsPage(upload, parts, truncated, next);
    }

    UploadsPage listUploads(String bucket, String prefix, String delimiter, String keyMarker, String uploadIdMarker, int maxUploads) {
        state.bucket(bucket);
        String p = prefix == null ? "" : prefix;
        List<UploadRecord> uploads = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        boolean truncated = false;
        String lastKey = null;
        String lastId = null;
        for (Map.Entry<String, UploadRecord> e : state.uploads.range(S3State.bucketStart(bucket) + p, S3State.bucketEnd(bucket))) {
            UploadRecord u = e.getValue();
            if (!u.key().startsWith(p)) {
                break;
            }
            if (keyMarker != null && !keyMarker.isEmpty()) {
                int c = dev.cloudjar.core.Utf8Order.compare(u.key(), keyMarker);
                if (c < 0 || (c == 0 && (uploadIdMarker == null || u.uploadId().compareTo(uploadIdMarker) <= 0))) {
                    continue;
                }
            }
            String commonPrefix = null;
            if (delimiter != null && !delimiter.isEmpty()) {
                int idx = u.key().indexOf(delimiter, p.length());
                if (idx >= 0) {
                    commonPrefix = u.key().substring(0, idx + delimiter.length());
                }
            }
            if (commonPrefix != null && !prefixes.isEmpty() && prefixes.get(prefixes.size() - 1).equals(commonPrefix)) {
                continue;
            }
            if (uploads.size() + prefixes.size() == maxUploads) {
                truncated = true;
                break;
            }
            if (commonPrefix != null) {
                prefixes.add(commonPrefix);
            } else {
                uploads.add(u);
            }
            lastKey = commonPrefix != null ? commonPrefix : u.key();
            lastId = commonPrefix != null ? null : u.uploadId();
        }
        return new UploadsPage(uploads, prefixes, truncated, truncated ? lastKey : null, truncated ? lastId : null);
    }

    private static String unquote(String eTag) {
        if (eTag == null) {
            return null;
        }
        String t = eTag.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static byte[] hexBytes(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
