package dev.cloudjar.services.dynamodb.streams;

import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.persistence.StateStore;
import dev.cloudjar.services.dynamodb.table.KeySchema;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every table stream, enabled or disabled, by stream ARN. Streams are created when a table enables
 * its stream and kept (readable, DISABLED) for 24 hours after the stream is disabled or the table
 * deleted, as on AWS.
 */
public final class StreamRegistry {
    public static final long RETENTION_MILLIS = TimeUnit.HOURS.toMillis(24);
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final PersistentMap<StreamDescriptor> descriptors;
    private final PersistentMap<StoredStreamRecord> records;
    private final Map<String, StreamLog> logs = new ConcurrentHashMap<>();

    public StreamRegistry(StateStore store) {
        this.descriptors = store.map("dynamodb.streams", StreamDescriptor.class);
        this.records = store.durable() ? store.map("dynamodb.stream-records", StoredStreamRecord.class) : null;
        for (Map.Entry<String, StreamDescriptor> e : descriptors.range(null, null)) {
            logs.put(e.getKey(), new StreamLog(records, e.getValue()));
        }
    }

    /** Creates the stream of a table; the label is the creation time, unique per table. */
    public synchronized StreamLog create(Scope scope, String tableArn, String tableName, String tableId, String viewType,
                                         KeySchema key, long nowMillis, String shardSuffix) {
        long labelMillis = nowMillis;
        String arn;
        while (true) {
            String label = LABEL.format(Instant.ofEpochMilli(labelMillis));
            arn = tableArn + "/stream/" + label;
            if (!logs.containsKey(arn)) {
                break;
            }
            labelMillis++;
        }
        String label = arn.substring(arn.lastIndexOf('/') + 1);
        String digits = Long.toString(nowMillis);
        String shardId = "shardId-" + "0".repeat(Math.max(0, 20 - digits.length())) + digits + "-" + shardSuffix;
        StreamDescriptor d = new StreamDescriptor(StreamDescriptor.FORMAT, scope.account(), scope.region(), arn,
                tableName, tableId, label, viewType, key, nowMillis, null, shardId, 0);
        descriptors.put(arn, d);
        StreamLog log = new StreamLog(records, d);
        logs.put(arn, log);
        return log;
    }

    public synchronized void disable(String streamArn, long nowMillis) {
        StreamLog log = logs.get(streamArn);
        if (log != null && log.descriptor().enabled()) {
            StreamDescriptor disabled = log.descriptor().disabledAt(nowMillis);
            descriptors.put(streamArn, disabled);
            log.descriptor(disabled);
        }
    }

    public StreamLog get(String streamArn) {
        return streamArn == null ? null : logs.get(streamArn);
    }

    /** Streams of a scope (optionally of one table), ordered by ARN. */
    public List<StreamLog> list(Scope scope, String tableName) {
        List<StreamLog> out = new ArrayList<>();
        for (StreamLog log : logs.values()) {
            StreamDescriptor d = log.descriptor();
            if (d.account().equals(scope.account()) && d.region().equals(scope.region())
                    && (tableName == null || tableName.equals(d.tableName()))) {
                out.add(log);
            }
        }
        out.sort((a, b) -> a.descriptor().streamArn().compareTo(b.descriptor().streamArn()));
        return out;
    }

    /** Applies retention: old records go, and streams disabled for longer than retention disappear. */
    public void trim(long nowMillis) {
        long cutoff = nowMillis - RETENTION_MILLIS;
        for (StreamLog log : List.copyOf(logs.values())) {
            StreamDescriptor d = log.descriptor();
            if (!d.enabled() && d.disabledMillis() < cutoff) {
                synchronized (this) {
                    logs.remove(d.streamArn());
                    descriptors.remove(d.streamArn());
                }
                log.dropAll();
            } else {
                log.trimBefore(cutoff);
                long trimmed = log.firstSequence() - 1;
                if (trimmed > d.trimmedThrough()) {
                    synchronized (this) {
                        StreamDescriptor updated = log.descriptor().trimmedThrough(trimmed);
                        descriptors.put(d.streamArn(), updated);
                        log.descriptor(updated);
                    }
                }
            }
        }
    }

    public void clear() {
        logs.clear();
        descriptors.clear();
        if (records != null) {
            records.clear();
        }
    }
}
