package dev.cloudjar.events;

import dev.cloudjar.core.Scope;
import java.util.List;

/**
 * A Kinesis stream received records (published after they were stored, outside the stream's lock),
 * one event per PutRecord or PutRecords call. Consumers read the records through the Kinesis backend;
 * this event only wakes them. {@code records} lists where each record went, in the order they were
 * put (at most 500, a PutRecords call's limit); {@code appendedMillis} is the injected clock's time.
 */
public record KinesisRecordsAppended(Scope scope, String streamName, String streamArn, List<Appended> records,
                                     long appendedMillis) implements CloudEvent {
    public KinesisRecordsAppended {
        records = records == null ? List.of() : List.copyOf(records);
    }

    /** One stored record: its shard and sequence number. */
    public record Appended(String shardId, String sequenceNumber) {
    }
}
