package dev.cloudjar.services.kinesis.model;

import java.util.List;

/** What GetRecords answers; childShards only once a closed shard has been read to its end. */
public record RecordsPage(List<ReadRecord> records, String nextShardIterator, long millisBehindLatest,
                          List<ShardRecord> childShards) {
}
