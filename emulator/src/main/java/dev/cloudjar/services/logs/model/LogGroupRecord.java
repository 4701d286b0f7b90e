package dev.cloudjar.services.logs.model;

import java.util.Map;

/**
 * A log group as stored: {@code retentionInDays} null means never expire; {@code storedBytes} is the
 * UTF-8 size of its events' messages; {@code nextSequence} numbers its events in ingestion order.
 */
public record LogGroupRecord(int version, String name, long creationTime, Integer retentionInDays, String logGroupClass,
                             Map<String, String> tags, long storedBytes, long nextSequence) {
    public LogGroupRecord withRetention(Integer days) {
        return new LogGroupRecord(version, name, creationTime, days, logGroupClass, tags, storedBytes, nextSequence);
    }

    public LogGroupRecord withTags(Map<String, String> value) {
        return new LogGroupRecord(version, name, creationTime, retentionInDays, logGroupClass, value, storedBytes, nextSequence);
    }

    public LogGroupRecord withUsage(long bytes, long sequence) {
        return new LogGroupRecord(version, name, creationTime, retentionInDays, logGroupClass, tags, bytes, sequence);
    }
}
