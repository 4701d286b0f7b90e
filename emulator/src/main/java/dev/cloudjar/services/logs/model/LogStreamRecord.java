package dev.cloudjar.services.logs.model;

/** A log stream as stored, with the span of its events (null while it has none). */
public record LogStreamRecord(int version, String name, long creationTime, Long firstEventTimestamp, Long lastEventTimestamp,
                              Long lastIngestionTime, long storedBytes, long eventCount) {
    public LogStreamRecord withEvents(Long first, Long last, Long ingestion, long bytes, long count) {
        return new LogStreamRecord(version, name, creationTime, first, last, ingestion, bytes, count);
    }
}
