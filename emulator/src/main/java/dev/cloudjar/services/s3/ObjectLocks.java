package dev.cloudjar.services.s3;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.s3.model.ObjectHeaders;
import dev.cloudjar.services.s3.model.ObjectLock;
import dev.cloudjar.services.s3.model.ObjectLockConfiguration;
import dev.cloudjar.services.s3.model.ObjectRecord;
import dev.cloudjar.services.s3.model.VersioningConfiguration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/**
 * S3 Object Lock: a bucket's lock configuration (enabled at CreateBucket or on a versioning-enabled
 * bucket, with an optional default retention), each version's retention and legal hold (kept in its
 * headers), and the rules that refuse deleting a locked version, shortening a retention or suspending
 * versioning. Retention is judged on CloudJar's injected clock.
 *
 * <p>LIMITATIONS: the bypass header is honoured without checking the s3:BypassGovernanceRetention
 * permission (nothing is enforced); a multipart upload's default retention counts from its
 * CreateMultipartUpload; Object Lock cannot be turned off again, as in S3.
 */
public final class ObjectLocks {
    static final int MAX_DAYS = 36500;
    static final int MAX_YEARS = 100;
    private final S3State state;
    private final ObjectVersions versions;
    private final PersistentMap<ObjectLockConfiguration> configurations;

    ObjectLocks(S3State state) {
        this.state = state;
        this.versions = new ObjectVersions(state);
        this.configurations = state.ctx.store().map("s3.objectLock", ObjectLockConfiguration.class);
    }

    private Instant now() {
        return state.ctx.clock().instant();
    }

    static AwsException accessDenied() {
        return new AwsException(403, "AccessDenied", "Access Denied");
    }

    static AwsException missingConfiguration() {
        return S3Errors.invalidRequest("Bucket is missing Object Lock Configuration");
    }

    /** CreateBucket with {@code x-amz-bucket-object-lock-enabled: true}: lock on, versioning Enabled. */
    void enable(String bucket) {
        configurations.put(bucket, ObjectLockConfiguration.enabledWithoutRule());
        state.versioning.compute(bucket, old -> new VersioningConfiguration("Enabled", old == null ? null : old.mfaDelete()));
    }

    public boolean enabled(String bucket) {
        return configurations.get(bucket) != null;
    }

    void forget(String bucket) {
        configurations.remove(bucket);
    }

    /** PutObjectLockConfiguration: a bucket without lock gets it only while its versioning is Enabled. */
    public void putConfiguration(String bucket, ObjectLockConfiguration configuration) {
        state.bucket(bucket);
        if (configuration.hasDefaultRetention()) {
            Integer period = configuration.days() != null ? configuration.days() : configuration.years();
            if (period == null || period <= 0) {
                throw new AwsException(400, "InvalidRetentionPeriod", "Default retention period must be a positive integer value.");
            }
            if (configuration.days() != null && period > MAX_DAYS || configuration.years() != null && period > MAX_YEARS) {
                throw new AwsException(400, "InvalidRetentionPeriod", "Default retention period is too large.");
            }
        }
        if (!enabled(bucket)) {
            VersioningConfiguration versioning = state.versioning.get(bucket);
            if (versioning == null || !versioning.enabled()) {
                throw new AwsException(409, "InvalidBucketState",
                        "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration");
            }
        }
        configurations.put(bucket, configuration);
    }

    public ObjectLockConfiguration configuration(String bucket) {
        state.bucket(bucket);
        ObjectLockConfiguration configuration = configurations.get(bucket);
        if (configuration == null) {
            throw new AwsException(404, "ObjectLockConfigurationNotFoundError",
                    "Object Lock configuration does not exist for this bucket").with("BucketName", bucket);
        }
        return configuration;
    }

    /** PutBucketVersioning may not suspend versioning of a lock-enabled bucket (S3's 409). */
    void checkVersioningChange(String bucket, VersioningConfiguration change) {
        if (change.status() != null && !change.enabled() && enabled(bucket)) {
            throw new AwsException(409, "InvalidBucketState",
                    "An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.");
        }
    }

    /**
     * The lock a new version carries: the one the request asked for, else the bucket's default
     * retention from now, else none. Lock headers on a bucket without Object Lock are S3's InvalidRequest.
     */
    ObjectLock forNewVersion(String bucket, ObjectLock requested) {
        boolean asked = requested != null && (requested.mode() != null || requested.retainUntil() != null || requested.legalHold() != null);
        ObjectLockConfiguration configuration = configurations.get(bucket);
        if (configuration == null) {
            if (asked) {
                state.bucket(bucket);
                throw missingConfiguration();
            }
            return null;
        }
        if (asked) {
            checkRetention(requested.mode(), requested.retainUntil());
        }
        if (requested != null && requested.mode() != null) {
            return requested;
        }
        String hold = requested == null ? null : requested.legalHold();
        if (!configuration.hasDefaultRetention()) {
            return hold == null ? null : new ObjectLock(null, null, hold);
        }
        Instant now = now();
        Instant until = configuration.days() != null ? now.plus(java.time.Duration.ofDays(configuration.days()))
                : now.atZone(ZoneOffset.UTC).plusYears(configuration.years()).toInstant();
        return new ObjectLock(configuration.mode(), until, hold);
    }

    /** The headers a new version carries: Object Lock as asked, or the bucket's default retention. */
    ObjectHeaders headersFor(String bucket, ObjectHeaders headers) {
        ObjectLock requested = headers == null ? null : headers.lock();
        ObjectLock lock = forNewVersion(bucket, requested);
        if (lock == requested) {
            return headers;
        }
        return (headers == null ? ObjectHeaders.empty() : headers).withLock(lock);
    }

    private void checkRetention(String mode, Instant until) {
        if ((mode == null) != (until == null)) {
            throw S3Errors.invalidArgument("x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied",
                    mode == null ? "x-amz-object-lock-mode" : "x-amz-object-lock-retain-until-date", null);
        }
        if (until != null && !until.isAfter(now())) {
            throw S3Errors.invalidArgument("The retain until date must be in the future!", "RetainUntilDate", until.toString());
        }
    }

    private void requireEnabled(String bucket) {
        state.bucket(bucket);
        if (!enabled(bucket)) {
            throw missingConfiguration();
        }
    }

    /**
     * PutObjectRetention: a running COMPLIANCE retention may only be extended; a running GOVERNANCE one
     * may be shortened, removed or changed in mode only with the bypass header. Returns the version id.
     */
    public String putRetention(String bucket, String key, String versionId, String mode, Instant until, boolean bypass) {
        requireEnabled(bucket);
        if (until != null && !until.isAfter(now())) {
            throw S3Errors.invalidArgument("The retain until date must be in the future!", "RetainUntilDate", until.toString());
        }
        ObjectRecord found = versions.find(bucket, key, versionId);
        if (found.deleteMarker()) {
            throw S3Errors.deleteMarkerNotAllowed("PUT", found.versionIdOrNull(), found.lastModified());
        }
        return versions.update(bucket, key, versionId, object -> {
            ObjectLock old = object.lock() == null ? new ObjectLock(null, null, null) : object.lock();
            if (old.retains(now())) {
                boolean weaker = mode == null || until.isBefore(old.retainUntil()) || !mode.equals(old.mode());
                if (weaker && (ObjectLock.COMPLIANCE.equals(old.mode()) || !bypass)) {
                    throw accessDenied();
                }
            }
            return withLock(object, old.withRetention(mode, until));
        }).versionId();
    }

    public ObjectLock retention(String bucket, String key, String versionId) {
        ObjectLock lock = lockOf(bucket, key, versionId);
        if (lock == null || lock.mode() == null) {
            throw noLock();
        }
        return lock;
    }

    public String putLegalHold(String bucket, String key, String versionId, String status) {
        requireEnabled(bucket);
        ObjectRecord found = versions.find(bucket, key, versionId);
        if (found.deleteMarker()) {
            throw S3Errors.deleteMarkerNotAllowed("PUT", found.versionIdOrNull(), found.lastModified());
        }
        return versions.update(bucket, key, versionId, object -> {
            ObjectLock old = object.lock() == null ? new ObjectLock(null, null, null) : object.lock();
            return withLock(object, old.withLegalHold(status));
        }).versionId();
    }

    public String legalHold(String bucket, String key, String versionId) {
        ObjectLock lock = lockOf(bucket, key, versionId);
        if (lock == null || lock.legalHold() == null) {
            throw noLock();
        }
        return lock.legalHold();
    }

    private ObjectLock lockOf(String bucket, String key, String versionId) {
        requireEnabled(bucket);
        ObjectRecord found = versions.find(bucket, key, versionId);
        if (found.deleteMarker()) {
            throw S3Errors.deleteMarkerNotAllowed("GET", found.versionIdOrNull(), found.lastModified());
        }
        return found.lock();
    }

    private static AwsException noLock() {
        return new AwsException(404, "NoSuchObjectLockConfiguration", "The specified object does not have a ObjectLock configuration");
    }

    private static ObjectRecord withLock(ObjectRecord object, ObjectLock lock) {
        boolean none = lock.mode() == null && lock.legalHold() == null;
        ObjectHeaders headers = object.headers() == null ? ObjectHeaders.empty() : object.headers();
        return object.withHeaders(headers.withLock(none ? null : lock));
    }

    /**
     * Checks a version about to be deleted for good: a legal hold or a running COMPLIANCE retention
     * refuses it; a running GOVERNANCE retention refuses it unless the request bypasses governance.
     */
    Consumer<ObjectRecord> deleteGuard(boolean bypassGovernance) {
        return version -> {
            ObjectLock lock = version.lock();
            if (lock == null) {
                return;
            }
            if (lock.held() || lock.retains(now()) && (ObjectLock.COMPLIANCE.equals(lock.mode()) || !bypassGovernance)) {
                throw accessDenied();
            }
        };
    }
}
