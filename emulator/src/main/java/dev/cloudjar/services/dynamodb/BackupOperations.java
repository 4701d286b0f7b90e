package dev.cloudjar.services.dynamodb;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.dynamodb.backup.BackupRecord;
import dev.cloudjar.services.dynamodb.backup.BackupsPage;
import dev.cloudjar.services.dynamodb.backup.ListBackupsRequest;
import dev.cloudjar.services.dynamodb.backup.RestoreOverrides;
import dev.cloudjar.services.dynamodb.backup.RestoredTable;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.table.TableDescription;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * On-demand backups: CreateBackup copies the table's items (in their stored form, under the table's
 * write lock, so the copy is consistent) into the backup's own map; RestoreTableFromBackup creates a
 * new table from them. Backup ids are the creation time in milliseconds and a random suffix, as AWS's
 * are, so the listing order is creation order.
 */
final class BackupOperations {
    private static final Pattern BACKUP_ID = Pattern.compile("[0-9]{14}-[0-9a-f]{8}");
    private final ServiceContext ctx;
    private final TableCatalog catalog;
    private final TableRestorer restorer;
    private final PersistentMap<BackupRecord> backups;

    BackupOperations(ServiceContext ctx, TableCatalog catalog, TableRestorer restorer) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.restorer = restorer;
        this.backups = ctx.store().map("dynamodb.backups", BackupRecord.class);
    }

    BackupRecord create(Scope scope, String tableName, String backupName) {
        TableStorage table = catalog.find(scope, tableName);
        if (table == null) {
            throw new AwsException(400, "TableNotFoundException", "Table not found: " + TableCatalog.tableName(tableName));
        }
        long now = ctx.clock().millis();
        String id = String.format("%014d-%s", now, ctx.ids().hex(4));
        table.writeLock().lock();
        try {
            TableRecord d = table.definition();
            PersistentMap<byte[]> copy = items(id);
            for (Iterator<Map.Entry<String, byte[]>> it = table.encodedItems(); it.hasNext(); ) {
                Map.Entry<String, byte[]> e = it.next();
                copy.put(e.getKey(), e.getValue());
            }
            String arn = TableCatalog.tableArn(scope, d.name()) + "/backup/" + id;
            BackupRecord record = new BackupRecord(BackupRecord.FORMAT, id, arn, backupName, now, table.sizeBytes(),
                    table.itemCount(), "AVAILABLE", d);
            backups.put(key(scope, id), record);
            return record;
        } finally {
            table.writeLock().unlock();
        }
    }

    BackupRecord describe(Scope scope, String backupArn) {
        return require(scope, backupArn);
    }

    BackupRecord delete(Scope scope, String backupArn) {
        BackupRecord record = require(scope, backupArn);
        backups.remove(key(scope, record.backupId()));
        items(record.backupId()).clear();
        return record.withStatus("DELETED");
    }

    BackupsPage list(Scope scope, ListBackupsRequest r) {
        String type = r.backupType() == null ? "USER" : r.backupType();
        String table = r.tableName() == null ? null : TableCatalog.tableName(r.tableName());
        String startId = r.exclusiveStartBackupArn() == null ? null : idOf(r.exclusiveStartBackupArn());
        int max = r.limit() == null ? Integer.MAX_VALUE : r.limit();
        String prefix = KeyRanges.compose(scope.account(), scope.region(), "");
        String from = startId == null ? prefix : KeyRanges.compose(scope.account(), scope.region(), startId) + KeyRanges.SEPARATOR;
        List<BackupRecord> page = new ArrayList<>();
        String last = null;
        for (Map.Entry<String, BackupRecord> e : backups.range(from, KeyRanges.prefixEnd(prefix))) {
            BackupRecord b = e.getValue();
            if ((table != null && !table.equals(b.source().name()))
                    || (!type.equals("ALL") && !type.equals("USER"))
                    || (r.lowerBoundMillis() != null && b.createdMillis() < r.lowerBoundMillis())
                    || (r.upperBoundMillis() != null && b.createdMillis() >= r.upperBoundMillis())) {
                continue;
            }
            if (page.size() == max) {
                last = page.get(page.size() - 1).backupArn();
                break;
            }
            page.add(b);
        }
        return new BackupsPage(page, last);
    }

    RestoredTable restore(Scope scope, String backupArn, String targetName, RestoreOverrides overrides) {
        BackupRecord b = require(scope, backupArn);
        restorer.requireFree(scope, targetName);
        Iterator<Map.Entry<String, byte[]>> items = items(b.backupId()).range(null, null).iterator();
        TableDescription t = restorer.restore(scope, b.source(), targetName, overrides, items);
        return new RestoredTable(t, b.backupArn(), TableCatalog.tableArn(scope, b.source().name()), b.createdMillis());
    }

    private BackupRecord require(Scope scope, String backupArn) {
        String id = idOf(backupArn);
        BackupRecord record = id == null ? null : backups.get(key(scope, id));
        if (record == null || !record.backupArn().equals(backupArn)) {
            throw new AwsException(400, "BackupNotFoundException", "Backup not found: " + backupArn);
        }
        return record;
    }

    /** The backup id at the end of a backup ARN, or null when the text is not shaped as one. */
    private static String idOf(String backupArn) {
        int at = backupArn.lastIndexOf("/backup/");
        if (at < 0) {
            return null;
        }
        String id = backupArn.substring(at + "/backup/".length());
        return BACKUP_ID.matcher(id).matches() ? id : null;
    }

    private PersistentMap<byte[]> items(String backupId) {
        // The map's name is built only from the generated id (digits and hex), never from user input.
        return ctx.store().map("dynamodb.backup." + backupId, byte[].class);
    }

    private static String key(Scope scope, String backupId) {
        return KeyRanges.compose(scope.account(), scope.region(), backupId);
    }
}
