package dev.cloudjar.integration;

import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.services.iam.IamBackend;
import dev.cloudjar.services.iam.model.RoleRecord;
import dev.cloudjar.services.sts.RoleDirectory;
import java.util.function.Supplier;

/** Tells STS the id and maximum session duration of roles IAM holds; unknown roles stay unknown, not errors. */
public final class IamRoleDirectory implements RoleDirectory {
    private final Supplier<IamBackend> iam;

    public IamRoleDirectory(Supplier<IamBackend> iam) {
        this.iam = iam;
    }

    @Override
    public KnownRole find(String roleArn) {
        Arn arn = Arn.parseOrNull(roleArn);
        if (arn == null || !arn.resource().startsWith("role/")) {
            return null;
        }
        String name = arn.resource().substring(arn.resource().lastIndexOf('/') + 1);
        try {
            RoleRecord role = iam.get().roles().get(arn.account(), name);
            return role.arn().equals(roleArn) ? new KnownRole(role.roleId(), role.maxSessionDuration()) : null;
        } catch (AwsException notFound) {
            return null;
        }
    }
}
