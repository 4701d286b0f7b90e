package dev.cloudjar.services.dynamodb.streams;

/**
 * One change record as stored: images in the binary item form (null when the view type leaves
 * them out), the event name (INSERT, MODIFY, REMOVE) and whether TTL expiry caused it.
 */
public record StoredStreamRecord(long sequence, String eventId, String eventName, long createdMillis, byte[] keys,
                                 byte[] newImage, byte[] oldImage, long sizeBytes, boolean ttl) {
}
