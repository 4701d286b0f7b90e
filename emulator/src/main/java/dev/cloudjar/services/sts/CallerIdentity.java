package dev.cloudjar.services.sts;

/** GetCallerIdentity's result. */
public record CallerIdentity(String account, String userId, String arn) {
}
