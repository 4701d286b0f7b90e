package dev.cloudjar.services.s3;

import dev.cloudjar.services.s3.model.AccessControlPolicy;
import dev.cloudjar.services.s3.model.BucketAccess;
import dev.cloudjar.services.s3.model.Grant;
import dev.cloudjar.services.s3.model.ObjectRecord;
import dev.cloudjar.services.s3.model.PublicAccessBlock;
import java.util.Map;
import java.util.Set;

/**
 * Whether S3 serves a request of a caller who does not own the bucket: an unsigned one, or one signed by another
 * account (strict mode only; the default mode judges no one). The owner may do anything. For anyone else an
 * explicit Deny of the bucket policy naming them (or everyone) refuses; an Allow naming them grants, and an Allow
 * for everyone too unless the public access block's RestrictPublicBuckets is set; otherwise a grant of the
 * bucket's ACL (bucket actions, and object writes) or of the object's ACL (object reads) to them, to AllUsers
 * or (signed callers) to AuthenticatedUsers grants, unless IgnorePublicAcls ignores the public groups or the
 * bucket's ObjectOwnership is BucketOwnerEnforced (ACLs then grant nothing). Anything else is S3's
 * AccessDenied, as is an unsigned request that names no bucket or creates one.
 *
 * <p>LIMITATIONS: DeleteObjects is judged once, for the resource {@code bucket/*}, not per key; a copy's
 * source is not judged; an object's ACL is its current version's.
 */
final class CallerAccess {
    /** The ACL permission that grants each action, for bucket ACLs and object ACLs. */
    private static final Map<String, String> BUCKET_ACL = Map.ofEntries(
            Map.entry("s3:ListBucket", "READ"), Map.entry("s3:ListBucketVersions", "READ"),
            Map.entry("s3:ListBucketMultipartUploads", "READ"), Map.entry("s3:PutObject", "WRITE"),
            Map.entry("s3:DeleteObject", "WRITE"), Map.entry("s3:DeleteObjectVersion", "WRITE"),
            Map.entry("s3:AbortMultipartUpload", "WRITE"), Map.entry("s3:GetBucketAcl", "READ_ACP"),
            Map.entry("s3:PutBucketAcl", "WRITE_ACP"));
    private static final Map<String, String> OBJECT_ACL = Map.of(
            "s3:GetObject", "READ", "s3:GetObjectVersion", "READ", "s3:GetObjectAcl", "READ_ACP",
            "s3:GetObjectVersionAcl", "READ_ACP", "s3:PutObjectAcl", "WRITE_ACP", "s3:PutObjectVersionAcl", "WRITE_ACP");
    /** Actions whose resource is the bucket itself rather than an object in it. */
    private static final Set<String> OBJECT_ACTIONS = Set.of("s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectAcl",
            "s3:GetObjectVersionAcl", "s3:PutObjectAcl", "s3:PutObjectVersionAcl", "s3:PutObject", "s3:DeleteObject",
            "s3:DeleteObjectVersion", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts", "s3:GetObjectTagging",
            "s3:PutObjectTagging", "s3:DeleteObjectTagging", "s3:GetObjectAttributes", "s3:RestoreObject");

    private final S3State state;
    private final AccessControl access;

    CallerAccess(S3State state, AccessControl access) {
        this.state = state;
        this.access = access;
    }

    /** Throws S3's AccessDenied unless {@code caller} (an account; null: unsigned) may do {@code action} on {@code key} (null: the bucket). */
    void check(String bucket, String key, String action, String caller) {
        if (bucket == null || "s3:CreateBucket".equals(action)) {
            if (caller == null) {
                throw denied();
            }
            return; // one's own bucket list; a name taken by another account is BucketAlreadyExists
        }
        var record = state.buckets.get(bucket);
        if (record == null || record.owner().equals(caller)) {
            return; // S3 answers NoSuchBucket, whoever asks
        }
        BucketAccess settings = access.access(bucket);
        PublicAccessBlock block = settings.publicAccessBlock() == null ? new PublicAccessBlock(false, false, false, false)
                : settings.publicAccessBlock();
        boolean objectAction = OBJECT_ACTIONS.contains(action);
        String resource = "arn:aws:s3:::" + bucket + (objectAction ? "/" + (key == null ? "*" : key) : "");
        PolicyEvaluation.Decision decision = PolicyEvaluation.evaluate(settings.policy(), caller, action, resource);
        if (decision == PolicyEvaluation.Decision.DENY) {
            throw denied();
        }
        if (decision == PolicyEvaluation.Decision.ALLOW
                || (decision == PolicyEvaluation.Decision.PUBLIC_ALLOW && !block.restrictPublicBuckets())) {
            return;
        }
        if (settings.aclsDisabled()) {
            throw denied();
        }
        String objectPermission = OBJECT_ACL.get(action);
        AccessControlPolicy acl;
        String permission;
        if (objectPermission != null && key != null) {
            ObjectRecord object = state.objects.get(S3State.objectKey(bucket, key));
            acl = object == null ? null : access.objectAcl(bucket, object);
            permission = objectPermission;
        } else {
            acl = access.bucketAcl(bucket);
            permission = BUCKET_ACL.get(action);
        }
        if (acl == null || permission == null || !grants(acl, permission, caller, block.ignorePublicAcls())) {
            throw denied();
        }
    }

    private static boolean grants(AccessControlPolicy acl, String permission, String caller, boolean ignorePublic) {
        String id = caller == null ? null : AccessControl.canonicalId(caller);
        for (Grant grant : acl.grants()) {
            boolean toCaller = id != null && id.equals(grant.id());
            boolean toPublic = !ignorePublic && (Grant.ALL_USERS.equals(grant.uri())
                    || (caller != null && Grant.AUTHENTICATED_USERS.equals(grant.uri())));
            if ((toCaller || toPublic) && (permission.equals(grant.permission()) || "FULL_CONTROL".equals(grant.permission()))) {
                return true;
            }
        }
        return false;
    }

    private static dev.cloudjar.core.AwsException denied() {
        return new dev.cloudjar.core.AwsException(403, "AccessDenied", "Access Denied");
    }
}
