package dev.cloudjar.services.eventbridge.model;

/** A PutTargets or RemoveTargets entry that failed. */
public record FailedEntry(String targetId, String errorCode, String errorMessage) {
}
