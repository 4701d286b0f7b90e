package dev.cloudjar.services.kinesis.wire;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Kinesis request shapes with AWS's member names (botocore kinesis 2013-12-02). */
final class KinesisInputs {
    private KinesisInputs() {
    }

    record StreamModeDetails(String StreamMode) {
    }

    record CreateStreamInput(String StreamName, Integer ShardCount, StreamModeDetails StreamModeDetails, Map<String, String> Tags,
                             Integer MaxRecordSizeInKiB) {
    }

    record StreamInput(String StreamName, String StreamARN) {
    }

    record DeleteStreamInput(String StreamName, String StreamARN, Boolean EnforceConsumerDeletion) {
    }

    record DescribeStreamInput(String StreamName, String StreamARN, Integer Limit, String ExclusiveStartShardId) {
    }

    record ListStreamsInput(Integer Limit, String ExclusiveStartStreamName, String NextToken) {
    }

    record ShardFilter(String Type, String ShardId, Instant Timestamp) {
    }

    record ListShardsInput(String StreamName, String StreamARN, String NextToken, String ExclusiveStartShardId, Integer MaxResults,
                           Instant StreamCreationTimestamp, ShardFilter ShardFilter) {
    }

    record RetentionInput(String StreamName, String StreamARN, Integer RetentionPeriodHours) {
    }

    record EncryptionInput(String StreamName, String StreamARN, String EncryptionType, String KeyId) {
    }

    record MonitoringInput(String StreamName, String StreamARN, List<String> ShardLevelMetrics) {
    }

    record AddTagsInput(String StreamName, String StreamARN, Map<String, String> Tags) {
    }

    record RemoveTagsInput(String StreamName, String StreamARN, List<String> TagKeys) {
    }

    record ListTagsForStreamInput(String StreamName, String StreamARN, String ExclusiveStartTagKey, Integer Limit) {
    }

    record TagResourceInput(String ResourceARN, Map<String, String> Tags) {
    }

    record UntagResourceInput(String ResourceARN, List<String> TagKeys) {
    }

    record ResourceInput(String ResourceARN) {
    }

    record SplitShardInput(String StreamName, String StreamARN, String ShardToSplit, String NewStartingHashKey) {
    }

    record MergeShardsInput(String StreamName, String StreamARN, String ShardToMerge, String AdjacentShardToMerge) {
    }

    record UpdateStreamModeInput(String StreamARN, StreamModeDetails StreamModeDetails) {
    }

    record UpdateMaxRecordSizeInput(String StreamARN, Integer MaxRecordSizeInKiB) {
    }

    record UpdateShardCountInput(String StreamName, String StreamARN, Integer TargetShardCount, String ScalingType) {
    }

    record PutRecordInput(String StreamName, String StreamARN, byte[] Data, String PartitionKey, String ExplicitHashKey,
                          String SequenceNumberForOrdering) {
    }

    record PutRecordsRequestEntry(byte[] Data, String ExplicitHashKey, String PartitionKey) {
    }

    record PutRecordsInput(String StreamName, String StreamARN, List<PutRecordsRequestEntry> Records) {
    }

    record GetShardIteratorInput(String StreamName, String StreamARN, String ShardId, String ShardIteratorType,
                                 String StartingSequenceNumber, Instant Timestamp) {
    }

    record GetRecordsInput(String ShardIterator, Integer Limit, String StreamARN) {
    }

    record ConsumerInput(String StreamARN, String ConsumerName, String ConsumerARN) {
    }

    record ListStreamConsumersInput(String StreamARN, String NextToken, Integer MaxResults, Instant StreamCreationTimestamp) {
    }

    record StartingPosition(String Type, String SequenceNumber, Instant Timestamp) {
    }

    record SubscribeToShardInput(String ConsumerARN, String ShardId, StartingPosition StartingPosition) {
    }
}
