package dev.cloudjar.services.sts;

/**
 * What STS may learn about a role from IAM, through a port the composition root fills: its id and
 * its maximum session duration. STS never requires the role to exist.
 */
public interface RoleDirectory {
    /** A role IAM knows. */
    record KnownRole(String roleId, int maxSessionDuration) {
    }

    /** The role with that ARN, or null when IAM does not know it. */
    KnownRole find(String roleArn);

    RoleDirectory NONE = roleArn -> null;
}
