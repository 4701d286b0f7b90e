package dev.cloudjar.services.iam.model;

/** One version of a managed policy's document; exactly one version of a policy is its default. */
public record PolicyVersion(String versionId, String document, boolean defaultVersion, long createdMillis) {
    public PolicyVersion asDefault(boolean value) {
        return new PolicyVersion(versionId, document, value, createdMillis);
    }
}
