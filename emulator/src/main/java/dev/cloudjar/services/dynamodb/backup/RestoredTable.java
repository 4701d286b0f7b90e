package dev.cloudjar.services.dynamodb.backup;

import dev.cloudjar.services.dynamodb.table.TableDescription;

/**
 * A restore's result: the new table's description and its RestoreSummary (the source backup or
 * table ARN and the moment restored).
 */
public record RestoredTable(TableDescription table, String sourceBackupArn, String sourceTableArn, long restoreMillis) {
}
