package dev.cloudjar.services.iam.model;

import java.util.List;
import java.util.Map;

/** A user as stored, with its inline policies and the ARNs of its attached managed policies. */
public record UserRecord(int version, String userName, String userId, String path, String arn, long createdMillis,
                         String permissionsBoundary, List<IamTag> tags, Map<String, String> inlinePolicies,
                         List<String> attachedPolicies) {
    public UserRecord withTags(List<IamTag> newTags) {
        return new UserRecord(version, userName, userId, path, arn, createdMillis, permissionsBoundary, newTags, inlinePolicies,
                attachedPolicies);
    }

    public UserRecord withInlinePolicies(Map<String, String> policies) {
        return new UserRecord(version, userName, userId, path, arn, createdMillis, permissionsBoundary, tags, policies,
                attachedPolicies);
    }

    public UserRecord withAttachedPolicies(List<String> arns) {
        return new UserRecord(version, userName, userId, path, arn, createdMillis, permissionsBoundary, tags, inlinePolicies,
                arns);
    }
}
