package dev.cloudjar.services.dynamodb.backup;

/**
 * An import as stored: identity, S3 source, format, the TableCreationParameters as the request gave
 * them (their JSON text, echoed by DescribeImport) and the counts. Times are epoch millis.
 */
public record ImportRecord(int version, String importArn, String tableArn, String tableId, String clientToken,
                           String s3Bucket, String s3BucketOwner, String s3KeyPrefix, String inputFormat,
                           String inputFormatOptionsJson, String compression, String tableCreationParametersJson,
                           long startMillis, long endMillis, String status, long processedSizeBytes, long processedItemCount,
                           long importedItemCount, long errorCount, String failureCode, String failureMessage) {
    public static final int FORMAT = 1;

    /** The first answer of an import, which runs asynchronously on AWS: IN_PROGRESS, no end time or counts yet. */
    public ImportRecord inProgress() {
        return new ImportRecord(version, importArn, tableArn, tableId, clientToken, s3Bucket, s3BucketOwner, s3KeyPrefix,
                inputFormat, inputFormatOptionsJson, compression, tableCreationParametersJson, startMillis, 0, "IN_PROGRESS",
                0, 0, 0, 0, null, null);
    }
}
