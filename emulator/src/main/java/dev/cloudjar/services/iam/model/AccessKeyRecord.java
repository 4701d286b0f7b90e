package dev.cloudjar.services.iam.model;

/** A user's long-term access key; the secret is shown once, by CreateAccessKey. */
public record AccessKeyRecord(int version, String accessKeyId, String secretAccessKey, String userName, String status,
                              long createdMillis) {
    public AccessKeyRecord withStatus(String newStatus) {
        return new AccessKeyRecord(version, accessKeyId, secretAccessKey, userName, newStatus, createdMillis);
    }
}
