package dev.cloudjar.services.lambda.esm;

/**
 * One stream record: its sequence number, creation time (epoch seconds) and the record exactly as
 * Lambda delivers it inside {@code Records[]} (PROTOCOLS.md 6: GetRecords shape plus
 * {@code eventSourceARN}, lower-case {@code userIdentity} keys), as JSON text.
 */
public record StreamRecord(String sequenceNumber, long approximateCreationEpochSeconds, String lambdaRecordJson) {
}
