package dev.cloudjar.services.logs.model;

/**
 * One event as reads see it (events are stored in runs, see LogEventRun). Its timestamp and its place
 * in the group's ingestion order are in its key (see LogsNames), so the value is only what the key
 * cannot hold.
 */
public record LogEventRecord(String message, long ingestionTime) {
}
