package dev.cloudjar.events;

import dev.cloudjar.core.Scope;

/**
 * A table's stream received new records (published after the write committed, outside the table's
 * lock). Stream consumers read the records through the Streams reader; this event only wakes them.
 * {@code sequenceNumber} is the appended record's, as the Streams API and the Lambda event print it;
 * {@code appendedMillis} the injected clock's time of the write.
 */
public record DynamoDbStreamAppended(Scope scope, String tableName, String streamArn, String sequenceNumber,
                                     long appendedMillis) implements CloudEvent {
}
