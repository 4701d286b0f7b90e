package dev.cloudjar.services.s3.model;

import java.util.List;

/** An ACL as S3 returns it: the owner's canonical id and display name, and the grants in order. */
public record AccessControlPolicy(String ownerId, String ownerDisplayName, List<Grant> grants) {
    public AccessControlPolicy {
        grants = grants == null ? List.of() : List.copyOf(grants);
    }
}
