package dev.cloudjar.services.iam.model;

/** A managed policy as the Get/List operations show it: the record and how many entities of the account use it. */
public record ManagedPolicy(ManagedPolicyRecord record, int attachmentCount) {
}
