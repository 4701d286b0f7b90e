package dev.cloudjar.protocol.auth;

/**
 * Where strict authentication learns a caller's secret: the keys CloudJar was started with, the access
 * keys IAM created, the temporary credentials STS issued. Filled by the composition root.
 */
public interface SigningSecrets {
    /**
     * A key CloudJar knows. {@code sessionToken} is set for temporary credentials, which also expire
     * ({@code expiresAtMillis}; {@code Long.MAX_VALUE} for long-term keys).
     */
    record Secret(String accessKeyId, String secretAccessKey, String account, String sessionToken, long expiresAtMillis) {
    }

    /** The key with this id, expired or not, or null when no one issued it. */
    Secret find(String accessKeyId);
}
