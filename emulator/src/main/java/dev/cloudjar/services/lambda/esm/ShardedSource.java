package dev.cloudjar.services.lambda.esm;

import dev.cloudjar.core.Scope;
import java.time.Instant;
import java.util.List;

/**
 * A Kinesis stream as an event source mapping reads it: shards (with their parents, so children are
 * read only once their parents are done), records of one shard after a checkpoint (the sequence
 * number of the last processed record, "" for the shard's start), optionally only those whose
 * partition key falls in one of {@code factor} slots (ParallelizationFactor keeps per-key order), and
 * a wait that returns as soon as a record is appended. Implemented by {@code dev.cloudjar.integration}.
 */
public interface ShardedSource {
    /** One shard: its id, its parents (may be null) and whether it is closed. */
    record Shard(String shardId, String parentShardId, String adjacentParentShardId, boolean closed) {
    }

    boolean exists(Scope scope, String streamArn);

    List<Shard> shards(String streamArn);

    /** The checkpoint a new mapping starts a shard from (TRIM_HORIZON, LATEST, AT_TIMESTAMP). */
    String startingCheckpoint(String streamArn, String shardId, String startingPosition, Instant timestamp);

    /** Up to {@code max} records of the shard after the checkpoint whose partition key is in {@code slot} of {@code factor}. */
    List<StreamRecord> read(String streamArn, String shardId, String afterSequenceNumber, int max, int slot, int factor);

    /** A version of the stream's appends; {@link #awaitAppend} returns once there is a newer one. */
    long appendVersion(String streamArn);

    void awaitAppend(String streamArn, long version, long timeoutMillis) throws InterruptedException;
}
