package dev.cloudjar.services.iam.model;

/** An inline policy of a role or user: the entity's name as stored, the policy's name and its document. */
public record InlinePolicy(String entityName, String policyName, String document) {
}
