package dev.cloudjar.services.kinesis.model;

/** One query of ListShards: where to start, how many, and the ShardFilter (type, shard id, timestamp in ms; any may be null). */
public record ShardQuery(String exclusiveStartShardId, Integer maxResults, String filterType, String filterShardId, Long filterTimestamp) {
}
