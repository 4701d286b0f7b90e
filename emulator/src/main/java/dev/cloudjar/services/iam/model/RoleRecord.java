package dev.cloudjar.services.iam.model;

import java.util.List;
import java.util.Map;

/**
 * A role as stored: its trust policy exactly as the caller sent it, its inline policies (name to
 * document, in name order) and the ARNs of its attached managed policies (in attach order).
 */
public record RoleRecord(int version, String roleName, String roleId, String path, String arn, long createdMillis,
                         String assumeRolePolicyDocument, String description, int maxSessionDuration,
                         String permissionsBoundary, List<IamTag> tags, Map<String, String> inlinePolicies,
                         List<String> attachedPolicies) {
    public RoleRecord withTrustPolicy(String document) {
        return new RoleRecord(version, roleName, roleId, path, arn, createdMillis, document, description, maxSessionDuration,
                permissionsBoundary, tags, inlinePolicies, attachedPolicies);
    }

    public RoleRecord withSettings(String newDescription, int newMaxSessionDuration) {
        return new RoleRecord(version, roleName, roleId, path, arn, createdMillis, assumeRolePolicyDocument, newDescription,
                newMaxSessionDuration, permissionsBoundary, tags, inlinePolicies, attachedPolicies);
    }

    public RoleRecord withTags(List<IamTag> newTags) {
        return new RoleRecord(version, roleName, roleId, path, arn, createdMillis, assumeRolePolicyDocument, description,
                maxSessionDuration, permissionsBoundary, newTags, inlinePolicies, attachedPolicies);
    }

    public RoleRecord withInlinePolicies(Map<String, String> policies) {
        return new RoleRecord(version, roleName, roleId, path, arn, createdMillis, assumeRolePolicyDocument, description,
                maxSessionDuration, permissionsBoundary, tags, policies, attachedPolicies);
    }

    public RoleRecord withAttachedPolicies(List<String> arns) {
        return new RoleRecord(version, roleName, roleId, path, arn, createdMillis, assumeRolePolicyDocument, description,
                maxSessionDuration, permissionsBoundary, tags, inlinePolicies, arns);
    }
}
