package dev.cloudjar.services.s3.model;

/**
 * A version's server-side encryption when it is not S3's default SSE-S3 ({@code AES256}): SSE-KMS with
 * {@code kmsKeyArn}, and whether an S3 Bucket Key is used. Set by UpdateObjectEncryption; nothing is
 * encrypted, it is reported on GET/HEAD as S3 reports it.
 */
public record ObjectEncryption(String algorithm, String kmsKeyArn, boolean bucketKeyEnabled) {
    public static final String KMS = "aws:kms";
}
