package dev.cloudjar.services.dynamodb;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.DynamoDbStreamAppended;
import dev.cloudjar.services.dynamodb.item.ItemValidation;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.ItemSize;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.streams.StreamLog;
import dev.cloudjar.services.dynamodb.streams.StreamRegistry;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.util.Map;
import java.util.Objects;

/**
 * Applies one item change to a table and, when the table has an enabled stream, appends the change
 * record in the same critical section; when it has an ACTIVE Kinesis destination, puts the change
 * there too. A write that changes nothing is not applied and leaves no record. The caller holds the
 * table's write lock, and publishes the returned event after unlocking.
 */
final class ChangeRecorder {
    private final ServiceContext ctx;
    private final StreamRegistry streams;
    private final PointInTimeRecovery pitr;
    private final KinesisStreamingDestinations kinesis;
    private GlobalTables replication;

    ChangeRecorder(ServiceContext ctx, StreamRegistry streams, PointInTimeRecovery pitr, KinesisStreamingDestinations kinesis) {
        this.ctx = ctx;
        this.streams = streams;
        this.pitr = pitr;
        this.kinesis = kinesis;
    }

    /** Global tables whose replicas receive every change this recorder applies (set once, at start). */
    void replicateThrough(GlobalTables globalTables) {
        this.replication = globalTables;
    }

    /**
     * Writes {@code next} (null deletes) over {@code old} at {@code tableKey}. Returns the event to
     * publish after the lock is released, or null when no stream record was written.
     */
    DynamoDbStreamAppended apply(Scope scope, TableStorage table, String tableKey, Map<String, AttributeValue> old,
                                 Map<String, AttributeValue> next, boolean ttl) {
        return apply(scope, table, tableKey, old, next, ttl, true);
    }

    /** A change that arrives from another replica of a global table: recorded here, not replicated again. */
    DynamoDbStreamAppended applyReplicated(Scope scope, TableStorage table, String tableKey, Map<String, AttributeValue> old,
                                           Map<String, AttributeValue> next) {
        return apply(scope, table, tableKey, old, next, false, false);
    }

    private DynamoDbStreamAppended apply(Scope scope, TableStorage table, String tableKey, Map<String, AttributeValue> old,
                                         Map<String, AttributeValue> next, boolean ttl, boolean replicate) {
        if (Objects.equals(old, next)) {
            return null;
        }
        TableRecord d = table.definition();
        boolean history = pitr.active(d);
        byte[] before = history && old != null ? table.encoded(tableKey) : null;
        table.write(tableKey, old, next);
        if (history) {
            pitr.record(d, tableKey, before);
        }
        if (replicate && replication != null) {
            replication.changed(scope, d.name(), tableKey, next);
        }
        boolean toKinesis = kinesis.active(d);
        if (!d.streamEnabled() && !toKinesis) {
            return null;
        }
        Map<String, AttributeValue> keys = ItemValidation.keyOf(d.key(), next != null ? next : old);
        String eventName = old == null ? "INSERT" : next == null ? "REMOVE" : "MODIFY";
        if (toKinesis) {
            kinesis.deliver(d, eventName, keys, old, next, ttl);
        }
        if (!d.streamEnabled()) {
            return null;
        }
        String streamArn = TableCatalog.tableArn(scope, d.name()) + "/stream/" + d.streamLabel();
        StreamLog log = streams.get(streamArn);
        if (log == null) {
            return null;
        }
        long size = ItemSize.of(keys);
        String view = d.streamViewType();
        if (next != null && (view.equals("NEW_IMAGE") || view.equals("NEW_AND_OLD_IMAGES"))) {
            size += ItemSize.of(next);
        }
        if (old != null && (view.equals("OLD_IMAGE") || view.equals("NEW_AND_OLD_IMAGES"))) {
            size += ItemSize.of(old);
        }
        long now = ctx.clock().millis();
        long sequence = log.append(ctx.ids().hex(16), eventName, now, keys, old, next, size, ttl);
        return new DynamoDbStreamAppended(scope, d.name(), streamArn, StreamLog.formatSequence(sequence), now);
    }

    void publish(DynamoDbStreamAppended event) {
        if (event != null) {
            ctx.events().publish(event);
        }
    }
}
