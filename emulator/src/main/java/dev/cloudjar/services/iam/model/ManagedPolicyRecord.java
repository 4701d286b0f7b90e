package dev.cloudjar.services.iam.model;

import java.util.List;

/**
 * A managed policy: a customer one as stored, or one of the AWS managed policies CloudJar ships.
 * {@code nextVersion} numbers the next CreatePolicyVersion (AWS never reuses a version id).
 */
public record ManagedPolicyRecord(int version, String policyName, String policyId, String path, String arn,
                                  String description, long createdMillis, long updatedMillis, String defaultVersionId,
                                  List<PolicyVersion> versions, int nextVersion, List<IamTag> tags) {
    /** The version with that id, or null. */
    public PolicyVersion findVersion(String versionId) {
        for (PolicyVersion v : versions) {
            if (v.versionId().equals(versionId)) {
                return v;
            }
        }
        return null;
    }

    public ManagedPolicyRecord withTags(List<IamTag> newTags) {
        return new ManagedPolicyRecord(version, policyName, policyId, path, arn, description, createdMillis, updatedMillis,
                defaultVersionId, versions, nextVersion, newTags);
    }

    public ManagedPolicyRecord withVersions(List<PolicyVersion> newVersions, String newDefault, int newNext, long updated) {
        return new ManagedPolicyRecord(version, policyName, policyId, path, arn, description, createdMillis, updated, newDefault,
                newVersions, newNext, tags);
    }
}
