package dev.cloudjar.services.sts;

/**
 * Credentials STS issued, as stored until they expire. {@code assumedRoleArn} is null for
 * GetSessionToken credentials, which act as the caller who asked for them.
 */
public record TemporaryCredentials(int version, String accessKeyId, String secretAccessKey, String sessionToken,
                                   long expirationMillis, String account, String assumedRoleArn, String assumedRoleId) {
    public boolean expiredAt(long nowMillis) {
        return nowMillis >= expirationMillis;
    }
}
