package dev.cloudjar.services.s3;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.services.s3.model.AccessControlPolicy;
import dev.cloudjar.services.s3.model.AclInput;
import dev.cloudjar.services.s3.model.BucketAccess;
import dev.cloudjar.services.s3.model.Grant;
import dev.cloudjar.services.s3.model.PublicAccessBlock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The access model as S3 stores and returns it: owners (canonical ids derived from the account), canned
 * and explicit ACLs, ObjectOwnership (BucketOwnerEnforced, S3's default for new buckets, refuses ACLs
 * other than the owner's full control) and the public access block. Nothing here is enforced on
 * requests.
 *
 * <p>LIMITATIONS: an object's owner is its bucket's owner; {@code aws-exec-read} grants nothing beyond the
 * owner; e-mail grantees are stored as given, never resolved to accounts.
 */
final class AccessControl {
    /** The canonical id S3 tools expect for the default account (moto and LocalStack use it too). */
    static final String DEFAULT_OWNER_ID = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";
    static final String DEFAULT_OWNER_NAME = "webfile";
    private static final Set<String> OWNERSHIP = Set.of(BucketAccess.ENFORCED, "BucketOwnerPreferred", "ObjectWriter");
    private static final Set<String> PERMISSIONS = Set.of("FULL_CONTROL", "WRITE", "WRITE_ACP", "READ", "READ_ACP");
    private final S3State state;

    AccessControl(S3State state) {
        this.state = state;
    }

    static String canonicalId(String account) {
        if ("000000000000".equals(account)) {
            return DEFAULT_OWNER_ID;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("cloudjar:" + account).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String displayName(String account) {
        return "000000000000".equals(account) ? DEFAULT_OWNER_NAME : account;
    }

    static AccessControlPolicy ownerOnly(String account) {
        return new AccessControlPolicy(canonicalId(account), displayName(account),
                List.of(Grant.user(canonicalId(account), displayName(account), "FULL_CONTROL")));
    }

    static BucketAccess defaults(String account) {
        return new BucketAccess(BucketAccess.ENFORCED, ownerOnly(account), null, PublicAccessBlock.ALL_BLOCKED);
    }

    /** The bucket's settings; buckets stored before access settings existed get S3's defaults. */
    BucketAccess access(String bucket) {
        var record = state.bucket(bucket);
        BucketAccess stored = state.access.get(bucket);
        return stored != null ? stored : defaults(record.owner());
    }

    /** The ACL a request asks for (canned or grant headers or an XML body), or null when it asks for none. */
    static AccessControlPolicy resolve(AclInput in, String account) {
        if (in == null || (in.canned() == null && in.grants() == null)) {
            return null;
        }
        if (in.canned() != null && in.grants() != null && !in.grants().isEmpty()) {
            throw S3Errors.invalidRequest("Specifying both Canned ACLs and Header Grants is not allowed");
        }
        String id = canonicalId(account);
        String name = displayName(account);
        if (in.grants() != null) {
            for (Grant g : in.grants()) {
                if (g.permission() == null || !PERMISSIONS.contains(g.permission())) {
                    throw S3Errors.malformedAcl();
                }
                if (g.id() == null && g.uri() == null && g.email() == null) {
                    throw S3Errors.malformedAcl();
                }
                if (g.uri() != null && !g.uri().startsWith("http://acs.amazonaws.com/groups/")) {
                    throw S3Errors.invalidArgument("Invalid group uri", "uri", g.uri());
                }
            }
            return new AccessControlPolicy(id, name, in.grants());
        }
        List<Grant> grants = new ArrayList<>();
        grants.add(Grant.user(id, name, "FULL_CONTROL"));
        switch (in.canned()) {
            case "private", "bucket-owner-read", "bucket-owner-full-control", "aws-exec-read" -> { }
            case "public-read" -> grants.add(Grant.group(Grant.ALL_USERS, "READ"));
            case "public-read-write" -> {
                grants.add(Grant.group(Grant.ALL_USERS, "READ"));
                grants.add(Grant.group(Grant.ALL_USERS, "WRITE"));
            }
            case "authenticated-read" -> grants.add(Grant.group(Grant.AUTHENTICATED_USERS, "READ"));
            case "log-delivery-write" -> {
                grants.add(Grant.group(Grant.LOG_DELIVERY, "WRITE"));
                grants.add(Grant.group(Grant.LOG_DELIVERY, "READ_ACP"));
            }
            default -> throw S3Errors.invalidArgument("Invalid canned ACL", "x-amz-acl", in.canned());
        }
        return new AccessControlPolicy(id, name, grants);
    }

    /** True when the ACL gives only the owner full control: the one ACL BucketOwnerEnforced accepts. */
    static boolean ownerFullControlOnly(AccessControlPolicy acl, String account) {
        String id = canonicalId(account);
        for (Grant g : acl.grants()) {
            if (!Grant.CANONICAL_USER.equals(g.granteeType()) || !id.equals(g.id()) || !"FULL_CONTROL".equals(g.permission())) {
                return false;
            }
        }
        return true;
    }

    /** CreateBucket's x-amz-object-ownership and ACL, checked before the bucket exists. */
    static BucketAccess forNewBucket(String account, String objectOwnership, AclInput aclInput) {
        String ownership = objectOwnership == null ? BucketAccess.ENFORCED : objectOwnership;
        if (!OWNERSHIP.contains(ownership)) {
            throw S3Errors.invalidArgument("Invalid x-amz-object-ownership header: " + ownership, "x-amz-object-ownership", ownership);
        }
        AccessControlPolicy acl = resolve(aclInput, account);
        if (acl != null && BucketAccess.ENFORCED.equals(ownership) && !ownerFullControlOnly(acl, account)) {
            throw S3Errors.invalidBucketAclWithObjectOwnership();
        }
        return new BucketAccess(ownership, acl != null ? acl : ownerOnly(account), null, PublicAccessBlock.ALL_BLOCKED);
    }

    /** An object's ACL (null version id: the current one); with ACLs disabled, the owner's full control. */
    AccessControlPolicy objectAcl(String bucket, dev.cloudjar.services.s3.model.ObjectRecord object) {
        BucketAccess access = access(bucket);
        String owner = state.bucket(bucket).owner();
        return access.aclsDisabled() || object.acl() == null ? ownerOnly(owner) : object.acl();
    }

    /** The ACL a write may store on an object (null: the default), refused where the bucket disables ACLs. */
    AccessControlPolicy objectAclFor(String bucket, AclInput aclInput) {
        if (aclInput == null || (aclInput.canned() == null && aclInput.grants() == null)) {
            return null;
        }
        BucketAccess access = access(bucket);
        String owner = state.bucket(bucket).owner();
        AccessControlPolicy acl = resolve(aclInput, owner);
        if (access.aclsDisabled() && !ownerFullControlOnly(acl, owner)) {
            throw S3Errors.aclNotSupported();
        }
        return acl;
    }

    void putBucketAcl(String bucket, AclInput aclInput) {
        BucketAccess access = access(bucket);
        String owner = state.bucket(bucket).owner();
        AccessControlPolicy acl = resolve(aclInput, owner);
        if (acl == null) {
            throw S3Errors.malformedAcl();
        }
        if (access.aclsDisabled() && !ownerFullControlOnly(acl, owner)) {
            throw S3Errors.aclNotSupported();
        }
        state.access.put(bucket, access.withAcl(acl));
    }

    /** Reads always work; with ACLs disabled they show the owner's full control, as S3 does. */
    AccessControlPolicy bucketAcl(String bucket) {
        BucketAccess access = access(bucket);
        String owner = state.bucket(bucket).owner();
        return access.aclsDisabled() || access.acl() == null ? ownerOnly(owner) : access.acl();
    }

    void putOwnership(String bucket, String ownership) {
        if (ownership == null || !OWNERSHIP.contains(ownership)) {
            throw S3Errors.malformedXml();
        }
        BucketAccess access = access(bucket);
        String owner = state.bucket(bucket).owner();
        if (BucketAccess.ENFORCED.equals(ownership) && access.acl() != null && !ownerFullControlOnly(access.acl(), owner)) {
            throw S3Errors.invalidBucketAclWithObjectOwnership();
        }
        state.access.put(bucket, access.withOwnership(ownership));
    }

    String ownership(String bucket) {
        String ownership = access(bucket).objectOwnership();
        if (ownership == null) {
            throw new AwsException(404, "OwnershipControlsNotFoundError", "The bucket ownership controls were not found")
                    .with("BucketName", bucket);
        }
        return ownership;
    }

    void deleteOwnership(String bucket) {
        state.access.put(bucket, access(bucket).withOwnership(null));
    }

    void putPublicAccessBlock(String bucket, PublicAccessBlock block) {
        state.access.put(bucket, access(bucket).withPublicAccessBlock(block));
    }

    PublicAccessBlock publicAccessBlock(String bucket) {
        PublicAccessBlock block = access(bucket).publicAccessBlock();
        if (block == null) {
            throw new AwsException(404, "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found")
                    .with("BucketName", bucket);
        }
        return block;
    }

    void deletePublicAccessBlock(String bucket) {
        state.access.put(bucket, access(bucket).withPublicAccessBlock(null));
    }

    void putPolicy(String bucket, String policy) {
        BucketAccess access = access(bucket);
        BucketPolicies.validate(policy);
        state.access.put(bucket, access.withPolicy(policy));
    }

    String policy(String bucket) {
        String policy = access(bucket).policy();
        if (policy == null) {
            throw new AwsException(404, "NoSuchBucketPolicy", "The bucket policy does not exist").with("BucketName", bucket);
        }
        return policy;
    }

    void deletePolicy(String bucket) {
        state.access.put(bucket, access(bucket).withPolicy(null));
    }

    /** GetBucketPolicyStatus: public when a statement allows everyone ({@code "*"}) without a condition. */
    boolean policyIsPublic(String bucket) {
        return BucketPolicies.isPublic(policy(bucket));
    }
}
