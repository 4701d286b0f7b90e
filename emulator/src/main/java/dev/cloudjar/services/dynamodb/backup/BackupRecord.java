package dev.cloudjar.services.dynamodb.backup;

import dev.cloudjar.services.dynamodb.table.TableRecord;

/**
 * An on-demand backup as stored: its identity, the source table's definition at backup time and the
 * statistics DescribeBackup reports. The items themselves are in the backup's own map.
 * {@code version} is the stored format's version.
 */
public record BackupRecord(int version, String backupId, String backupArn, String backupName, long createdMillis,
                           long sizeBytes, long itemCount, String status, TableRecord source) {

    public static final int FORMAT = 1;

    public BackupRecord withStatus(String newStatus) {
        return new BackupRecord(version, backupId, backupArn, backupName, createdMillis, sizeBytes, itemCount, newStatus, source);
    }
}
