package dev.cloudjar.services.lambda.model;

/** Where new code comes from: the zip bytes, or an object in CloudJar's S3. */
public record CodeInput(byte[] zipFile, String s3Bucket, String s3Key, String s3ObjectVersion) {
}
