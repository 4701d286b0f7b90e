package dev.cloudjar.events;

import dev.cloudjar.core.Scope;

/**
 * A Kinesis stream received records (published after they were stored, outside the stream's lock).
 * Consumers read the records through the Kinesis backend; this event only wakes them.
 */
public record KinesisRecordsAppended(Scope scope, String streamName, String streamArn) implements CloudEvent {
}
