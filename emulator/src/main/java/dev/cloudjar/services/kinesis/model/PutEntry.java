package dev.cloudjar.services.kinesis.model;

/** One record to put: data, partition key and an optional explicit hash key. */
public record PutEntry(byte[] data, String partitionKey, String explicitHashKey) {
}
