package dev.cloudjar.services.kinesis.model;

/**
 * One shard: its hash key range (decimal strings of 128-bit numbers), its parents after a reshard,
 * the first sequence number it can hold and, once closed, the last; when it opened and closed (epoch ms).
 */
public record ShardRecord(String shardId, int index, String parentShardId, String adjacentParentShardId,
                          String startingHashKey, String endingHashKey, String startingSequenceNumber,
                          String endingSequenceNumber, long openedAt, Long closedAt) {
    public boolean open() {
        return endingSequenceNumber == null;
    }

    public ShardRecord close(String endingSequence, long at) {
        return new ShardRecord(shardId, index, parentShardId, adjacentParentShardId, startingHashKey, endingHashKey,
                startingSequenceNumber, endingSequence, openedAt, at);
    }
}
