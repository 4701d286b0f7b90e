package dev.cloudjar.services.sts;

/**
 * What STS may learn from IAM, through a port the composition root fills: a role's id and maximum
 * session duration, and which user owns a long-term access key. STS never requires either to exist.
 */
public interface IamDirectory {
    /** A role IAM knows. */
    record KnownRole(String roleId, int maxSessionDuration) {
    }

    /** A user IAM knows. */
    record KnownUser(String userId, String arn) {
    }

    /** The role with that ARN, or null when IAM does not know it. */
    KnownRole role(String roleArn);

    /** The user owning that access key in the account, or null (the account's root, or a key IAM did not issue). */
    KnownUser userOfAccessKey(String account, String accessKeyId);

    IamDirectory NONE = new IamDirectory() {
        @Override
        public KnownRole role(String roleArn) {
            return null;
        }

        @Override
        public KnownUser userOfAccessKey(String account, String accessKeyId) {
            return null;
        }
    };
}
