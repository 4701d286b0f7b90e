package dev.cloudjar.services.dynamodb.streams;

import java.time.Duration;
import java.util.List;

/**
 * Java-level access to table streams for in-process consumers (the Lambda event source mapping):
 * read records after a position, and wait for an append instead of sleeping. Positions are sequence
 * numbers as AWS formats them; {@code null} means "before the first retained record".
 */
public interface StreamReader {

    /** Up to {@code max} records after {@code afterSequence} (null = from the trim horizon), in order. */
    List<StreamRecord> read(String streamArn, String shardId, String afterSequence, int max);

    /**
     * Blocks until a record after {@code afterSequence} exists (true), or the timeout passes or the
     * stream is disabled (false when nothing new arrived).
     */
    boolean awaitAppend(String streamArn, String afterSequence, Duration timeout) throws InterruptedException;

    /** The newest sequence number of the stream, or null when it has no records (StartingPosition LATEST). */
    String latestSequence(String streamArn);

    /** The shard ids of a stream (one shard per stream here). */
    List<String> shardIds(String streamArn);
}
