package dev.cloudjar.services.kinesis.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stream as stored: status with the time a transitional status (CREATING, UPDATING) ends, mode,
 * retention, encryption, enhanced metrics, tags, every shard it ever had (closed ones too) and its consumers.
 */
public record StreamRecord(String streamName, String streamArn, String streamId, String status, long statusUntil,
                           String streamMode, int retentionPeriodHours, long createdAt, String encryptionType, String keyId,
                           List<String> shardLevelMetrics, Map<String, String> tags, List<ShardRecord> shards,
                           List<ConsumerRecord> consumers, int nextShardIndex, int maxRecordSizeInKiB) {
    public StreamRecord {
        shardLevelMetrics = shardLevelMetrics == null ? List.of() : List.copyOf(shardLevelMetrics);
        tags = tags == null ? Map.of() : new TreeMap<>(tags);
        shards = shards == null ? List.of() : List.copyOf(shards);
        consumers = consumers == null ? List.of() : List.copyOf(consumers);
    }

    /** CREATING and UPDATING last until {@code statusUntil} on the clock; then the stream is ACTIVE. */
    public String statusAt(long now) {
        return ("CREATING".equals(status) || "UPDATING".equals(status)) && now >= statusUntil ? "ACTIVE" : status;
    }

    public List<ShardRecord> openShards() {
        List<ShardRecord> open = new ArrayList<>();
        for (ShardRecord shard : shards) {
            if (shard.open()) {
                open.add(shard);
            }
        }
        return open;
    }

    public ShardRecord shard(String shardId) {
        for (ShardRecord shard : shards) {
            if (shard.shardId().equals(shardId)) {
                return shard;
            }
        }
        return null;
    }

    public StreamRecord withStatus(String newStatus, long until) {
        return new StreamRecord(streamName, streamArn, streamId, newStatus, until, streamMode, retentionPeriodHours, createdAt,
                encryptionType, keyId, shardLevelMetrics, tags, shards, consumers, nextShardIndex, maxRecordSizeInKiB);
    }

    public StreamRecord withRetention(int hours) {
        return new StreamRecord(streamName, streamArn, streamId, status, statusUntil, streamMode, hours, createdAt,
                encryptionType, keyId, shardLevelMetrics, tags, shards, consumers, nextShardIndex, maxRecordSizeInKiB);
    }

    public StreamRecord withEncryption(String type, String key) {
        return new StreamRecord(streamName, streamArn, streamId, status, statusUntil, streamMode, retentionPeriodHours, createdAt,
                type, key, shardLevelMetrics, tags, shards, consumers, nextShardIndex, maxRecordSizeInKiB);
    }

    public StreamRecord withMetrics(List<String> metrics) {
        return new StreamRecord(streamName, streamArn, streamId, status, statusUntil, streamMode, retentionPeriodHours, createdAt,
                encryptionType, keyId, metrics, tags, shards, consumers, nextShardIndex, maxRecordSizeInKiB);
    }

    public StreamRecord withTags(Map<String, String> newTags) {
        return new StreamRecord(streamName, streamArn, streamId, status, statusUntil, streamMode, retentionPeriodHours, createdAt,
                encryptionType, keyId, shardLevelMetrics, newTags, shards, consumers, nextShardIndex, maxRecordSizeInKiB);
    }

    public StreamRecord withShards(List<ShardRecord> newShards, int nextIndex) {
        return new StreamRecord(streamName, streamArn, streamId, status, statusUntil, streamMode, retentionPeriodHours, createdAt,
                encryptionType, keyId, shardLevelMetrics, tags, newShards, consumers, nextIndex, maxRecordSizeInKiB);
    }

    public StreamRecord withConsumers(List<ConsumerRecord> newConsumers) {
        return new StreamRecord(streamName, streamArn, streamId, status, statusUntil, streamMode, retentionPeriodHours, createdAt,
                encryptionType, keyId, shardLevelMetrics, tags, shards, newConsumers, nextShardIndex, maxRecordSizeInKiB);
    }

    public StreamRecord withMode(String mode) {
        return new StreamRecord(streamName, streamArn, streamId, status, statusUntil, mode, retentionPeriodHours, createdAt,
                encryptionType, keyId, shardLevelMetrics, tags, shards, consumers, nextShardIndex, maxRecordSizeInKiB);
    }

    public StreamRecord withMaxRecordSize(int kib) {
        return new StreamRecord(streamName, streamArn, streamId, status, statusUntil, streamMode, retentionPeriodHours, createdAt,
                encryptionType, keyId, shardLevelMetrics, tags, shards, consumers, nextShardIndex, kib);
    }
}
