package dev.cloudjar.services.s3;

import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.services.s3.model.DeleteResult;
import dev.cloudjar.services.s3.model.ObjectRecord;
import dev.cloudjar.services.s3.model.Segment;
import dev.cloudjar.services.s3.model.VersioningConfiguration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Versions of a key. The current version lives in {@code objects} (so listings and reads of
 * unversioned buckets touch nothing else); noncurrent versions and delete markers live in
 * {@code versions}, newest first. When a key has no current object, the newest entry of {@code versions},
 * if any, is a delete marker: that marker is the key's latest version.
 *
 * <p>A self-copy shares its source's bytes, so a version's blobs are freed only when no other version of
 * the key still points at them.
 *
 * <p>LIMITATIONS: MFA delete is stored, not required; finding a version by id scans the key's versions.
 */
final class ObjectVersions {
    static final String REMOVED = "ObjectRemoved";
    static final String EXPIRED = "LifecycleExpiration";
    private final S3State state;

    ObjectVersions(S3State state) {
        this.state = state;
    }

    static String keyStart(String bucket, String key) {
        return S3State.objectKey(bucket, key) + KeyRanges.SEPARATOR;
    }

    static String keyEnd(String bucket, String key) {
        return S3State.objectKey(bucket, key) + (char) (KeyRanges.SEPARATOR + 1);
    }

    private static VersioningConfiguration active(VersioningConfiguration v) {
        return v == null || !v.active() ? null : v;
    }

    /** The ids CloudJar hands out, or S3's {@code null}; anything else is S3's InvalidArgument. */
    static void checkVersionId(String versionId) {
        if (ObjectRecord.NULL_VERSION.equals(versionId)) {
            return;
        }
        if (versionId == null || versionId.isEmpty() || versionId.length() > 1024) {
            throw S3Errors.invalidVersionId(versionId);
        }
        for (int i = 0; i < versionId.length(); i++) {
            char c = versionId.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                throw S3Errors.invalidVersionId(versionId);
            }
        }
    }

    /**
     * Stores {@code record} as the key's new current version after {@code check} accepted the current
     * one (under the key's lock) and returns it with its version id. Unversioned buckets replace the
     * object; Enabled buckets keep the replaced version; Suspended buckets replace only the null version.
     */
    ObjectRecord commit(String bucket, ObjectRecord record, Consumer<ObjectRecord> check) {
        ObjectRecord previous;
        ObjectRecord stored = record;
        List<Segment> freed = new ArrayList<>();
        ReentrantLock lock = state.lock(bucket, record.key());
        lock.lock();
        try {
            if (!state.buckets.containsKey(bucket)) {
                throw S3Errors.noSuchBucket(bucket);
            }
            VersioningConfiguration versioning = active(state.versioning.get(bucket));
            String storedKey = S3State.objectKey(bucket, record.key());
            previous = state.objects.get(storedKey);
            check.accept(previous);
            if (versioning == null) {
                state.objects.put(storedKey, record);
                if (previous != null && !previous.segments().equals(record.segments())) {
                    freed.addAll(previous.segments());
                }
            } else {
                stored = record.withVersionId(versioning.enabled() ? state.newVersionId() : null);
                supersede(bucket, record.key(), previous, versioning, freed);
                state.objects.put(storedKey, stored);
                freed = unshared(bucket, record.key(), freed);
            }
        } finally {
            lock.unlock();
        }
        state.releaseBlobs(freed);
        return stored;
    }

    /**
     * The key's current version gives way: kept as noncurrent unless it is the null version of a
     * Suspended bucket; a Suspended bucket's older null version goes too (there is only one null version).
     */
    private void supersede(String bucket, String key, ObjectRecord previous, VersioningConfiguration versioning, List<Segment> freed) {
        if (previous != null) {
            if (previous.versionId() == null && !versioning.enabled()) {
                freed.addAll(previous.segments());
            } else {
                state.versions.put(keyStart(bucket, key) + state.nextVersionSlot(), previous);
            }
        }
        if (!versioning.enabled()) {
            for (Map.Entry<String, ObjectRecord> e : noncurrent(bucket, key)) {
                if (e.getValue().versionId() == null) {
                    state.versions.remove(e.getKey());
                    freed.addAll(e.getValue().segments());
                }
            }
        }
    }

    private List<Map.Entry<String, ObjectRecord>> noncurrent(String bucket, String key) {
        List<Map.Entry<String, ObjectRecord>> all = new ArrayList<>();
        for (Map.Entry<String, ObjectRecord> e : state.versions.range(keyStart(bucket, key), keyEnd(bucket, key))) {
            all.add(e);
        }
        return all;
    }

    /** Of the segments given up, those no remaining version of the key points at (call under the key's lock). */
    private List<Segment> unshared(String bucket, String key, List<Segment> freed) {
        if (freed.isEmpty()) {
            return freed;
        }
        Set<String> inUse = new HashSet<>();
        ObjectRecord current = state.objects.get(S3State.objectKey(bucket, key));
        if (current != null) {
            current.segments().forEach(s -> inUse.add(s.blob()));
        }
        for (Map.Entry<String, ObjectRecord> e : noncurrent(bucket, key)) {
            e.getValue().segments().forEach(s -> inUse.add(s.blob()));
        }
        List<Segment> result = new ArrayList<>();
        for (Segment s : freed) {
            if (!inUse.contains(s.blob())) {
                result.add(s);
            }
        }
        return result;
    }

    /** DeleteObject: removes a named version for good, or (no version named) deletes as the bucket's versioning says. */
    DeleteResult delete(Scope scope, String bucket, String key, String versionId, Caller caller) {
        return delete(scope, bucket, key, versionId, caller, version -> { });
    }

    /** As above; {@code guard} sees a named version under the key's lock and may refuse its removal (Object Lock). */
    DeleteResult delete(Scope scope, String bucket, String key, String versionId, Caller caller, Consumer<ObjectRecord> guard) {
        return delete(scope, bucket, key, versionId, caller, guard, REMOVED);
    }

    /** As above, announced as {@code events}{@code :Delete} / {@code :DeleteMarkerCreated} (ObjectRemoved or LifecycleExpiration). */
    DeleteResult delete(Scope scope, String bucket, String key, String versionId, Caller caller, Consumer<ObjectRecord> guard,
            String events) {
        state.bucket(bucket);
        if (versionId != null) {
            checkVersionId(versionId);
            return deleteVersion(scope, bucket, key, versionId, caller, guard, events);
        }
        VersioningConfiguration versioning = active(state.versioning.get(bucket));
        if (versioning == null) {
            return null;
        }
        ObjectRecord marker;
        List<Segment> freed = new ArrayList<>();
        ReentrantLock lock = state.lock(bucket, key);
        lock.lock();
        try {
            String storedKey = S3State.objectKey(bucket, key);
            ObjectRecord previous = state.objects.get(storedKey);
            supersede(bucket, key, previous, versioning, freed);
            if (previous != null) {
                state.objects.remove(storedKey);
            }
            marker = ObjectRecord.marker(key, versioning.enabled() ? state.newVersionId() : null, state.ctx.clock().instant());
            state.versions.put(keyStart(bucket, key) + state.nextVersionSlot(), marker);
            freed = unshared(bucket, key, freed);
        } finally {
            lock.unlock();
        }
        state.releaseBlobs(freed);
        state.publish(scope, bucket, key, events + ":DeleteMarkerCreated", null, marker.versionIdOrNull(), caller);
        return new DeleteResult(key, null, marker.versionIdOrNull(), true);
    }

    private DeleteResult deleteVersion(Scope scope, String bucket, String key, String versionId, Caller caller,
            Consumer<ObjectRecord> guard, String events) {
        ObjectRecord removed = null;
        List<Segment> freed = List.of();
        ReentrantLock lock = state.lock(bucket, key);
        lock.lock();
        try {
            String storedKey = S3State.objectKey(bucket, key);
            ObjectRecord current = state.objects.get(storedKey);
            List<Map.Entry<String, ObjectRecord>> older = noncurrent(bucket, key);
            boolean wasLatest = false;
            if (current != null && current.hasVersion(versionId)) {
                guard.accept(current);
                removed = current;
                state.objects.remove(storedKey);
                wasLatest = true;
            } else {
                for (int i = 0; i < older.size(); i++) {
                    Map.Entry<String, ObjectRecord> e = older.get(i);
                    if (e.getValue().hasVersion(versionId)) {
                        guard.accept(e.getValue());
                        removed = e.getValue();
                        state.versions.remove(e.getKey());
                        wasLatest = current == null && i == 0;
                        older.remove(i);
                        break;
                    }
                }
            }
            if (wasLatest && !older.isEmpty() && !older.get(0).getValue().deleteMarker()) {
                // The next newest version becomes current again, as S3 does.
                state.versions.remove(older.get(0).getKey());
                state.objects.put(storedKey, older.get(0).getValue());
            }
            if (removed != null) {
                freed = unshared(bucket, key, new ArrayList<>(removed.segments()));
            }
        } finally {
            lock.unlock();
        }
        if (removed == null) {
            return new DeleteResult(key, versionId, versionId, false);
        }
        state.releaseBlobs(freed);
        state.publish(scope, bucket, key, events + ":Delete", null, removed.versionIdOrNull(), caller);
        return new DeleteResult(key, versionId, versionId, removed.deleteMarker());
    }

    /**
     * The version a read names (null: the current one). A key whose latest version is a delete marker
     * is NoSuchKey with the marker's headers; a missing version is NoSuchVersion.
     */
    ObjectRecord find(String bucket, String key, String versionId) {
        state.bucket(bucket);
        if (key == null) {
            throw S3Errors.noSuchKey(key);
        }
        ObjectRecord current = state.objects.get(S3State.objectKey(bucket, key));
        if (versionId == null) {
            if (current != null) {
                return current;
            }
            if (state.versioning.containsKey(bucket)) {
                for (Map.Entry<String, ObjectRecord> e : state.versions.range(keyStart(bucket, key), keyEnd(bucket, key))) {
                    if (e.getValue().deleteMarker()) {
                        throw S3Errors.noSuchKeyDeleted(key, e.getValue().versionIdOrNull());
                    }
                    break;
                }
            }
            throw S3Errors.noSuchKey(key);
        }
        checkVersionId(versionId);
        if (current != null && current.hasVersion(versionId)) {
            return current;
        }
        for (Map.Entry<String, ObjectRecord> e : state.versions.range(keyStart(bucket, key), keyEnd(bucket, key))) {
            if (e.getValue().hasVersion(versionId)) {
                return e.getValue();
            }
        }
        throw S3Errors.noSuchVersion(key, versionId);
    }

    /** Rewrites one version in place (tagging); returns the updated record. */
    ObjectRecord update(String bucket, String key, String versionId, UnaryOperator<ObjectRecord> change) {
        ReentrantLock lock = state.lock(bucket, key);
        lock.lock();
        try {
            ObjectRecord found = find(bucket, key, versionId);
            String storedKey = S3State.objectKey(bucket, key);
            ObjectRecord current = state.objects.get(storedKey);
            if (current != null && current.hasVersion(found.versionIdOrNull())) {
                ObjectRecord updated = change.apply(current);
                state.objects.put(storedKey, updated);
                return updated;
            }
            for (Map.Entry<String, ObjectRecord> e : noncurrent(bucket, key)) {
                if (e.getValue().hasVersion(found.versionIdOrNull())) {
                    ObjectRecord updated = change.apply(e.getValue());
                    state.versions.put(e.getKey(), updated);
                    return updated;
                }
            }
            throw S3Errors.noSuchVersion(key, versionId);
        } finally {
            lock.unlock();
        }
    }
}
