package dev.cloudjar.services.dynamodb.kinesis;

/**
 * The port through which DynamoDB reaches Kinesis Data Streams (implemented in {@code integration/}):
 * whether a stream can take a table's changes, and putting one change into it.
 */
public interface KinesisDataStreams {
    /** AWS's description when nothing answers for Kinesis: the stream is as unknown as a missing one. */
    String NO_PERMISSION = "User does not have a permission to use kinesis stream";

    /** No Kinesis wired: every stream is unknown and nothing is delivered. */
    KinesisDataStreams NONE = new KinesisDataStreams() {
        @Override
        public String refusal(String streamArn) {
            return NO_PERMISSION;
        }

        @Override
        public void put(String streamArn, KinesisChange change) {
        }
    };

    /**
     * Null when the stream of this ARN (same account and region as the table, checked by the caller)
     * exists and takes records; else the DestinationStatusDescription AWS gives the failed enable.
     */
    String refusal(String streamArn);

    /** Puts the change into the stream; a stream deleted since is skipped without an error. */
    void put(String streamArn, KinesisChange change);
}
