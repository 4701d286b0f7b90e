package dev.cloudjar.services.s3;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.S3NotificationConfigured;
import dev.cloudjar.services.s3.model.AccessControlPolicy;
import dev.cloudjar.services.s3.model.AclInput;
import dev.cloudjar.services.s3.model.BucketRecord;
import dev.cloudjar.services.s3.model.ExpirationRule;
import dev.cloudjar.services.s3.model.LifecycleRule;
import dev.cloudjar.services.s3.model.ObjectAttributes;
import dev.cloudjar.services.s3.model.PublicAccessBlock;
import dev.cloudjar.services.s3.model.CompleteUploadInput;
import dev.cloudjar.services.s3.model.CopyObjectInput;
import dev.cloudjar.services.s3.model.CopyResult;
import dev.cloudjar.services.s3.model.DeleteResult;
import dev.cloudjar.services.s3.model.ListVersionsInput;
import dev.cloudjar.services.s3.model.ObjectIdentifier;
import dev.cloudjar.services.s3.model.VersioningConfiguration;
import dev.cloudjar.services.s3.model.VersionsPage;
import dev.cloudjar.services.s3.model.CorsRule;
import dev.cloudjar.services.s3.model.GetObjectInput;
import dev.cloudjar.services.s3.model.ListObjectsInput;
import dev.cloudjar.services.s3.model.ListObjectsResult;
import dev.cloudjar.services.s3.model.MultipartUploadInput;
import dev.cloudjar.services.s3.model.NotificationConfiguration;
import dev.cloudjar.services.s3.model.ObjectHeaders;
import dev.cloudjar.services.s3.model.ObjectRead;
import dev.cloudjar.services.s3.model.ObjectRecord;
import dev.cloudjar.services.s3.model.PartRecord;
import dev.cloudjar.services.s3.model.PartsPage;
import dev.cloudjar.services.s3.model.PutObjectInput;
import dev.cloudjar.services.s3.model.RestoreStatus;
import dev.cloudjar.services.s3.model.UploadBody;
import dev.cloudjar.services.s3.model.UploadRecord;
import dev.cloudjar.services.s3.model.UploadsPage;
import dev.cloudjar.services.s3.select.SelectEngine;
import dev.cloudjar.services.s3.select.SelectRequest;
import dev.cloudjar.services.s3.select.SelectRun;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Amazon S3: buckets (with tagging, CORS and notification configurations), objects (put, get with
 * ranges and conditions, copy, delete, tagging, flexible checksums), listings and multipart uploads.
 * Metadata lives in the state store (objects keyed {@code bucket\0key}, so listings are range scans),
 * bytes in the blob store, streamed. Object events are published as {@code S3ObjectEvent}s; delivery to
 * notification targets belongs to {@code integration}.
 *
 * <p>Bucket names are global, as in AWS; a bucket is visible to its owner account only in ListBuckets.
 *
 * <p>Versioning follows S3: version ids on every write once it was enabled, {@code null} versions while it
 * is off or suspended, delete markers, reads / deletes / copies / tagging by version id.
 *
 * <p>The access model (owners, ACLs, ownership controls, policies, public access block) is stored and
 * returned as S3 does, never enforced.
 *
 * <p>Object Lock (see {@link ObjectLocks}) keeps locked versions from being deleted.
 *
 * <p>Lifecycle expiration is applied on CloudJar's clock (see {@link LifecycleExpiration}).
 *
 * <p>GLACIER and DEEP_ARCHIVE objects are read only from a restored copy (see {@link ObjectRestores}).
 *
 * <p>LIMITATIONS: lifecycle transitions, website, encryption, request payment,
 * accelerate, logging, inventory, analytics, metrics, intelligent-tiering and replication configurations
 * are stored and returned, not acted on; no website hosting; S3 Select has the limits of {@link SelectEngine}. Every bucket is a
 * general purpose bucket: ListDirectoryBuckets lists none, and CreateSession, RenameObject, GetObjectTorrent
 * and the S3 Metadata configurations answer 501 NotImplemented (decision 0013). Bucket ABAC and object
 * SSE-KMS (UpdateObjectEncryption) are stored and returned, neither enforced nor encrypting.
 * Browser POST uploads ({@link #postObject}) check their policy's signature only in strict authentication,
 * and a second file part after the first is not noticed (S3 refuses it), since nothing after the file is
 * read. Requests of
 * other accounts are not denied. Signatures are not verified (presigned-URL expiry is). CRC64NVME is
 * not computed for copies that need a new checksum; a FULL_OBJECT multipart checksum whose parts
 * carried no checksums is stored as the client sent it. The SHA512/MD5/XXHASH checksum algorithms are
 * not supported. Blobs
 * orphaned by a crash between writing bytes and their record are not collected.
 */
public final class S3Backend implements AutoCloseable {
    private final S3State state;
    private volatile NotificationDestinations destinations = NotificationDestinations.ANY;
    private final BucketOperations buckets;
    private final ObjectOperations objects;
    private final MultipartOperations multipart;
    private final AccessControl access;
    private final BucketConfigurations configs;
    private final ObjectLocks locks;
    private final IdConfigurations idConfigs;
    private final LifecycleExpiration lifecycle;
    private final CallerAccess callers;
    private final ObjectRestores restores;

    public S3Backend(ServiceContext ctx) {
        this.state = new S3State(ctx);
        this.buckets = new BucketOperations(state);
        this.access = new AccessControl(state);
        this.configs = new BucketConfigurations(state);
        this.callers = new CallerAccess(state, access);
        this.restores = new ObjectRestores(state);
        this.objects = new ObjectOperations(state, access, restores);
        this.multipart = new MultipartOperations(state, objects);
        this.locks = new ObjectLocks(state);
        this.idConfigs = new IdConfigurations(state);
        this.lifecycle = new LifecycleExpiration(state, objects, multipart, locks);
    }

    // ---- buckets

    public BucketRecord createBucket(Scope scope, String bucket, String locationConstraint) {
        return buckets.create(scope, bucket, locationConstraint, null, AclInput.NONE);
    }

    /** CreateBucket with x-amz-object-ownership (null: BucketOwnerEnforced, S3's default) and a canned or granted ACL. */
    public BucketRecord createBucket(Scope scope, String bucket, String locationConstraint, String objectOwnership, AclInput acl) {
        return buckets.create(scope, bucket, locationConstraint, objectOwnership, acl);
    }

    /** CreateBucket with {@code x-amz-bucket-object-lock-enabled}: Object Lock on and versioning Enabled. */
    public BucketRecord createBucket(Scope scope, String bucket, String locationConstraint, String objectOwnership, AclInput acl,
            boolean objectLockEnabled) {
        BucketRecord created = buckets.create(scope, bucket, locationConstraint, objectOwnership, acl);
        if (objectLockEnabled) {
            locks.enable(bucket);
        }
        return created;
    }

    /** Inventory, analytics, metrics and intelligent-tiering configurations (by id) and replication. */
    public IdConfigurations idConfigurations() {
        return idConfigs;
    }

    /** Object Lock configuration, retention and legal hold of a bucket's objects. */
    public ObjectLocks objectLock() {
        return locks;
    }

    // ---- access model (stored and returned; enforced only on unsigned requests in strict mode)

    /**
     * Refuses (AccessDenied) a request of another account than the bucket owner's ({@code caller}; null: unsigned) unless
     * the bucket's policy or ACL lets it do the IAM {@code action}. Strict mode only: the default mode judges no one.
     */
    public void checkAccess(String bucket, String key, String action, String caller) {
        callers.check(bucket, key, action, caller);
    }

    /** The canonical user id S3 shows as the owner of an account's buckets and objects. */
    public static String canonicalId(String account) {
        return AccessControl.canonicalId(account);
    }

    public static String displayName(String account) {
        return AccessControl.displayName(account);
    }

    public void putBucketAcl(String bucket, AclInput acl) {
        access.putBucketAcl(bucket, acl);
    }

    public AccessControlPolicy bucketAcl(String bucket) {
        return access.bucketAcl(bucket);
    }

    public String putObjectAcl(String bucket, String key, String versionId, AclInput acl) {
        return objects.putAcl(bucket, key, versionId, acl);
    }

    public AccessControlPolicy objectAcl(String bucket, String key, String versionId) {
        return objects.acl(bucket, key, versionId);
    }

    public void putBucketPolicy(String bucket, String policy) {
        access.putPolicy(bucket, policy);
    }

    public String bucketPolicy(String bucket) {
        return access.policy(bucket);
    }

    public void deleteBucketPolicy(String bucket) {
        access.deletePolicy(bucket);
    }

    public boolean bucketPolicyIsPublic(String bucket) {
        return access.policyIsPublic(bucket);
    }

    public void putPublicAccessBlock(String bucket, PublicAccessBlock block) {
        access.putPublicAccessBlock(bucket, block);
    }

    public PublicAccessBlock publicAccessBlock(String bucket) {
        return access.publicAccessBlock(bucket);
    }

    public void deletePublicAccessBlock(String bucket) {
        access.deletePublicAccessBlock(bucket);
    }

    public void putBucketOwnershipControls(String bucket, String objectOwnership) {
        access.putOwnership(bucket, objectOwnership);
    }

    public String bucketOwnershipControls(String bucket) {
        return access.ownership(bucket);
    }

    public void deleteBucketOwnershipControls(String bucket) {
        access.deleteOwnership(bucket);
    }

    public BucketRecord headBucket(String bucket) {
        return buckets.head(bucket);
    }

    public void deleteBucket(String bucket) {
        buckets.delete(bucket);
        locks.forget(bucket);
        lifecycle.forget(bucket);
    }

    /** ListDirectoryBuckets: CloudJar's buckets are all general purpose buckets, so the caller has no directory buckets. */
    public List<BucketRecord> listDirectoryBuckets(Scope scope) {
        return List.of();
    }

    /** The caller's buckets in name order, optionally only those starting with {@code prefix}. */
    public List<BucketRecord> listBuckets(Scope scope, String prefix) {
        return buckets.list(scope, prefix);
    }

    public void putBucketTagging(String bucket, Map<String, String> tags) {
        buckets.putTags(bucket, tags);
    }

    public Map<String, String> bucketTagging(String bucket) {
        return buckets.tags(bucket);
    }

    public void deleteBucketTagging(String bucket) {
        buckets.deleteTags(bucket);
    }

    public void putBucketCors(String bucket, List<CorsRule> rules) {
        buckets.putCors(bucket, rules);
    }

    public List<CorsRule> bucketCors(String bucket) {
        return buckets.cors(bucket);
    }

    public void deleteBucketCors(String bucket) {
        buckets.deleteCors(bucket);
    }

    /**
     * Answers a CORS preflight: the matching rule, or 403 AccessForbidden when CORS is off for the
     * bucket or no rule allows the origin, method and headers.
     */
    public CorsRule corsPreflight(String bucket, String origin, String method, List<String> requestHeaders) {
        BucketRecord record = state.buckets.get(bucket);
        if (record == null) {
            throw S3Errors.corsForbidden("CORSResponse: Bucket not found");
        }
        List<CorsRule> rules = record.cors();
        if (rules == null || rules.isEmpty()) {
            throw S3Errors.corsForbidden("CORSResponse: CORS is not enabled for this bucket.");
        }
        CorsRule rule = CorsRules.match(rules, origin, method, requestHeaders);
        if (rule == null) {
            throw S3Errors.corsForbidden("CORSResponse: This CORS request is not allowed. This is usually because the "
                    + "evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers "
                    + "are not whitelisted by the resource's CORS spec.");
        }
        return rule;
    }

    /** The rule that lets a cross-origin (non-preflight) request see its answer, or null. */
    public CorsRule corsRuleFor(String bucket, String origin, String method) {
        BucketRecord record = bucket == null ? null : state.buckets.get(bucket);
        return record == null ? null : CorsRules.match(record.cors(), origin, method, List.of());
    }

    /** Wired by integration: lets S3 check that notification destinations exist, as AWS does. */
    public void useNotificationDestinations(NotificationDestinations value) {
        this.destinations = value;
    }

    public void putBucketNotificationConfiguration(String bucket, NotificationConfiguration configuration) {
        putBucketNotificationConfiguration(null, bucket, configuration, null);
    }

    /**
     * Saves the configuration after checking every destination exists (AWS answers InvalidArgument
     * "Unable to validate the following destination configurations" otherwise), then announces it so
     * that queues and topics get their s3:TestEvent.
     */
    public void putBucketNotificationConfiguration(Scope scope, String bucket, NotificationConfiguration configuration, String requestId) {
        List<String> arns = new ArrayList<>();
        configuration.queueConfigurations().forEach(t -> arns.add(t.arn()));
        configuration.topicConfigurations().forEach(t -> arns.add(t.arn()));
        List<String> all = new ArrayList<>(arns);
        configuration.lambdaFunctionConfigurations().forEach(t -> all.add(t.arn()));
        buckets.validateNotification(bucket, configuration);
        AwsException invalid = null;
        int n = 0;
        for (String arn : all) {
            String problem = arn == null ? null : destinations.problemWith(arn);
            if (problem != null) {
                if (invalid == null) {
                    invalid = new AwsException(400, "InvalidArgument", "Unable to validate the following destination configurations");
                }
                n++;
                invalid.with("ArgumentName" + n, arn).with("ArgumentValue" + n, problem);
            }
        }
        if (invalid != null) {
            throw invalid;
        }
        buckets.putNotification(bucket, configuration);
        if (!arns.isEmpty()) {
            Scope where = scope != null ? scope : new Scope(state.ctx.config().accountId(), state.ctx.config().region());
            state.ctx.events().publish(new S3NotificationConfigured(where, bucket, List.copyOf(arns), requestId, state.ctx.clock().instant()));
        }
    }

    public NotificationConfiguration bucketNotificationConfiguration(String bucket) {
        return buckets.notification(bucket);
    }

    /**
     * For {@code integration}: the bucket's notification configuration (empty when none), or null when
     * the bucket is gone.
     */
    public NotificationConfiguration notificationConfiguration(Scope scope, String bucket) {
        BucketRecord record = state.buckets.get(bucket);
        if (record == null) {
            return null;
        }
        return record.notification() == null ? NotificationConfiguration.empty() : record.notification();
    }

    // ---- objects

    public ObjectRecord putObject(Scope scope, PutObjectInput in, UploadBody body, Caller caller) {
        return objects.put(scope, withDefaultLock(in), body, caller);
    }

    /** A browser form upload (POST Object): a PutObject whose notification is {@code ObjectCreated:Post}. */
    public ObjectRecord postObject(Scope scope, PutObjectInput in, UploadBody body, Caller caller) {
        return objects.put(scope, withDefaultLock(in), body, caller, "ObjectCreated:Post");
    }

    private PutObjectInput withDefaultLock(PutObjectInput in) {
        ObjectHeaders headers = locks.headersFor(in.bucket(), in.headers());
        return headers == in.headers() ? in : in.withHeaders(headers);
    }

    /**
     * Resolves GetObject: conditions, range or part; the bytes come from {@link #openObject}. An archived
     * version without a restored copy is 403 InvalidObjectState.
     */
    public ObjectRead getObject(GetObjectInput in) {
        return objects.read(in, false);
    }

    /** Resolves HeadObject: as GetObject, but archived versions answer too. */
    public ObjectRead headObject(GetObjectInput in) {
        return objects.read(in, true);
    }

    /**
     * SelectObjectContent, checked: the request (S3 Select's 400s), the expression, and the object (an
     * archived one without a restored copy is 403 InvalidObjectState). {@link #runSelect} streams it.
     */
    public SelectRun selectObjectContent(String bucket, String key, SelectRequest request) {
        SelectEngine engine = SelectEngine.prepare(request);
        ObjectRead read = objects.read(new GetObjectInput(bucket, key, null, null, null, null, null, null), false);
        return new SelectRun(engine, read);
    }

    /** Runs a checked select over the object's bytes, handing its events out as they come. */
    public SelectEngine.Stats runSelect(SelectRun run, SelectEngine.Events events) throws java.io.IOException {
        try (InputStream in = objects.open(run.read())) {
            return run.engine().run(in, events);
        }
    }

    /** RestoreObject of an archived version: true when a restored copy existed already (200), false for a new restore (202). */
    public boolean restoreObject(Scope scope, String bucket, String key, String versionId, Integer days, String tier, Caller caller) {
        return restores.restore(scope, bucket, key, versionId, days, tier, caller);
    }

    /** The version's restore as S3 reports it now (x-amz-restore, RestoreStatus), or null when it has none. */
    public RestoreStatus restoreStatus(ObjectRecord object) {
        return restores.status(object);
    }

    /** Announces ObjectRestore:Completed for restores the clock has completed (also done every second). */
    public void completeRestoresNow() {
        restores.complete();
    }

    public InputStream openObject(ObjectRead read) {
        return objects.open(read);
    }

    public boolean deleteObject(Scope scope, String bucket, String key, Caller caller) {
        return deleteObject(scope, bucket, key, null, caller) != null;
    }

    /**
     * Deletes a key (a delete marker in versioned buckets) or, with {@code versionId}, that version for
     * good; absent keys and versions are fine, as in S3.
     */
    public DeleteResult deleteObject(Scope scope, String bucket, String key, String versionId, Caller caller) {
        return objects.delete(scope, bucket, key, versionId, caller);
    }

    /** As above; a version under Object Lock is kept (AccessDenied) unless only GOVERNANCE holds it and the caller bypasses it. */
    public DeleteResult deleteObject(Scope scope, String bucket, String key, String versionId, Caller caller, boolean bypassGovernance) {
        return objects.delete(scope, bucket, key, versionId, caller, locks.deleteGuard(bypassGovernance));
    }

    /** DeleteObjects with Object Lock: locked versions come back as AccessDenied errors. */
    public List<DeleteResult> deleteObjects(Scope scope, String bucket, List<ObjectIdentifier> keys, Caller caller,
            boolean bypassGovernance) {
        return objects.deleteMany(scope, bucket, keys, caller, locks.deleteGuard(bypassGovernance));
    }

    /** Deletes up to 1000 keys or versions; absent ones are reported as deleted, as S3 does. */
    public List<DeleteResult> deleteObjects(Scope scope, String bucket, List<ObjectIdentifier> keys, Caller caller) {
        return objects.deleteMany(scope, bucket, keys, caller);
    }

    public CopyResult copyObject(Scope scope, CopyObjectInput in, Caller caller) {
        ObjectHeaders headers = locks.headersFor(in.bucket(), in.headers());
        return objects.copy(scope, headers == in.headers() ? in : in.withHeaders(headers), caller);
    }

    public void putObjectTagging(String bucket, String key, Map<String, String> tags) {
        objects.putTags(bucket, key, null, tags);
    }

    /** Tags one version (null: the current one); returns its version id (null for the null version). */
    public String putObjectTagging(String bucket, String key, String versionId, Map<String, String> tags) {
        return objects.putTags(bucket, key, versionId, tags);
    }

    public Map<String, String> objectTagging(String bucket, String key) {
        return objects.tagged(bucket, key, null).tags();
    }

    /** The version whose tags GetObjectTagging returns (null: the current one). */
    public ObjectRecord objectTagging(String bucket, String key, String versionId) {
        return objects.tagged(bucket, key, versionId);
    }

    /**
     * UpdateObjectEncryption to SSE-KMS with {@code kmsKeyArn} (any key: CloudJar has no KMS, and encrypts
     * nothing); the object's bytes, ETag and dates stay. Returns the version id (null for the null version).
     */
    public String updateObjectEncryption(String bucket, String key, String versionId, String kmsKeyArn, boolean bucketKeyEnabled) {
        return objects.updateEncryption(bucket, key, versionId, kmsKeyArn, bucketKeyEnabled);
    }

    /** GetObjectAttributes: the version (null: current) and a page of its parts. */
    public ObjectAttributes objectAttributes(String bucket, String key, String versionId, int maxParts, int partNumberMarker) {
        return objects.attributes(bucket, key, versionId, maxParts, partNumberMarker);
    }

    // ---- stored bucket configurations

    /** Stores a bucket configuration document (website, encryption, requestPayment, accelerate, logging). */
    public void putBucketConfiguration(String bucket, String name, String document) {
        configs.put(bucket, name, document);
    }

    /** As below; the Enabled rules' expirations are then applied on CloudJar's clock. */
    public void putBucketLifecycle(String bucket, List<LifecycleRule> rules, String document, List<ExpirationRule> expirations) {
        putBucketLifecycle(bucket, rules, document);
        lifecycle.put(bucket, expirations);
    }

    /** Applies lifecycle expiration as of now (the sweep does it once a UTC day); returns how much went. */
    public int applyLifecycleNow() {
        return lifecycle.sweep(state.ctx.clock().instant());
    }

    @Override
    public void close() {
        lifecycle.close();
        restores.close();
    }

    /** Checks the rules as S3 does, then stores the document. */
    public void putBucketLifecycle(String bucket, List<LifecycleRule> rules, String document) {
        state.bucket(bucket);
        BucketConfigurations.validateLifecycle(rules);
        configs.put(bucket, "lifecycle", document);
    }

    /** The stored document, or null when none was put (the wire answers S3's default or its 404). */
    public String bucketConfiguration(String bucket, String name) {
        return configs.get(bucket, name);
    }

    public void deleteBucketConfiguration(String bucket, String name) {
        configs.delete(bucket, name);
        if ("lifecycle".equals(name)) {
            lifecycle.forget(bucket);
        }
    }

    /** The SSE algorithms PutBucketEncryption accepts. */
    public static boolean encryptionAlgorithm(String name) {
        return BucketConfigurations.ENCRYPTION_ALGORITHMS.contains(name);
    }

    // ---- versioning

    /** Turns versioning on or suspends it (Status Enabled / Suspended; a bucket never goes back to unversioned). */
    public void putBucketVersioning(String bucket, VersioningConfiguration configuration) {
        state.bucket(bucket);
        locks.checkVersioningChange(bucket, configuration);
        idConfigs.checkVersioningChange(bucket, configuration);
        buckets.putVersioning(bucket, configuration);
    }

    /** The bucket's versioning, or null when it was never turned on. */
    public VersioningConfiguration bucketVersioning(String bucket) {
        return buckets.versioning(bucket);
    }

    public VersionsPage listObjectVersions(ListVersionsInput in) {
        state.bucket(in.bucket());
        return VersionListing.list(state, in);
    }

    public ListObjectsResult listObjects(ListObjectsInput in) {
        state.bucket(in.bucket());
        return ObjectListing.list(state.objects, in);
    }

    // ---- multipart

    public UploadRecord createMultipartUpload(MultipartUploadInput in) {
        ObjectHeaders headers = locks.headersFor(in.bucket(), in.headers());
        return multipart.create(headers == in.headers() ? in : in.withHeaders(headers));
    }

    public PartRecord uploadPart(String bucket, String key, String uploadId, int partNumber, UploadBody body) {
        return multipart.uploadPart(bucket, key, uploadId, partNumber, body);
    }

    /** Copies a source object (or a {@code bytes=a-b} range of it) into a part. */
    public PartRecord uploadPartCopy(String bucket, String key, String uploadId, int partNumber, String sourceBucket,
            String sourceKey, String range, GetObjectInput sourceConditions) {
        MultipartOperations.checkPartNumber(partNumber);
        ObjectRecord source = objects.copySource(sourceBucket, sourceKey, sourceConditions.versionId());
        Preconditions.checkCopySource(source.eTag(), source.lastModified(), sourceConditions.ifMatch(),
                sourceConditions.ifNoneMatch(), sourceConditions.ifModifiedSince(), sourceConditions.ifUnmodifiedSince());
        return multipart.uploadPartCopy(bucket, key, uploadId, partNumber, source, range);
    }

    public ObjectRecord completeMultipartUpload(Scope scope, CompleteUploadInput in, Caller caller) {
        return multipart.complete(scope, in, caller);
    }

    public void abortMultipartUpload(String bucket, String key, String uploadId) {
        multipart.abort(bucket, key, uploadId);
    }

    public PartsPage listParts(String bucket, String key, String uploadId, int maxParts, int partNumberMarker) {
        return multipart.listParts(bucket, key, uploadId, maxParts, partNumberMarker);
    }

    public UploadsPage listMultipartUploads(String bucket, String prefix, String delimiter, String keyMarker,
            String uploadIdMarker, int maxUploads) {
        return multipart.listUploads(bucket, prefix, delimiter, keyMarker, uploadIdMarker, maxUploads);
    }
}
