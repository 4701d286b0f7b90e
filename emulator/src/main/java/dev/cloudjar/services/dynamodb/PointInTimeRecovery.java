package dev.cloudjar.services.dynamodb;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.dynamodb.backup.PitrChange;
import dev.cloudjar.services.dynamodb.backup.PitrSettings;
import dev.cloudjar.services.dynamodb.backup.PitrStatus;
import dev.cloudjar.services.dynamodb.backup.RestoreOverrides;
import dev.cloudjar.services.dynamodb.backup.RestoredTable;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.table.TableDescription;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Point-in-time recovery on the injected clock. While a table has PITR on, every item change keeps
 * the item's previous image ({@link PitrChange}); a restore to moment T starts from the live items and
 * undoes, newest first, every change after T. Nothing is kept for tables without PITR, and changes
 * older than the recovery period are trimmed by the sweeper, so the history costs one small record per
 * write only where it was asked for.
 */
final class PointInTimeRecovery {
    static final long LATEST_LAG_MILLIS = 5 * 60_000L;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final int DEFAULT_DAYS = 35;
    private final ServiceContext ctx;
    private final TableCatalog catalog;
    private final TableRestorer restorer;
    private final PersistentMap<PitrSettings> settings;
    private final PersistentMap<PitrChange> changes;
    /** Settings by table id, so the write path asks a hash map, not the store. */
    private final Map<String, PitrSettings> enabled = new ConcurrentHashMap<>();

    PointInTimeRecovery(ServiceContext ctx, TableCatalog catalog, TableRestorer restorer) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.restorer = restorer;
        this.settings = ctx.store().map("dynamodb.pitr", PitrSettings.class);
        this.changes = ctx.store().map("dynamodb.pitr-changes", PitrChange.class);
        for (Map.Entry<String, PitrSettings> e : settings.range(null, null)) {
            if (e.getValue().enabled()) {
                enabled.put(e.getKey(), e.getValue());
            }
        }
    }

    /** Keeps the previous image of a change (null: the item was absent). The caller holds the table's write lock. */
    void record(TableRecord d, String tableKey, byte[] oldEncoded) {
        long now = ctx.clock().millis();
        changes.put(changeKey(d.tableId(), now, ctx.ids().sequence()), new PitrChange(PitrChange.FORMAT, now, tableKey, oldEncoded));
    }

    /** True when the table keeps history (PITR on). */
    boolean active(TableRecord d) {
        return enabled.containsKey(d.tableId());
    }

    PitrStatus update(Scope scope, String tableName, Boolean on, Integer days) {
        TableStorage table = requireTable(scope, tableName);
        if (on == null) {
            throw new AwsException(400, "ValidationException", "1 validation error detected: Value null at "
                    + "'pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled' failed to satisfy constraint: Member must not be null");
        }
        String id = table.definition().tableId();
        table.writeLock().lock();
        try {
            PitrSettings current = enabled.get(id);
            if (on) {
                int period = days == null ? (current == null ? DEFAULT_DAYS : current.recoveryPeriodInDays()) : days;
                long since = current == null ? ctx.clock().millis() : current.enabledSinceMillis();
                PitrSettings next = new PitrSettings(PitrSettings.FORMAT, true, period, since);
                settings.put(id, next);
                enabled.put(id, next);
            } else {
                if (days != null) {
                    throw new AwsException(400, "ValidationException",
                            "RecoveryPeriodInDays can only be specified when PointInTimeRecoveryEnabled is true");
                }
                settings.remove(id);
                enabled.remove(id);
                dropChanges(id);
            }
        } finally {
            table.writeLock().unlock();
        }
        return status(id);
    }

    PitrStatus describe(Scope scope, String tableName) {
        return status(requireTable(scope, tableName).definition().tableId());
    }

    RestoredTable restore(Scope scope, String sourceName, String targetName, boolean useLatest, Long restoreMillis,
                          RestoreOverrides overrides) {
        if (useLatest == (restoreMillis != null)) {
            throw new AwsException(400, "ValidationException", useLatest
                    ? "Only one of RestoreDateTime or UseLatestRestorableTime can be specified"
                    : "Either RestoreDateTime or UseLatestRestorableTime must be specified");
        }
        TableStorage source = requireTable(scope, sourceName);
        TableRecord d = source.definition();
        PitrSettings s = enabled.get(d.tableId());
        if (s == null) {
            throw new AwsException(400, "PointInTimeRecoveryUnavailableException",
                    "Point in time recovery is not enabled for table '" + d.name() + "'");
        }
        restorer.requireFree(scope, targetName);
        PitrStatus status = status(d.tableId());
        long at = useLatest ? Math.max(status.latestRestorableMillis(), status.earliestRestorableMillis()) : restoreMillis;
        if (!useLatest && (at < status.earliestRestorableMillis() || at > ctx.clock().millis())) {
            throw new AwsException(400, "InvalidRestoreTimeException",
                    "RestoreDateTime must be between EarliestRestorableDateTime and LatestRestorableDateTime");
        }
        List<Map.Entry<String, byte[]>> items;
        source.writeLock().lock();
        try {
            items = itemsAt(source, at);
        } finally {
            source.writeLock().unlock();
        }
        TableDescription t = restorer.restore(scope, d, targetName, overrides, items.iterator());
        return new RestoredTable(t, null, TableCatalog.tableArn(scope, d.name()), at);
    }

    /** Forgets a deleted table's settings and history. */
    void dropTable(String tableId) {
        settings.remove(tableId);
        enabled.remove(tableId);
        dropChanges(tableId);
    }

    /** Trims history older than each table's recovery period (the sweeper calls it). */
    void trim() {
        long now = ctx.clock().millis();
        for (Map.Entry<String, PitrSettings> e : enabled.entrySet()) {
            long horizon = now - e.getValue().recoveryPeriodInDays() * DAY_MILLIS;
            String prefix = KeyRanges.compose(e.getKey(), "");
            List<String> old = new ArrayList<>();
            for (String key : changes.keys(prefix, changeKey(e.getKey(), horizon, 0))) {
                old.add(key);
            }
            old.forEach(changes::remove);
        }
    }

    private PitrStatus status(String tableId) {
        PitrSettings s = enabled.get(tableId);
        if (s == null) {
            return new PitrStatus(false, null, null, null);
        }
        long now = ctx.clock().millis();
        long earliest = Math.max(s.enabledSinceMillis(), now - s.recoveryPeriodInDays() * DAY_MILLIS);
        return new PitrStatus(true, s.recoveryPeriodInDays(), earliest, now - LATEST_LAG_MILLIS);
    }

    /**
     * The table's items (stored form) at {@code at} for an export; null {@code at} means now. Requires PITR,
     * as ExportTableToPointInTime does, and a time inside the recovery window.
     */
    List<Map.Entry<String, byte[]>> snapshot(TableStorage table, Long at) {
        TableRecord d = table.definition();
        PitrStatus status = status(d.tableId());
        if (!status.enabled()) {
            throw new AwsException(400, "PointInTimeRecoveryUnavailableException",
                    "Point in time recovery is not enabled for table '" + d.name() + "'");
        }
        long now = ctx.clock().millis();
        if (at != null && (at < status.earliestRestorableMillis() || at > now)) {
            throw new AwsException(400, "InvalidExportTimeException",
                    "ExportTime must be between EarliestRestorableDateTime and the current time");
        }
        table.writeLock().lock();
        try {
            return itemsAt(table, at == null ? now : at);
        } finally {
            table.writeLock().unlock();
        }
    }

    /** The table's items as they were at {@code at}: the live items with every later change undone. */
    private List<Map.Entry<String, byte[]>> itemsAt(TableStorage table, long at) {
        String id = table.definition().tableId();
        Map<String, byte[]> undone = new TreeMap<>();
        Map<String, Boolean> touched = new java.util.HashMap<>();
        String prefix = KeyRanges.compose(id, "");
        // Newest first: the last image written for a key is the one from just after `at`.
        for (Map.Entry<String, PitrChange> e : changes.rangeDescending(changeKey(id, at + 1, 0), KeyRanges.prefixEnd(prefix))) {
            PitrChange c = e.getValue();
            touched.put(c.tableKey(), Boolean.TRUE);
            if (c.old() == null) {
                undone.remove(c.tableKey());
            } else {
                undone.put(c.tableKey(), c.old());
            }
        }
        List<Map.Entry<String, byte[]>> items = new ArrayList<>();
        for (Iterator<Map.Entry<String, byte[]>> it = table.encodedItems(); it.hasNext(); ) {
            Map.Entry<String, byte[]> e = it.next();
            if (!touched.containsKey(e.getKey())) {
                items.add(e);
            }
        }
        undone.forEach((k, v) -> items.add(Map.entry(k, v)));
        return items;
    }

    private void dropChanges(String tableId) {
        String prefix = KeyRanges.compose(tableId, "");
        List<String> keys = new ArrayList<>();
        changes.keys(prefix, KeyRanges.prefixEnd(prefix)).forEach(keys::add);
        keys.forEach(changes::remove);
    }

    private TableStorage requireTable(Scope scope, String tableName) {
        TableStorage table = catalog.find(scope, tableName);
        if (table == null) {
            throw new AwsException(400, "TableNotFoundException", "Table not found: " + TableCatalog.tableName(tableName));
        }
        return table;
    }

    private static String changeKey(String tableId, long millis, long sequence) {
        return KeyRanges.compose(tableId, String.format("%015d-%019d", Math.max(0, millis), sequence));
    }
}
