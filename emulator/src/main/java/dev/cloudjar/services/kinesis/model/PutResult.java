package dev.cloudjar.services.kinesis.model;

/** Where a record went, or (in PutRecords) why it did not. */
public record PutResult(String shardId, String sequenceNumber, String errorCode, String errorMessage) {
}
