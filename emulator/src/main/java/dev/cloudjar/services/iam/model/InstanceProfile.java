package dev.cloudjar.services.iam.model;

import java.util.List;

/** An instance profile with its roles resolved, as the Get/List operations show it. */
public record InstanceProfile(InstanceProfileRecord record, List<RoleRecord> roles) {
}
