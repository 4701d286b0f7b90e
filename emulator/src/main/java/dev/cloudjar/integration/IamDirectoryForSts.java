package dev.cloudjar.integration;

import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.services.iam.IamBackend;
import dev.cloudjar.services.iam.model.RoleRecord;
import dev.cloudjar.services.iam.model.UserRecord;
import dev.cloudjar.services.sts.IamDirectory;
import java.util.function.Supplier;

/** Tells STS about the roles and access keys IAM holds; what IAM does not know stays unknown, never an error. */
public final class IamDirectoryForSts implements IamDirectory {
    private final Supplier<IamBackend> iam;

    public IamDirectoryForSts(Supplier<IamBackend> iam) {
        this.iam = iam;
    }

    @Override
    public KnownRole role(String roleArn) {
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

    @Override
    public KnownUser userOfAccessKey(String account, String accessKeyId) {
        if (accessKeyId == null || !accessKeyId.startsWith("AKIA")) {
            return null;
        }
        try {
            UserRecord user = iam.get().users().get(account, null, accessKeyId);
            return user.userName() == null ? null : new KnownUser(user.userId(), user.arn());
        } catch (AwsException notFound) {
            return null;
        }
    }
}
