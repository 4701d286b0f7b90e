package dev.cloudjar.services.iam.model;

/** A tag on a role, user, policy or instance profile. */
public record IamTag(String key, String value) {
}
