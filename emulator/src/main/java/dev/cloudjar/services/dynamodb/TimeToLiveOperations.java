package dev.cloudjar.services.dynamodb;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.DynamoDbStreamAppended;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import dev.cloudjar.services.dynamodb.table.TimeToLive;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * UpdateTimeToLive, DescribeTimeToLive and the expiry sweep: an item whose TTL attribute is a Number
 * of epoch seconds in the past is deleted by the service, leaving a REMOVE stream record marked as a
 * TTL deletion. As on AWS, values more than five years in the past are ignored.
 */
final class TimeToLiveOperations {
    private static final long FIVE_YEARS_SECONDS = 5L * 366 * 24 * 3600;
    private final TableCatalog catalog;
    private final ChangeRecorder recorder;
    private final Clock clock;

    TimeToLiveOperations(TableCatalog catalog, ChangeRecorder recorder, Clock clock) {
        this.catalog = catalog;
        this.recorder = recorder;
        this.clock = clock;
    }

    TimeToLive update(Scope scope, String tableName, Boolean enabled, String attributeName) {
        TableStorage table = catalog.require(scope, tableName);
        if (enabled == null) {
            throw new AwsException(400, "ValidationException", "1 validation error detected: Value null at "
                    + "'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be null");
        }
        if (attributeName == null || attributeName.isEmpty()) {
            throw new AwsException(400, "ValidationException", "1 validation error detected: Value null at "
                    + "'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must not be null");
        }
        table.writeLock().lock();
        try {
            TableRecord d = table.definition();
            if (enabled && d.ttlEnabled()) {
                throw new AwsException(400, "ValidationException", "TimeToLive is already enabled");
            }
            if (!enabled && !d.ttlEnabled()) {
                throw new AwsException(400, "ValidationException", "TimeToLive is already disabled");
            }
            if (!enabled && !attributeName.equals(d.ttlAttribute())) {
                throw new AwsException(400, "ValidationException", "TimeToLive attribute name does not match the current setting");
            }
            catalog.update(table, d.toBuilder().ttl(attributeName, enabled).build());
        } finally {
            table.writeLock().unlock();
        }
        return new TimeToLive(enabled ? "ENABLED" : "DISABLED", attributeName);
    }

    TimeToLive describe(Scope scope, String tableName) {
        TableRecord d = catalog.requireNamed(scope, tableName).definition();
        if (!d.ttlEnabled()) {
            return new TimeToLive("DISABLED", null);
        }
        return new TimeToLive("ENABLED", d.ttlAttribute());
    }

    /** Deletes every expired item of every table with TTL enabled. */
    void sweep() {
        long nowSeconds = clock.millis() / 1000;
        for (TableStorage table : catalog.all()) {
            TableRecord d = table.definition();
            if (!d.ttlEnabled()) {
                continue;
            }
            List<String> expired = new ArrayList<>();
            for (Iterator<TableStorage.Entry> it = table.tableRange(null, null, true); it.hasNext(); ) {
                TableStorage.Entry e = it.next();
                if (isExpired(e.item().get(d.ttlAttribute()), nowSeconds)) {
                    expired.add(e.tableKey());
                }
            }
            Scope scope = new Scope(d.account(), d.region());
            for (String key : expired) {
                DynamoDbStreamAppended event = null;
                table.writeLock().lock();
                try {
                    Map<String, AttributeValue> item = table.get(key);
                    if (item != null && table.definition().ttlEnabled() && isExpired(item.get(d.ttlAttribute()), nowSeconds)) {
                        event = recorder.apply(scope, table, key, item, null, true);
                    }
                } finally {
                    table.writeLock().unlock();
                }
                recorder.publish(event);
            }
        }
    }

    static boolean isExpired(AttributeValue value, long nowSeconds) {
        if (!(value instanceof AttributeValue.N n)) {
            return false;
        }
        BigDecimal at = n.decimal();
        return at.compareTo(BigDecimal.valueOf(nowSeconds)) < 0
                && at.compareTo(BigDecimal.valueOf(nowSeconds - FIVE_YEARS_SECONDS)) > 0;
    }
}
