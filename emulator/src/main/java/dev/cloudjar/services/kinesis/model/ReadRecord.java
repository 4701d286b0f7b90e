package dev.cloudjar.services.kinesis.model;

/** A record as GetRecords and event source mappings read it. */
public record ReadRecord(String sequenceNumber, String partitionKey, byte[] data, long arrivedAt) {
}
