package dev.cloudjar.services.logs.model;

/** A log stream as DescribeLogStreams shows it. */
public record LogStreamView(String logStreamName, long creationTime, Long firstEventTimestamp, Long lastEventTimestamp,
                            Long lastIngestionTime, String uploadSequenceToken, String arn, long storedBytes) {
}
