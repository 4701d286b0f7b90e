package dev.cloudjar.events;

import dev.cloudjar.core.Scope;

/**
 * A table's stream received new records (published after the write committed, outside the table's
 * lock). Stream consumers read the records through the Streams reader; this event only wakes them.
 */
public record DynamoDbStreamAppended(Scope scope, String tableName, String streamArn) implements CloudEvent {
}
