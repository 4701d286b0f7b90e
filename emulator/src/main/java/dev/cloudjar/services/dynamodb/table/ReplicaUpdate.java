package dev.cloudjar.services.dynamodb.table;

/** One entry of UpdateTable's ReplicaUpdates: {@code action} is Create, Update or Delete. */
public record ReplicaUpdate(String action, String regionName) {
}
