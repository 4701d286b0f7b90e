package dev.cloudjar.services.kinesis.model;

/** One record in a shard: the key holds its stream, shard and sequence number. Arrival in epoch ms. */
public record DataRecord(String partitionKey, byte[] data, long arrivedAt) {
}
