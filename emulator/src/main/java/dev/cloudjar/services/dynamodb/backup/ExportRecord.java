package dev.cloudjar.services.dynamodb.backup;

/**
 * An export as stored: identity, source table, destination, format and outcome (status COMPLETED or
 * FAILED with AWS's failure code and message). Times are epoch millis. {@code version} is the format's.
 */
public record ExportRecord(int version, String exportArn, String tableArn, String tableId, String clientToken,
                           long startMillis, long endMillis, long exportMillis, String s3Bucket, String s3BucketOwner,
                           String s3Prefix, String s3SseAlgorithm, String exportFormat, String exportType, String status,
                           String manifestKey, long itemCount, long billedSizeBytes, String failureCode, String failureMessage) {
    public static final int FORMAT = 1;

    /** The first answer of an export, which runs asynchronously on AWS: IN_PROGRESS, no end time yet. */
    public ExportRecord inProgress() {
        return new ExportRecord(version, exportArn, tableArn, tableId, clientToken, startMillis, 0, exportMillis, s3Bucket,
                s3BucketOwner, s3Prefix, s3SseAlgorithm, exportFormat, exportType, "IN_PROGRESS", null, 0, 0, null, null);
    }
}
