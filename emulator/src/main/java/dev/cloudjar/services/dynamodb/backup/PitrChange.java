package dev.cloudjar.services.dynamodb.backup;

/**
 * One item change kept for point-in-time recovery: when it happened, the item's table key and the
 * item as it was before (ItemCodec bytes; null when the change created the item). Undoing the
 * changes after a moment, newest first, gives the table as it was at that moment.
 */
public record PitrChange(int version, long millis, String tableKey, byte[] old) {
    public static final int FORMAT = 1;
}
