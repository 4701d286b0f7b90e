package dev.cloudjar.services.s3.model;

/**
 * A bucket's access settings, stored and returned (never enforced): the ObjectOwnership rule (null once
 * deleted), the bucket ACL, the policy document (null: none) and the public access block (null: none).
 */
public record BucketAccess(String objectOwnership, AccessControlPolicy acl, String policy, PublicAccessBlock publicAccessBlock) {
    public static final String ENFORCED = "BucketOwnerEnforced";

    public boolean aclsDisabled() {
        return ENFORCED.equals(objectOwnership);
    }

    public BucketAccess withOwnership(String value) {
        return new BucketAccess(value, acl, policy, publicAccessBlock);
    }

    public BucketAccess withAcl(AccessControlPolicy value) {
        return new BucketAccess(objectOwnership, value, policy, publicAccessBlock);
    }

    public BucketAccess withPolicy(String value) {
        return new BucketAccess(objectOwnership, acl, value, publicAccessBlock);
    }

    public BucketAccess withPublicAccessBlock(PublicAccessBlock value) {
        return new BucketAccess(objectOwnership, acl, policy, value);
    }
}
