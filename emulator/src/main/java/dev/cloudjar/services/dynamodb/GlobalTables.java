package dev.cloudjar.services.dynamodb;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.core.Utf8Order;
import dev.cloudjar.events.DynamoDbStreamAppended;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.table.GlobalTableDescription;
import dev.cloudjar.services.dynamodb.table.GlobalTableRecord;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Global tables. Version 2019.11.21: UpdateTable's ReplicaUpdates add and remove replica regions of a
 * table (the backend creates and deletes the replica tables); DescribeTable lists the other regions.
 * Version 2017.11.29 (CreateGlobalTable, DescribeGlobalTable, ListGlobalTables,
 * UpdateGlobalTable, DescribeGlobalTableSettings): a replication group of same-named tables in several
 * regions of one account, each with a NEW_AND_OLD_IMAGES stream, the same key schema, and empty when it
 * joins, as AWS requires. Every item change in one replica is applied to the others asynchronously, in
 * the order it happened, on one replication thread; concurrent writes of one item in two regions converge
 * on the later one (last writer wins, as on AWS). The queue of changes is in memory: a change not yet
 * replicated when CloudJar is killed stays only in its own region. The replicated write
 * leaves its own stream record in each replica and is not replicated again. Unlike AWS, no
 * {@code aws:rep:*} attributes are added to items.
 */
final class GlobalTables implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GlobalTables.class);
    private final ServiceContext ctx;
    private final TableCatalog catalog;
    private final ChangeRecorder recorder;
    private final PersistentMap<GlobalTableRecord> stored;
    /** The stored groups by (account, name), read on every write, so kept in memory. */
    private final Map<String, GlobalTableRecord> groups = new ConcurrentHashMap<>();
    /**
     * The newest write each replica holds per item, so a replicated change older than a write the replica
     * already has is dropped and concurrent writes in two regions converge (last writer wins, by time, then
     * region name). Bounded: an item evicted here takes the next replicated change as newer.
     */
    private final Cache<String, WriteStamp> newestWrites = Caffeine.newBuilder().maximumSize(100_000).build();
    private final ExecutorService replication = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cloudjar-dynamodb-replication");
        t.setDaemon(true);
        return t;
    });

    GlobalTables(ServiceContext ctx, TableCatalog catalog, ChangeRecorder recorder) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.recorder = recorder;
        this.stored = ctx.store().map("dynamodb.global-tables", GlobalTableRecord.class);
        for (Map.Entry<String, GlobalTableRecord> e : stored.range(null, null)) {
            groups.put(e.getKey(), e.getValue());
        }
        recorder.replicateThrough(this);
    }

    synchronized GlobalTableRecord create(Scope scope, String name, List<String> regions) {
        String key = key(scope.account(), name);
        if (groups.containsKey(key)) {
            throw new AwsException(400, "GlobalTableAlreadyExistsException", "Global table already exists: " + name);
        }
        List<String> distinct = distinct(regions);
        TableRecord first = null;
        for (String region : distinct) {
            first = checkJoinable(scope, name, region, first);
        }
        GlobalTableRecord record = new GlobalTableRecord(GlobalTableRecord.FORMAT, name, distinct, ctx.clock().millis(),
                GlobalTableRecord.LEGACY);
        save(scope, record);
        return record;
    }

    GlobalTableRecord describe(Scope scope, String name) {
        GlobalTableRecord record = groups.get(key(scope.account(), name));
        if (record == null || !record.legacy()) {
            throw new AwsException(400, "GlobalTableNotFoundException", "Global table not found: " + name);
        }
        return record;
    }

    /** The record as the operations answer it, with its ARN (global tables have no region in theirs). */
    GlobalTableDescription described(Scope scope, GlobalTableRecord record, String status) {
        return new GlobalTableDescription(record, "arn:aws:dynamodb::" + scope.account() + ":global-table/" + record.name(), status);
    }

    /** ListGlobalTables: names in order, optionally only those with a replica in {@code region}. */
    List<GlobalTableRecord> list(Scope scope, String region, String exclusiveStart, int limit) {
        String prefix = KeyRanges.compose(scope.account(), "");
        List<GlobalTableRecord> page = new ArrayList<>();
        for (Map.Entry<String, GlobalTableRecord> e : stored.range(prefix, KeyRanges.prefixEnd(prefix))) {
            GlobalTableRecord g = e.getValue();
            if (exclusiveStart != null && Utf8Order.compare(g.name(), exclusiveStart) <= 0) {
                continue;
            }
            if (g.legacy() && (region == null || g.regions().contains(region))) {
                page.add(g);
                if (page.size() == limit + 1) {
                    break;
                }
            }
        }
        return page;
    }

    /** Adds and removes replicas; {@code creates} and {@code deletes} are region names. */
    synchronized GlobalTableRecord update(Scope scope, String name, List<String> creates, List<String> deletes) {
        GlobalTableRecord record = describe(scope, name);
        List<String> regions = new ArrayList<>(record.regions());
        TableRecord existing = null;
        for (String region : regions) {
            TableStorage t = catalog.find(new Scope(scope.account(), region), name);
            if (t != null) {
                existing = t.definition();
                break;
            }
        }
        for (String region : creates) {
            if (regions.contains(region)) {
                throw new AwsException(400, "ReplicaAlreadyExistsException", "Replica already exists in region: " + region);
            }
            existing = checkJoinable(scope, name, region, existing);
            regions.add(region);
        }
        for (String region : deletes) {
            if (!regions.remove(region)) {
                throw new AwsException(400, "ReplicaNotFoundException", "Replica not found in region: " + region);
            }
        }
        GlobalTableRecord updated = record.withRegions(regions);
        save(scope, updated);
        return updated;
    }

    /** The other regions of the table's version 2019.11.21 global table (DescribeTable's Replicas), or none. */
    List<String> otherReplicaRegions(Scope scope, String tableName) {
        GlobalTableRecord group = groups.isEmpty() ? null : groups.get(key(scope.account(), tableName));
        if (group == null || group.legacy() || !group.regions().contains(scope.region())) {
            return List.of();
        }
        List<String> others = new ArrayList<>(group.regions());
        others.remove(scope.region());
        return others;
    }

    /** Records {@code region} as a new replica of the table in {@code scope} (version 2019.11.21). */
    synchronized void addReplica(Scope scope, String tableName, String region) {
        GlobalTableRecord group = groups.get(key(scope.account(), tableName));
        if (group == null) {
            group = new GlobalTableRecord(GlobalTableRecord.FORMAT, tableName, List.of(scope.region()), ctx.clock().millis(),
                    GlobalTableRecord.CURRENT);
        }
        List<String> regions = new ArrayList<>(group.regions());
        if (!regions.contains(region)) {
            regions.add(region);
        }
        save(scope, group.withRegions(regions));
    }

    /** Forgets a replica region (its table deleted); a group left with one region is a plain table again. */
    synchronized void removeReplica(Scope scope, String tableName, String region) {
        String key = key(scope.account(), tableName);
        GlobalTableRecord group = groups.get(key);
        if (group == null || group.legacy()) {
            return;
        }
        List<String> regions = new ArrayList<>(group.regions());
        regions.remove(region);
        if (regions.size() <= 1) {
            stored.remove(key);
            groups.remove(key);
        } else {
            save(scope, group.withRegions(regions));
        }
    }

    /** The replica table in each region of the group (null where the table was deleted since). */
    Map<String, TableRecord> replicas(Scope scope, GlobalTableRecord record) {
        Map<String, TableRecord> out = new java.util.LinkedHashMap<>();
        for (String region : record.regions()) {
            TableStorage t = catalog.find(new Scope(scope.account(), region), record.name());
            out.put(region, t == null ? null : t.definition());
        }
        return out;
    }

    /**
     * Called by the recorder after a change to a table: queues the change for every other replica of
     * the table's group, if it is in one. {@code next} null is a delete.
     */
    void changed(Scope scope, String tableName, String tableKey, Map<String, AttributeValue> next) {
        if (groups.isEmpty()) {
            return;
        }
        GlobalTableRecord group = groups.get(key(scope.account(), tableName));
        if (group == null || !group.regions().contains(scope.region())) {
            return;
        }
        WriteStamp stamp = new WriteStamp(ctx.clock().millis(), scope.region());
        newestWrites.put(writeKey(scope, tableName, tableKey), stamp);
        for (String region : group.regions()) {
            if (!region.equals(scope.region())) {
                replication.execute(() -> applyReplica(new Scope(scope.account(), region), tableName, tableKey, next, stamp));
            }
        }
    }

    private void applyReplica(Scope scope, String tableName, String tableKey, Map<String, AttributeValue> next, WriteStamp stamp) {
        try {
            TableStorage table = catalog.find(scope, tableName);
            if (table == null) {
                return;
            }
            DynamoDbStreamAppended event;
            String key = writeKey(scope, tableName, tableKey);
            table.writeLock().lock();
            try {
                WriteStamp held = newestWrites.getIfPresent(key);
                if (held != null && held.isAfter(stamp)) {
                    return;
                }
                newestWrites.put(key, stamp);
                event = recorder.applyReplicated(scope, table, tableKey, table.get(tableKey), next);
            } finally {
                table.writeLock().unlock();
            }
            recorder.publish(event);
        } catch (RuntimeException e) {
            LOG.warn("replicating a change of {} into {} failed", tableName, scope.region(), e);
        }
    }

    /** The table in {@code region} as AWS requires of a replica, or TableNotFound / ValidationException. */
    private TableRecord checkJoinable(Scope scope, String name, String region, TableRecord sameAs) {
        TableStorage table = catalog.find(new Scope(scope.account(), region), name);
        if (table == null) {
            throw new AwsException(400, "TableNotFoundException", "Table not found: " + name + " in region: " + region);
        }
        TableRecord d = table.definition();
        if (!d.streamEnabled() || !"NEW_AND_OLD_IMAGES".equals(d.streamViewType())) {
            throw invalid("Table " + name + " in region " + region + " must have DynamoDB Streams enabled with stream view type "
                    + "NEW_AND_OLD_IMAGES");
        }
        if (table.itemCount() > 0) {
            throw invalid("Table " + name + " in region " + region + " must be empty to join a global table");
        }
        if (sameAs != null && !sameAs.key().equals(d.key())) {
            throw invalid("Table " + name + " in region " + region + " has a key schema different from the other replicas");
        }
        return d;
    }

    private static AwsException invalid(String message) {
        return new AwsException(400, "ValidationException", "One or more parameter values were invalid: " + message);
    }

    private static List<String> distinct(List<String> regions) {
        List<String> out = new ArrayList<>();
        for (String region : regions) {
            if (!out.contains(region)) {
                out.add(region);
            }
        }
        return out;
    }

    private void save(Scope scope, GlobalTableRecord record) {
        String key = key(scope.account(), record.name());
        stored.put(key, record);
        groups.put(key, record);
    }

    private static String writeKey(Scope scope, String tableName, String tableKey) {
        return KeyRanges.compose(scope.account(), scope.region(), tableName, tableKey);
    }

    /** When and where an item was last written; later wins, and the region name breaks a tie. */
    private record WriteStamp(long millis, String region) {
        boolean isAfter(WriteStamp other) {
            return millis != other.millis ? millis > other.millis : region.compareTo(other.region) > 0;
        }
    }

    private static String key(String account, String name) {
        return KeyRanges.compose(account, name);
    }

    @Override
    public void close() {
        replication.shutdownNow();
    }
}
