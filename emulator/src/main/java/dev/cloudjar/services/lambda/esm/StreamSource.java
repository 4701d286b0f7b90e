package dev.cloudjar.services.lambda.esm;

import dev.cloudjar.core.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A DynamoDB stream as an event source mapping reads it: records in commit order after a checkpoint
 * (the sequence number of the last processed record, "" for "before the first"), and a wait that
 * returns as soon as a record is appended (no polling delay). Implemented by
 * {@code dev.cloudjar.integration} over the DynamoDB Streams backend. Reading never deletes.
 */
public interface StreamSource {
    boolean exists(Scope scope, String streamArn);

    /** The checkpoint a new mapping starts from: TRIM_HORIZON, LATEST or AT_TIMESTAMP (with {@code timestamp}). */
    String startingCheckpoint(Scope scope, String streamArn, String startingPosition, Instant timestamp);

    /** Up to {@code max} records after the checkpoint, oldest first. */
    List<StreamRecord> read(Scope scope, String streamArn, String afterSequenceNumber, int max);

    /** Waits until a record after the checkpoint exists (true) or the timeout passes (false). */
    boolean awaitRecords(Scope scope, String streamArn, String afterSequenceNumber, Duration timeout) throws InterruptedException;

    /** The member of the OnFailure record that describes the batch (AWS: DDBStreamBatchInfo or KinesisBatchInfo). */
    default String batchInfoMember() {
        return "DDBStreamBatchInfo";
    }

    /** The shard named in the OnFailure record. */
    default String shardId() {
        return "shardId-00000000000000000000-00000000";
    }

    /** The default before integration is wired: no streams. */
    StreamSource NONE = new StreamSource() {
        @Override
        public boolean exists(Scope scope, String streamArn) {
            return false;
        }

        @Override
        public String startingCheckpoint(Scope scope, String streamArn, String startingPosition, Instant timestamp) {
            return "";
        }

        @Override
        public List<StreamRecord> read(Scope scope, String streamArn, String afterSequenceNumber, int max) {
            return List.of();
        }

        @Override
        public boolean awaitRecords(Scope scope, String streamArn, String afterSequenceNumber, Duration timeout)
                throws InterruptedException {
            Thread.sleep(timeout.toMillis());
            return false;
        }
    };
}
