package dev.cloudjar.services.kinesis.wire;

import java.time.Instant;
import java.util.List;

/** Kinesis response shapes with AWS's member names. */
final class KinesisOutputs {
    private KinesisOutputs() {
    }

    record Empty() {
    }

    record StreamModeDetails(String StreamMode) {
    }

    record HashKeyRange(String StartingHashKey, String EndingHashKey) {
    }

    record SequenceNumberRange(String StartingSequenceNumber, String EndingSequenceNumber) {
    }

    record Shard(String ShardId, String ParentShardId, String AdjacentParentShardId, HashKeyRange HashKeyRange,
                 SequenceNumberRange SequenceNumberRange) {
    }

    record EnhancedMetrics(List<String> ShardLevelMetrics) {
    }

    record StreamDescription(String StreamName, String StreamARN, String StreamStatus, StreamModeDetails StreamModeDetails,
                             List<Shard> Shards, Boolean HasMoreShards, Integer RetentionPeriodHours, Instant StreamCreationTimestamp,
                             List<EnhancedMetrics> EnhancedMonitoring, String EncryptionType, String KeyId) {
    }

    record DescribeStreamOutput(StreamDescription StreamDescription) {
    }

    record StreamDescriptionSummary(String StreamName, String StreamARN, String StreamStatus, StreamModeDetails StreamModeDetails,
                                    Integer RetentionPeriodHours, Instant StreamCreationTimestamp, List<EnhancedMetrics> EnhancedMonitoring,
                                    String EncryptionType, String KeyId, Integer OpenShardCount, Integer ConsumerCount,
                                    Integer MaxRecordSizeInKiB) {
    }

    record DescribeStreamSummaryOutput(StreamDescriptionSummary StreamDescriptionSummary) {
    }

    record StreamSummary(String StreamName, String StreamARN, String StreamStatus, StreamModeDetails StreamModeDetails,
                         Instant StreamCreationTimestamp) {
    }

    record ListStreamsOutput(List<String> StreamNames, Boolean HasMoreStreams, String NextToken, List<StreamSummary> StreamSummaries) {
    }

    record ListShardsOutput(List<Shard> Shards, String NextToken) {
    }

    record Tag(String Key, String Value) {
    }

    record ListTagsForStreamOutput(List<Tag> Tags, Boolean HasMoreTags) {
    }

    record ListTagsForResourceOutput(List<Tag> Tags) {
    }

    record UpdateShardCountOutput(String StreamName, Integer CurrentShardCount, Integer TargetShardCount, String StreamARN) {
    }

    record EnhancedMonitoringOutput(String StreamName, List<String> CurrentShardLevelMetrics, List<String> DesiredShardLevelMetrics,
                                    String StreamARN) {
    }

    record PutRecordOutput(String ShardId, String SequenceNumber, String EncryptionType) {
    }

    record PutRecordsResultEntry(String SequenceNumber, String ShardId, String ErrorCode, String ErrorMessage) {
    }

    record PutRecordsOutput(Integer FailedRecordCount, List<PutRecordsResultEntry> Records, String EncryptionType) {
    }

    record GetShardIteratorOutput(String ShardIterator) {
    }

    record Record(String SequenceNumber, Instant ApproximateArrivalTimestamp, byte[] Data, String PartitionKey, String EncryptionType) {
    }

    record ChildShard(String ShardId, List<String> ParentShards, HashKeyRange HashKeyRange) {
    }

    record GetRecordsOutput(List<Record> Records, String NextShardIterator, Long MillisBehindLatest, List<ChildShard> ChildShards) {
    }

    record Consumer(String ConsumerName, String ConsumerARN, String ConsumerStatus, Instant ConsumerCreationTimestamp) {
    }

    record ConsumerDescription(String ConsumerName, String ConsumerARN, String ConsumerStatus, Instant ConsumerCreationTimestamp,
                               String StreamARN) {
    }

    record RegisterStreamConsumerOutput(Consumer Consumer) {
    }

    record DescribeStreamConsumerOutput(ConsumerDescription ConsumerDescription) {
    }

    record ListStreamConsumersOutput(List<Consumer> Consumers, String NextToken) {
    }

    record DescribeLimitsOutput(Integer ShardLimit, Integer OpenShardCount, Integer OnDemandStreamCount, Integer OnDemandStreamCountLimit) {
    }
}
