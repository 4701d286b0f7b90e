package dev.cloudjar.services.s3.model;

/** A bucket's PublicAccessBlockConfiguration; an absent member is false, as S3 reports it. */
public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
        boolean restrictPublicBuckets) {
    public static final PublicAccessBlock ALL_BLOCKED = new PublicAccessBlock(true, true, true, true);
}
