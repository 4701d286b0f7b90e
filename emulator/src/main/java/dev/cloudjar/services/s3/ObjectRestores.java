package dev.cloudjar.services.s3;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.s3.model.ObjectHeaders;
import dev.cloudjar.services.s3.model.ObjectRecord;
import dev.cloudjar.services.s3.model.ObjectRestore;
import dev.cloudjar.services.s3.model.RestoreStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RestoreObject for archived objects (GLACIER, DEEP_ARCHIVE; GLACIER_IR is not archived): a version's
 * bytes are readable (GET, CopyObject, UploadPartCopy) only while a restored copy exists. A restore is
 * ongoing for a short time on CloudJar's injected clock, by tier (Expedited 1 s, Standard 3 s, Bulk 5 s:
 * S3's minutes and hours scaled to seconds, so a client sees the 202, the {@code ongoing-request="true"}
 * state and the 409 RestoreAlreadyInProgress it must handle, without waiting; tests advance the clock),
 * then readable until the midnight UTC after Days, as S3 gives {@code expiry-date}. A repeated request on
 * a restored copy answers 200 and sets the expiry from now. Announced as ObjectRestore:Post, and
 * ObjectRestore:Completed once the clock passes the completion (checked every second).
 *
 * <p>LIMITATIONS: no expiry announcement (ObjectRestore:Delete); pending Completed announcements are not
 * kept across restarts (the restore state is); Expedited is accepted for DEEP_ARCHIVE; restores of
 * Intelligent-Tiering archive tiers do not arise (objects never move to them); SELECT restores are not
 * implemented.
 */
public final class ObjectRestores implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectRestores.class);
    static final Set<String> TIERS = Set.of("Standard", "Bulk", "Expedited");
    private final S3State state;
    private final ObjectVersions versions;
    private final List<Pending> pending = new ArrayList<>();
    private final ScheduledExecutorService timer;

    private record Pending(Scope scope, String bucket, String key, String versionId, Instant completesAt, String requestId,
            String sourceIp) {
    }

    ObjectRestores(S3State state) {
        this.state = state;
        this.versions = new ObjectVersions(state);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cloudjar-s3-restore");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::completeQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /** How long a restore of {@code tier} is ongoing on CloudJar's clock. */
    static Duration delay(String tier) {
        return switch (tier) {
            case "Expedited" -> Duration.ofSeconds(1);
            case "Bulk" -> Duration.ofSeconds(5);
            default -> Duration.ofSeconds(3);
        };
    }

    private Instant now() {
        return state.ctx.clock().instant();
    }

    /**
     * RestoreObject: {@code days} of a restored copy at {@code tier} (null: Standard). Returns true when a
     * restored copy already existed (S3's 200; its expiry now counts from now), false for a new restore (202).
     */
    public boolean restore(Scope scope, String bucket, String key, String versionId, Integer days, String tier, Caller caller) {
        if (days == null || days < 1) {
            throw S3Errors.malformedXml();
        }
        String retrieval = tier == null ? "Standard" : tier;
        if (!TIERS.contains(retrieval)) {
            throw S3Errors.malformedXml();
        }
        ObjectRecord found = versions.find(bucket, key, versionId);
        if (found.deleteMarker()) {
            throw S3Errors.deleteMarkerNotAllowed("POST", found.versionIdOrNull(), found.lastModified());
        }
        Instant now = now();
        boolean[] restored = new boolean[1];
        ObjectRecord updated = versions.update(bucket, key, versionId, object -> {
            ObjectHeaders headers = object.headers() == null ? ObjectHeaders.empty() : object.headers();
            if (!headers.archived()) {
                throw new AwsException(403, "InvalidObjectState", "Restore is not allowed for the object's current storage class")
                        .with("StorageClass", headers.storageClassOrDefault());
            }
            ObjectRestore old = headers.restore();
            if (old != null && old.ongoing(now)) {
                throw new AwsException(409, "RestoreAlreadyInProgress", "Object restore is already in progress");
            }
            restored[0] = old != null && old.restored(now);
            ObjectRestore next;
            if (restored[0]) {
                next = old.withExpiry(LifecycleExpiration.due(now, days));
            } else {
                Instant completes = now.plus(delay(retrieval));
                next = new ObjectRestore(retrieval, completes, LifecycleExpiration.due(completes, days));
            }
            return object.withHeaders(headers.withRestore(next));
        });
        if (!restored[0]) {
            state.publish(scope, bucket, key, "ObjectRestore:Post", updated, caller);
            synchronized (pending) {
                pending.add(new Pending(scope, bucket, key, updated.versionIdOrNull(), updated.headers().restore().completesAt(),
                        caller.requestId(), caller.sourceIp()));
            }
        }
        return restored[0];
    }

    /** The x-amz-restore / RestoreStatus state of a version as of now: null when it has none (or it expired). */
    public RestoreStatus status(ObjectRecord object) {
        ObjectRestore restore = object.headers() == null ? null : object.headers().restore();
        Instant now = now();
        if (restore == null || restore.expired(now)) {
            return null;
        }
        return new RestoreStatus(restore.ongoing(now), restore.ongoing(now) ? null : restore.expiresAt());
    }

    /** GetObject of an archived version without a restored copy is S3's 403 InvalidObjectState. */
    void checkReadable(ObjectRecord object) {
        if (!readable(object)) {
            throw new AwsException(403, "InvalidObjectState", "The operation is not valid for the object's storage class")
                    .with("StorageClass", object.headers().storageClassOrDefault());
        }
    }

    /** A copy source that is archived without a restored copy is S3's 403 InvalidObjectState. */
    void checkCopySource(ObjectRecord source) {
        if (!readable(source)) {
            throw new AwsException(403, "InvalidObjectState", "Operation is not valid for the source object's storage class")
                    .with("StorageClass", source.headers().storageClassOrDefault());
        }
    }

    private boolean readable(ObjectRecord object) {
        ObjectHeaders headers = object.headers();
        return headers == null || !headers.archived() || headers.restore() != null && headers.restore().restored(now());
    }

    private void completeQuietly() {
        try {
            complete();
        } catch (RuntimeException e) {
            LOG.warn("S3 restore completion check failed: {}", e.toString());
        }
    }

    /** Announces ObjectRestore:Completed for every restore whose completion the clock has passed. */
    void complete() {
        Instant now = now();
        List<Pending> due = new ArrayList<>();
        synchronized (pending) {
            for (Iterator<Pending> it = pending.iterator(); it.hasNext();) {
                Pending p = it.next();
                if (!now.isBefore(p.completesAt())) {
                    due.add(p);
                    it.remove();
                }
            }
        }
        for (Pending p : due) {
            ObjectRecord object;
            try {
                object = versions.find(p.bucket(), p.key(), p.versionId());
            } catch (AwsException gone) {
                continue; // deleted while being restored: nothing to announce
            }
            state.publish(p.scope(), p.bucket(), p.key(), "ObjectRestore:Completed", object, new Caller(p.requestId(), p.sourceIp()));
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
