package dev.cloudjar.services.dynamodb.backup;

import java.util.List;

/** One page of ListBackups: the backups and the ARN to continue after (null on the last page). */
public record BackupsPage(List<BackupRecord> backups, String lastEvaluatedBackupArn) {
}
