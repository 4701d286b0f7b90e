package dev.cloudjar.services.logs.model;

/**
 * One stored event. Its timestamp and its place in the group's ingestion order are in its key (see
 * LogsNames), so the stored value is only what the key cannot hold.
 */
public record LogEventRecord(String message, long ingestionTime) {
}
