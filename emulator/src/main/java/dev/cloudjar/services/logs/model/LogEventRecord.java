package dev.cloudjar.services.logs.model;

/** One stored event; {@code sequence} is its place in the group's ingestion order (part of its eventId). */
public record LogEventRecord(long timestamp, String message, long ingestionTime, long sequence) {
}
