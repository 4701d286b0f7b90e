package dev.cloudjar.services.dynamodb.streams;

import dev.cloudjar.services.dynamodb.table.KeySchema;

/**
 * One table stream as stored: its ARN and label, the table it belongs to, its view type and key
 * schema, its single shard, when it was disabled (null while enabled), and the last sequence number
 * retention removed (so numbering continues after a restart even when every record was trimmed).
 * {@code version} is the stored format's version.
 */
public record StreamDescriptor(int version, String account, String region, String streamArn, String tableName,
                               String tableId, String label, String viewType, KeySchema key, long createdMillis,
                               Long disabledMillis, String shardId, long trimmedThrough) {

    public static final int FORMAT = 1;

    public boolean enabled() {
        return disabledMillis == null;
    }

    public StreamDescriptor disabledAt(long millis) {
        return new StreamDescriptor(FORMAT, account, region, streamArn, tableName, tableId, label, viewType, key,
                createdMillis, millis, shardId, trimmedThrough);
    }

    public StreamDescriptor trimmedThrough(long sequence) {
        return new StreamDescriptor(FORMAT, account, region, streamArn, tableName, tableId, label, viewType, key,
                createdMillis, disabledMillis, shardId, sequence);
    }
}
