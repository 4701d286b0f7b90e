package dev.cloudjar.services.dynamodb.backup;

/**
 * ListBackups' filters: table (name or ARN), creation time range (lower inclusive, upper exclusive,
 * epoch millis), backup type, page size and the ARN to start after; any may be null.
 */
public record ListBackupsRequest(String tableName, Long lowerBoundMillis, Long upperBoundMillis, String backupType,
                                 Integer limit, String exclusiveStartBackupArn) {
}
