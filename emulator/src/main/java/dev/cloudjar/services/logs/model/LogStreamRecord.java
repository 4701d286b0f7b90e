package dev.cloudjar.services.logs.model;

/**
 * A log stream as stored, with the span of its events (null while it has none). {@code id} is short
 * and unique among all streams: its events' keys start with it, so that the keys stay short.
 */
public record LogStreamRecord(int version, String name, long creationTime, Long firstEventTimestamp, Long lastEventTimestamp,
                              Long lastIngestionTime, long storedBytes, long eventCount, String id) {
    public LogStreamRecord withEvents(Long first, Long last, Long ingestion, long bytes, long count) {
        return new LogStreamRecord(version, name, creationTime, first, last, ingestion, bytes, count, id);
    }

    /** Where this stream's events' keys start. */
    public String eventPrefix() {
        return id + ":";
    }
}
