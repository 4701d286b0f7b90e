package dev.cloudjar.services.dynamodb.table;

/** One GlobalSecondaryIndexUpdates entry: exactly one of create, deleteName or update is set. */
public record GsiUpdate(IndexSpec create, String deleteName, String updateName, Throughput updateThroughput) {
}
