package dev.cloudjar.services.iam.model;

/** A managed policy attached to a role or user, as ListAttached*Policies shows it. */
public record AttachedPolicy(String policyName, String policyArn) {
}
