package dev.cloudjar.services.sts;

/** AssumeRole's result: the session's credentials and who the session is. */
public record AssumedRole(TemporaryCredentials credentials, String assumedRoleId, String arn) {
}
