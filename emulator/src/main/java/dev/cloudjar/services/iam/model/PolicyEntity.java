package dev.cloudjar.services.iam.model;

/** A role or user a managed policy is attached to, as ListEntitiesForPolicy shows it. */
public record PolicyEntity(Kind kind, String name, String id) {
    /** {@code None} filters for entity kinds CloudJar does not have (groups), so it matches nothing. */
    public enum Kind { Role, User, None }
}
