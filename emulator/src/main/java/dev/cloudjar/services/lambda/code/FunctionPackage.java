package dev.cloudjar.services.lambda.code;

/**
 * A validated deployment package kept in the BlobStore: the blob id, AWS's {@code CodeSha256}
 * (base64 of the SHA-256 of the zip) and its size in bytes.
 */
public record FunctionPackage(String blobId, String sha256, long size) {
}
