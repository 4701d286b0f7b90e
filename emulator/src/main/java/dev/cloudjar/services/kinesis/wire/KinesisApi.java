package dev.cloudjar.services.kinesis.wire;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.json.Json11OrCbor;
import dev.cloudjar.services.kinesis.KinesisBackend;
import dev.cloudjar.services.kinesis.KinesisBackend.StreamRef;
import dev.cloudjar.services.kinesis.model.ConsumerRecord;
import dev.cloudjar.services.kinesis.model.PutEntry;
import dev.cloudjar.services.kinesis.model.PutResult;
import dev.cloudjar.services.kinesis.model.RecordsPage;
import dev.cloudjar.services.kinesis.model.ShardRecord;
import dev.cloudjar.services.kinesis.model.StreamPage;
import dev.cloudjar.services.kinesis.model.StreamRecord;
import dev.cloudjar.services.kinesis.wire.KinesisInputs.*;
import dev.cloudjar.services.kinesis.wire.KinesisOutputs.*;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Kinesis Data Streams on the wire: {@code X-Amz-Target: Kinesis_20131202.<Op>}, signing name
 * {@code kinesis}, bodies in AWS JSON 1.1 (CLI, boto3) or CBOR (the SDK for Java v2's default),
 * answered in the encoding they came in.
 */
public final class KinesisApi implements AwsService {
    private static final Empty EMPTY = new Empty();

    private final KinesisBackend backend;
    private final OperationTable operations = new OperationTable();

    public KinesisApi(KinesisBackend backend) {
        this.backend = backend;
        op("CreateStream", CreateStreamInput.class, (r, in) -> {
            backend.createStream(r.scope(), in.StreamName(), in.ShardCount(),
                    in.StreamModeDetails() == null ? null : in.StreamModeDetails().StreamMode(), in.Tags(), in.MaxRecordSizeInKiB());
            return EMPTY;
        });
        op("DeleteStream", DeleteStreamInput.class, (r, in) -> {
            backend.deleteStream(r.scope(), new StreamRef(in.StreamName(), in.StreamARN()), in.EnforceConsumerDeletion());
            return EMPTY;
        });
        op("DescribeStream", DescribeStreamInput.class, (r, in) -> {
            StreamRecord s = backend.describeStream(r.scope(), new StreamRef(in.StreamName(), in.StreamARN()));
            return new DescribeStreamOutput(description(s, in.Limit(), in.ExclusiveStartShardId()));
        });
        op("DescribeStreamSummary", StreamInput.class, (r, in) -> {
            StreamRecord s = backend.describeStream(r.scope(), new StreamRef(in.StreamName(), in.StreamARN()));
            return new DescribeStreamSummaryOutput(new StreamDescriptionSummary(s.streamName(), s.streamArn(), backend.status(s),
                    new KinesisOutputs.StreamModeDetails(s.streamMode()), s.retentionPeriodHours(), Instant.ofEpochMilli(s.createdAt()),
                    List.of(new EnhancedMetrics(s.shardLevelMetrics())), s.encryptionType(), s.keyId(), s.openShards().size(),
                    s.consumers().size(), s.maxRecordSizeInKiB()));
        });
        op("ListStreams", ListStreamsInput.class, (r, in) -> {
            StreamPage<StreamRecord> page = backend.listStreams(r.scope(), in.Limit(), in.ExclusiveStartStreamName(), in.NextToken());
            return new ListStreamsOutput(page.items().stream().map(StreamRecord::streamName).toList(), page.hasMore(), page.nextToken(),
                    page.items().stream().map(s -> new StreamSummary(s.streamName(), s.streamArn(), backend.status(s),
                            new KinesisOutputs.StreamModeDetails(s.streamMode()), Instant.ofEpochMilli(s.createdAt()))).toList());
        });
        op("ListShards", ListShardsInput.class, (r, in) -> {
            KinesisInputs.ShardFilter f = in.ShardFilter();
            StreamPage<ShardRecord> page = backend.listShards(r.scope(), new StreamRef(in.StreamName(), in.StreamARN()), in.NextToken(),
                    new dev.cloudjar.services.kinesis.model.ShardQuery(in.ExclusiveStartShardId(), in.MaxResults(), f == null ? null : f.Type(),
                            f == null ? null : f.ShardId(), f == null || f.Timestamp() == null ? null : f.Timestamp().toEpochMilli()));
            return new ListShardsOutput(page.items().stream().map(KinesisApi::shard).toList(), page.nextToken());
        });
        op("IncreaseStreamRetentionPeriod", RetentionInput.class, (r, in) -> {
            backend.increaseRetention(r.scope(), new StreamRef(in.StreamName(), in.StreamARN()), in.RetentionPeriodHours());
            return EMPTY;
        });
        op("DecreaseStreamRetentionPeriod", RetentionInput.class, (r, in) -> {
            backend.decreaseRetention(r.scope(), new StreamRef(in.StreamName(), in.StreamARN()), in.RetentionPeriodHours());
            return EMPTY;
        });
        op("StartStreamEncryption", EncryptionInput.class, (r, in) -> {
            backend.startEncryption(r.scope(), new StreamRef(in.StreamName(), in.StreamARN()), in.EncryptionType(), in.KeyId());
            return EMPTY;
        });
        op("StopStreamEncryption", EncryptionInput.class, (r, in) -> {
            backend.stopEncryption(r.scope(), new StreamRef(in.StreamName(), in.StreamARN()), in.EncryptionType(), in.KeyId());
            return EMPTY;
        });
        op("EnableEnhancedMonitoring", MonitoringInput.class, (r, in) -> monitoring(r, in, true));
        op("DisableEnhancedMonitoring", MonitoringInput.class, (r, in) -> monitoring(r, in, false));
        op("AddTagsToStream", AddTagsInput.class, (r, in) -> {
            backend.addTags(r.scope(), new StreamRef(in.StreamName(), in.StreamARN()), in.Tags());
            return EMPTY;
        });
        op("RemoveTagsFromStream", RemoveTagsInput.class, (r, in) -> {
            backend.removeTags(r.scope(), new StreamRef(in.StreamName(), in.StreamARN()), in.TagKeys());
            return EMPTY;
        });
        op("ListTagsForStream", ListTagsForStreamInput.class, (r, in) -> {
            List<Tag> tags = tags(backend.tags(r.scope(), new StreamRef(in.StreamName(), in.StreamARN())));
            int from = 0;
            if (in.ExclusiveStartTagKey() != null) {
                while (from < tags.size() && tags.get(from).Key().compareTo(in.ExclusiveStartTagKey()) <= 0) {
                    from++;
                }
            }
            int limit = in.Limit() == null ? 50 : in.Limit();
            int to = Math.min(tags.size(), from + limit);
            return new ListTagsForStreamOutput(tags.subList(from, to), to < tags.size());
        });
        op("TagResource", TagResourceInput.class, (r, in) -> {
            backend.addTags(r.scope(), backend.resource(in.ResourceARN()), in.Tags());
            return EMPTY;
        });
        op("UntagResource", UntagResourceInput.class, (r, in) -> {
            backend.removeTags(r.scope(), backend.resource(in.ResourceARN()), in.TagKeys());
            return EMPTY;
        });
        op("ListTagsForResource", ResourceInput.class, (r, in) ->
                new ListTagsForResourceOutput(tags(backend.tags(r.scope(), backend.resource(in.ResourceARN())))));
        op("SplitShard", SplitShardInput.class, (r, in) -> {
            backend.splitShard(r.scope(), new StreamRef(in.StreamName(), in.StreamARN()), in.ShardToSplit(), in.NewStartingHashKey());
            return EMPTY;
        });
        op("MergeShards", MergeShardsInput.class, (r, in) -> {
            backend.mergeShards(r.scope(), new StreamRef(in.StreamName(), in.StreamARN()), in.ShardToMerge(), in.AdjacentShardToMerge());
            return EMPTY;
        });
        op("UpdateStreamMode", UpdateStreamModeInput.class, (r, in) -> {
            backend.updateStreamMode(r.scope(), in.StreamARN(), in.StreamModeDetails() == null ? null : in.StreamModeDetails().StreamMode());
            return EMPTY;
        });
        op("UpdateMaxRecordSize", UpdateMaxRecordSizeInput.class, (r, in) -> {
            backend.updateMaxRecordSize(r.scope(), in.StreamARN(), in.MaxRecordSizeInKiB());
            return EMPTY;
        });
        op("UpdateShardCount", UpdateShardCountInput.class, (r, in) -> {
            StreamRef ref = new StreamRef(in.StreamName(), in.StreamARN());
            int[] counts = backend.updateShardCount(r.scope(), ref, in.TargetShardCount(), in.ScalingType());
            StreamRecord s = backend.describeStream(r.scope(), ref);
            return new UpdateShardCountOutput(s.streamName(), counts[0], counts[1], s.streamArn());
        });
        op("PutRecord", PutRecordInput.class, (r, in) -> {
            StreamRef ref = new StreamRef(in.StreamName(), in.StreamARN());
            PutResult result = backend.putRecord(r.scope(), ref, new PutEntry(in.Data(), in.PartitionKey(), in.ExplicitHashKey()),
                    in.SequenceNumberForOrdering());
            return new PutRecordOutput(result.shardId(), result.sequenceNumber(), encryption(r, ref));
        });
        op("PutRecords", PutRecordsInput.class, (r, in) -> {
            StreamRef ref = new StreamRef(in.StreamName(), in.StreamARN());
            List<PutEntry> entries = in.Records() == null ? null : in.Records().stream()
                    .map(e -> e == null ? new PutEntry(null, null, null) : new PutEntry(e.Data(), e.PartitionKey(), e.ExplicitHashKey())).toList();
            List<PutResult> results = backend.putRecords(r.scope(), ref, entries);
            int failed = 0;
            List<PutRecordsResultEntry> out = new ArrayList<>(results.size());
            for (PutResult result : results) {
                failed += result.errorCode() == null ? 0 : 1;
                out.add(new PutRecordsResultEntry(result.sequenceNumber(), result.shardId(), result.errorCode(), result.errorMessage()));
            }
            return new PutRecordsOutput(failed, out, encryption(r, ref));
        });
        op("GetShardIterator", GetShardIteratorInput.class, (r, in) -> new GetShardIteratorOutput(backend.getShardIterator(r.scope(),
                new StreamRef(in.StreamName(), in.StreamARN()), in.ShardId(), in.ShardIteratorType(), in.StartingSequenceNumber(), in.Timestamp())));
        op("GetRecords", GetRecordsInput.class, (r, in) -> {
            RecordsPage page = backend.getRecords(in.ShardIterator(), in.Limit());
            return new GetRecordsOutput(page.records().stream().map(x -> new KinesisOutputs.Record(x.sequenceNumber(),
                    Instant.ofEpochMilli(x.arrivedAt()), x.data(), x.partitionKey(), null)).toList(), page.nextShardIterator(),
                    page.millisBehindLatest(), page.childShards() == null ? null : page.childShards().stream().map(c -> new ChildShard(c.shardId(),
                            c.adjacentParentShardId() == null ? List.of(c.parentShardId()) : List.of(c.parentShardId(), c.adjacentParentShardId()),
                            new HashKeyRange(c.startingHashKey(), c.endingHashKey()))).toList());
        });
        op("RegisterStreamConsumer", ConsumerInput.class, (r, in) ->
                new RegisterStreamConsumerOutput(consumer(backend.registerConsumer(in.StreamARN(), in.ConsumerName()))));
        op("DescribeStreamConsumer", ConsumerInput.class, (r, in) -> {
            ConsumerRecord c = backend.describeConsumer(in.StreamARN(), in.ConsumerName(), in.ConsumerARN());
            return new DescribeStreamConsumerOutput(new ConsumerDescription(c.consumerName(), c.consumerArn(), "ACTIVE",
                    Instant.ofEpochMilli(c.createdAt()), c.consumerArn().substring(0, c.consumerArn().indexOf("/consumer/"))));
        });
        op("DeregisterStreamConsumer", ConsumerInput.class, (r, in) -> {
            backend.deregisterConsumer(in.StreamARN(), in.ConsumerName(), in.ConsumerARN());
            return EMPTY;
        });
        op("ListStreamConsumers", ListStreamConsumersInput.class, (r, in) -> {
            StreamPage<ConsumerRecord> page = backend.listConsumers(in.StreamARN(), in.MaxResults(), in.NextToken());
            return new ListStreamConsumersOutput(page.items().stream().map(KinesisApi::consumer).toList(), page.nextToken());
        });
        op("DescribeLimits", Empty.class, (r, in) -> {
            int[] limits = backend.describeLimits(r.scope());
            return new DescribeLimitsOutput(limits[0], limits[1], limits[2], limits[3]);
        });
        op("SubscribeToShard", SubscribeToShardInput.class, (r, in) -> {
            backend.subscribeToShard(in.ConsumerARN(), in.ShardId());
            return EMPTY;
        });
    }

    private Object monitoring(AwsRequest r, MonitoringInput in, boolean enable) {
        StreamRef ref = new StreamRef(in.StreamName(), in.StreamARN());
        List<List<String>> metrics = backend.enhancedMonitoring(r.scope(), ref, in.ShardLevelMetrics(), enable);
        StreamRecord s = backend.describeStream(r.scope(), ref);
        return new EnhancedMonitoringOutput(s.streamName(), metrics.get(0), metrics.get(1), s.streamArn());
    }

    private String encryption(AwsRequest r, StreamRef ref) {
        return backend.describeStream(r.scope(), ref).encryptionType();
    }

    private StreamDescription description(StreamRecord s, Integer limit, String exclusiveStartShardId) {
        int max = limit == null ? 100 : limit;
        List<Shard> shards = new ArrayList<>();
        boolean more = false;
        for (ShardRecord shard : s.shards()) {
            if (exclusiveStartShardId != null && shard.shardId().compareTo(exclusiveStartShardId) <= 0) {
                continue;
            }
            if (shards.size() == max) {
                more = true;
                break;
            }
            shards.add(shard(shard));
        }
        return new StreamDescription(s.streamName(), s.streamArn(), backend.status(s), new KinesisOutputs.StreamModeDetails(s.streamMode()),
                shards, more, s.retentionPeriodHours(), Instant.ofEpochMilli(s.createdAt()), List.of(new EnhancedMetrics(s.shardLevelMetrics())),
                s.encryptionType(), s.keyId());
    }

    private static Shard shard(ShardRecord s) {
        return new Shard(s.shardId(), s.parentShardId(), s.adjacentParentShardId(), new HashKeyRange(s.startingHashKey(), s.endingHashKey()),
                new SequenceNumberRange(s.startingSequenceNumber(), s.endingSequenceNumber()));
    }

    private static Consumer consumer(ConsumerRecord c) {
        return new Consumer(c.consumerName(), c.consumerArn(), "ACTIVE", Instant.ofEpochMilli(c.createdAt()));
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toList();
    }

    private <I> void op(String name, Class<I> input, BiFunction<AwsRequest, I, Object> call) {
        operations.register(name, request -> Json11OrCbor.ok(request, call.apply(request, Json11OrCbor.read(request, input))));
    }

    public OperationTable operations() {
        return operations;
    }

    @Override
    public String serviceName() {
        return "kinesis";
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return Json11OrCbor.dispatch(operations, request);
    }

    @Override
    public AwsResponse error(AwsException error, AwsRequest request) {
        return Json11OrCbor.error(error, request);
    }
}
