package dev.cloudjar.protocol.auth;

/**
 * Checks the signature a browser POST form carries over its base64 policy document, the way strict
 * authentication checks a signed request: by the secret of the key the form names. Each method returns the
 * account that key belongs to, or throws S3's error (InvalidAccessKeyId, SignatureDoesNotMatch, ...).
 */
public interface PostPolicySignatures {
    /** SigV4: {@code x-amz-credential} ({@code AKID/date/region/s3/aws4_request}) and a hex {@code x-amz-signature}. */
    String verifySigV4(String credential, String policy, String signature, String securityToken);

    /** SigV2: {@code AWSAccessKeyId} and a base64 HMAC-SHA1 {@code signature}. */
    String verifySigV2(String accessKey, String policy, String signature, String securityToken);
}
