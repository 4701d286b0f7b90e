package dev.cloudjar.services.s3;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.s3.model.BucketRecord;
import dev.cloudjar.services.s3.model.ExpirationRule;
import dev.cloudjar.services.s3.model.LifecycleExpirations;
import dev.cloudjar.services.s3.model.ObjectRecord;
import dev.cloudjar.services.s3.model.UploadRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies lifecycle expiration on CloudJar's clock: current versions past Expiration Days / Date (a
 * delete marker in versioned buckets), noncurrent versions past NoncurrentDays (keeping
 * NewerNoncurrentVersions), expired object delete markers, and multipart uploads past
 * AbortIncompleteMultipartUpload. As in S3, a Days count ends at the next midnight UTC, so every due
 * time is a midnight: a sweep runs once per UTC day the clock enters (and after a rule change), checked
 * every second.
 *
 * <p>Removals are announced as S3 does: LifecycleExpiration:Delete and :DeleteMarkerCreated.
 *
 * <p>LIMITATIONS: transitions change no storage class; a version under Object Lock is skipped, as S3 does.
 */
final class LifecycleExpiration implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleExpiration.class);
    private final S3State state;
    private final ObjectOperations objects;
    private final MultipartOperations multipart;
    private final ObjectLocks locks;
    private final PersistentMap<LifecycleExpirations> rules;
    private final ScheduledExecutorService timer;
    private volatile boolean changed = true;
    private volatile Instant lastDay;

    LifecycleExpiration(S3State state, ObjectOperations objects, MultipartOperations multipart, ObjectLocks locks) {
        this.state = state;
        this.objects = objects;
        this.multipart = multipart;
        this.locks = locks;
        this.rules = state.ctx.store().map("s3.lifecycleExpirations", LifecycleExpirations.class);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cloudjar-s3-lifecycle");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::sweepQuietly, 1, 1, TimeUnit.SECONDS);
    }

    void put(String bucket, List<ExpirationRule> enabled) {
        rules.put(bucket, new LifecycleExpirations(enabled));
        changed = true;
    }

    void forget(String bucket) {
        rules.remove(bucket);
    }

    /** The midnight UTC at or after {@code from + days}, when S3 acts on a Days count. */
    static Instant due(Instant from, int days) {
        Instant at = from.plus(Duration.ofDays(days));
        Instant midnight = at.truncatedTo(ChronoUnit.DAYS);
        return midnight.isBefore(at) ? midnight.plus(Duration.ofDays(1)) : midnight;
    }

    private void sweepQuietly() {
        try {
            Instant now = state.ctx.clock().instant();
            Instant day = now.truncatedTo(ChronoUnit.DAYS);
            if (changed || !day.equals(lastDay)) {
                changed = false;
                lastDay = day;
                sweep(now);
            }
        } catch (RuntimeException e) {
            LOG.warn("S3 lifecycle expiration sweep failed", e);
        }
    }

    /** Applies every bucket's rules as of {@code now}; returns how many versions, markers and uploads went. */
    synchronized int sweep(Instant now) {
        int removed = 0;
        List<String> buckets = new ArrayList<>();
        for (String bucket : rules.keys(null, null)) {
            buckets.add(bucket);
        }
        for (String bucket : buckets) {
            LifecycleExpirations expirations = rules.get(bucket);
            BucketRecord record = state.buckets.get(bucket);
            if (expirations == null || record == null || expirations.rules().isEmpty()) {
                continue;
            }
            Scope scope = new Scope(record.owner(), record.region());
            removed += expireCurrent(scope, bucket, expirations.rules(), now);
            removed += expireVersions(scope, bucket, expirations.rules(), now);
            removed += abortUploads(bucket, expirations.rules(), now);
        }
        return removed;
    }

    private int expireCurrent(Scope scope, String bucket, List<ExpirationRule> rules, Instant now) {
        List<String> due = new ArrayList<>();
        for (Map.Entry<String, ObjectRecord> e : state.objects.range(S3State.bucketStart(bucket), S3State.bucketEnd(bucket))) {
            ObjectRecord object = e.getValue();
            for (ExpirationRule rule : rules) {
                if ((rule.days() != null || rule.date() != null) && rule.matches(object.key(), object.tags(), object.size())) {
                    Instant when = rule.days() != null ? due(object.lastModified(), rule.days()) : rule.date();
                    if (!now.isBefore(when)) {
                        due.add(object.key());
                        break;
                    }
                }
            }
        }
        for (String key : due) {
            objects.delete(scope, bucket, key, null, Caller.internal(), version -> { }, ObjectVersions.EXPIRED);
        }
        return due.size();
    }

    /** One noncurrent version or delete marker the sweep removes by id. */
    private record Doomed(String key, String versionId) {
    }

    private int expireVersions(Scope scope, String bucket, List<ExpirationRule> rules, Instant now) {
        List<Doomed> doomed = new ArrayList<>();
        List<ObjectRecord> group = new ArrayList<>();
        String groupKey = null;
        for (Map.Entry<String, ObjectRecord> e : state.versions.range(S3State.bucketStart(bucket), S3State.bucketEnd(bucket))) {
            ObjectRecord version = e.getValue();
            if (!version.key().equals(groupKey)) {
                judge(bucket, groupKey, group, rules, now, doomed);
                group.clear();
                groupKey = version.key();
            }
            group.add(version);
        }
        judge(bucket, groupKey, group, rules, now, doomed);
        int removed = 0;
        for (Doomed d : doomed) {
            try {
                objects.delete(scope, bucket, d.key(), d.versionId(), Caller.internal(), locks.deleteGuard(false), ObjectVersions.EXPIRED);
                removed++;
            } catch (AwsException locked) {
                // under Object Lock: S3's lifecycle leaves it too
            }
        }
        return removed;
    }

    /** Decides for one key's noncurrent versions (newest first) and a lone delete marker. */
    private void judge(String bucket, String key, List<ObjectRecord> versions, List<ExpirationRule> rules, Instant now,
            List<Doomed> doomed) {
        if (key == null || versions.isEmpty()) {
            return;
        }
        ObjectRecord current = state.objects.get(S3State.objectKey(bucket, key));
        if (current == null && versions.size() == 1 && versions.get(0).deleteMarker()) {
            for (ExpirationRule rule : rules) {
                if (rule.expiredObjectDeleteMarker() && rule.matches(key, Map.of(), 0)) {
                    doomed.add(new Doomed(key, versions.get(0).versionIdOrNull()));
                    return;
                }
            }
            return;
        }
        // With no current object the newest entry is the key's latest version, not a noncurrent one.
        Instant newerSince = current != null ? current.lastModified() : versions.get(0).lastModified();
        int first = current != null ? 0 : 1;
        for (int i = first; i < versions.size(); i++) {
            ObjectRecord version = versions.get(i);
            int newer = i - first;
            for (ExpirationRule rule : rules) {
                if (rule.noncurrentDays() == null || !rule.matches(key, version.tags(), version.size())) {
                    continue;
                }
                boolean keptByCount = rule.newerNoncurrentVersions() != null && newer < rule.newerNoncurrentVersions();
                if (!keptByCount && !now.isBefore(due(newerSince, rule.noncurrentDays()))) {
                    doomed.add(new Doomed(key, version.versionIdOrNull()));
                    break;
                }
            }
            newerSince = version.lastModified();
        }
    }

    private int abortUploads(String bucket, List<ExpirationRule> rules, Instant now) {
        List<UploadRecord> due = new ArrayList<>();
        for (Map.Entry<String, UploadRecord> e : state.uploads.range(S3State.bucketStart(bucket), S3State.bucketEnd(bucket))) {
            UploadRecord upload = e.getValue();
            for (ExpirationRule rule : rules) {
                if (rule.abortAfterDays() != null && (rule.prefix() == null || upload.key().startsWith(rule.prefix()))
                        && !now.isBefore(due(upload.initiated(), rule.abortAfterDays()))) {
                    due.add(upload);
                    break;
                }
            }
        }
        for (UploadRecord upload : due) {
            try {
                multipart.abort(bucket, upload.key(), upload.uploadId());
            } catch (AwsException gone) {
                // completed or aborted meanwhile
            }
        }
        return due.size();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
