package dev.cloudjar.services.iam.model;

import java.util.List;

/** An instance profile as stored: its roles by name (AWS allows at most one). */
public record InstanceProfileRecord(int version, String instanceProfileName, String instanceProfileId, String path,
                                    String arn, long createdMillis, List<String> roleNames, List<IamTag> tags) {
    public InstanceProfileRecord withRoleNames(List<String> names) {
        return new InstanceProfileRecord(version, instanceProfileName, instanceProfileId, path, arn, createdMillis, names, tags);
    }
}
