package dev.cloudjar.services.kinesis;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.kinesis.KinesisStreams.Target;
import dev.cloudjar.services.kinesis.model.ConsumerRecord;
import dev.cloudjar.services.kinesis.model.PutEntry;
import dev.cloudjar.services.kinesis.model.PutResult;
import dev.cloudjar.services.kinesis.model.ReadRecord;
import dev.cloudjar.services.kinesis.model.RecordsPage;
import dev.cloudjar.services.kinesis.model.ShardQuery;
import dev.cloudjar.services.kinesis.model.ShardRecord;
import dev.cloudjar.services.kinesis.model.StreamPage;
import dev.cloudjar.services.kinesis.model.StreamRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Amazon Kinesis Data Streams: streams (PROVISIONED with a shard count, or ON_DEMAND with four
 * shards), records routed by the MD5 of their partition key over the 128-bit hash key space with
 * sequence numbers increasing per shard, shard iterators (TRIM_HORIZON, LATEST, AT/AFTER_SEQUENCE_NUMBER,
 * AT_TIMESTAMP) that expire after 5 minutes on the injected clock, resharding (SplitShard, MergeShards,
 * UpdateShardCount with parent and child shards), retention (records past it are no longer read),
 * tags, encryption settings, enhanced monitoring settings and registered consumers. State lives in
 * the StateStore, so it survives restarts with {@code --data-dir}. A new stream is ACTIVE at once
 * unless {@code -Dcloudjar.kinesis.status-delay-ms} (or {@code CLOUDJAR_KINESIS_STATUS_DELAY_MS})
 * keeps it CREATING (and a resharded one UPDATING) that long.
 *
 * <p>LIMITATIONS: throughput limits are not simulated (no ProvisionedThroughputExceededException,
 * so PutRecords never reports per-record failures); encryption is stored only (no KMS calls, data
 * is stored as sent); SubscribeToShard (enhanced fan-out, an HTTP/2 event stream) is answered with
 * an error and consumers never deliver; UpdateShardCount closes every open shard and opens the
 * target count evenly (AWS splits and merges in place); records past retention are skipped when read,
 * not deleted; resource policies, UpdateStreamMode, warm throughput and account settings are not implemented;
 * DescribeLimits reports AWS's default quotas (500 shards, 50 on-demand streams) without enforcing the account-wide one.
 */
public final class KinesisBackend {
    private final KinesisState state;
    private final KinesisStreams streams;
    private final KinesisShards shards;
    private final KinesisRecords records;
    private final Clock clock;

    public KinesisBackend(ServiceContext ctx) {
        this.clock = ctx.clock();
        this.state = new KinesisState(ctx.store());
        this.streams = new KinesisStreams(state, ctx.clock(), ctx.ids(), statusDelay());
        this.shards = new KinesisShards(state, streams, ctx.clock());
        this.records = new KinesisRecords(state, streams, ctx.clock(), ctx.events());
    }

    private static long statusDelay() {
        String configured = System.getProperty("cloudjar.kinesis.status-delay-ms", System.getenv("CLOUDJAR_KINESIS_STATUS_DELAY_MS"));
        try {
            return configured == null ? 0 : Math.max(0, Long.parseLong(configured.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The stream a request names by StreamName and/or StreamARN. */
    public record StreamRef(String name, String arn) {
    }

    private Target target(Scope scope, StreamRef ref) {
        return streams.target(scope, ref.name(), ref.arn());
    }

    // ---- streams ----

    public void createStream(Scope scope, String name, Integer shardCount, String mode, Map<String, String> tags, Integer maxRecordSizeKiB) {
        streams.create(scope, name, shardCount, mode, tags, maxRecordSizeKiB);
    }

    public void deleteStream(Scope scope, StreamRef ref, Boolean enforceConsumerDeletion) {
        streams.delete(target(scope, ref), Boolean.TRUE.equals(enforceConsumerDeletion));
    }

    public StreamRecord describeStream(Scope scope, StreamRef ref) {
        return streams.require(target(scope, ref));
    }

    /** The status the stream has now (CREATING and UPDATING end on the clock). */
    public String status(StreamRecord stream) {
        return stream.statusAt(clock.millis());
    }

    public StreamPage<StreamRecord> listStreams(Scope scope, Integer limit, String exclusiveStartStreamName, String nextToken) {
        return streams.list(scope, limit, exclusiveStartStreamName, nextToken);
    }

    public StreamPage<ShardRecord> listShards(Scope scope, StreamRef ref, String nextToken, ShardQuery query) {
        if (nextToken != null && (ref.name() != null || ref.arn() != null)) {
            throw KinesisErrors.invalid("NextToken and StreamName cannot be provided together.");
        }
        if (query.exclusiveStartShardId() != null && nextToken != null) {
            throw KinesisErrors.invalid("NextToken and ExclusiveStartShardId cannot be provided together.");
        }
        Target target = nextToken == null ? target(scope, ref) : null;
        return shards.list(target, nextToken, query);
    }

    public void increaseRetention(Scope scope, StreamRef ref, Integer hours) {
        streams.increaseRetention(target(scope, ref), hours);
    }

    public void decreaseRetention(Scope scope, StreamRef ref, Integer hours) {
        streams.decreaseRetention(target(scope, ref), hours);
    }

    /** UpdateStreamMode, which names the stream by ARN only. */
    public void updateStreamMode(Scope scope, String streamArn, String mode) {
        if (streamArn == null) {
            throw KinesisErrors.missing("streamARN");
        }
        streams.updateMode(target(scope, new StreamRef(null, streamArn)), mode);
    }

    public void updateMaxRecordSize(Scope scope, String streamArn, Integer kib) {
        if (streamArn == null) {
            throw KinesisErrors.missing("streamARN");
        }
        streams.updateMaxRecordSize(target(scope, new StreamRef(null, streamArn)), kib);
    }

    public void startEncryption(Scope scope, StreamRef ref, String type, String keyId) {
        streams.startEncryption(target(scope, ref), type, keyId);
    }

    public void stopEncryption(Scope scope, StreamRef ref, String type, String keyId) {
        streams.stopEncryption(target(scope, ref), type, keyId);
    }

    /** {current, desired} shard-level metrics. */
    public List<List<String>> enhancedMonitoring(Scope scope, StreamRef ref, List<String> metrics, boolean enable) {
        return streams.monitoring(target(scope, ref), metrics, enable);
    }

    /** {ShardLimit, OpenShardCount, OnDemandStreamCount, OnDemandStreamCountLimit} for the account in this region. */
    public int[] describeLimits(Scope scope) {
        int open = 0;
        int onDemand = 0;
        String prefix = scope.account() + "/" + scope.region() + "/";
        for (Map.Entry<String, StreamRecord> entry : state.streams.prefix(prefix)) {
            open += entry.getValue().openShards().size();
            onDemand += "ON_DEMAND".equals(entry.getValue().streamMode()) ? 1 : 0;
        }
        return new int[] {500, open, onDemand, 50};
    }

    // ---- tags ----

    public void addTags(Scope scope, StreamRef ref, Map<String, String> tags) {
        streams.addTags(target(scope, ref), tags);
    }

    public void removeTags(Scope scope, StreamRef ref, List<String> keys) {
        streams.removeTags(target(scope, ref), keys);
    }

    public Map<String, String> tags(Scope scope, StreamRef ref) {
        return streams.require(target(scope, ref)).tags();
    }

    /** The stream an ARN names (a stream's own or one of its consumers'). */
    public StreamRef resource(String arn) {
        if (arn == null) {
            throw KinesisErrors.missing("resourceARN");
        }
        return new StreamRef(null, arn.contains("/consumer/") ? arn.substring(0, arn.indexOf("/consumer/")) : arn);
    }

    // ---- shards ----

    public void splitShard(Scope scope, StreamRef ref, String shardToSplit, String newStartingHashKey) {
        shards.split(target(scope, ref), shardToSplit, newStartingHashKey);
    }

    public void mergeShards(Scope scope, StreamRef ref, String shardToMerge, String adjacentShardToMerge) {
        shards.merge(target(scope, ref), shardToMerge, adjacentShardToMerge);
    }

    /** {current, target} open shard counts. */
    public int[] updateShardCount(Scope scope, StreamRef ref, Integer targetShardCount, String scalingType) {
        return shards.updateShardCount(target(scope, ref), targetShardCount, scalingType);
    }

    // ---- records ----

    public PutResult putRecord(Scope scope, StreamRef ref, PutEntry entry, String sequenceNumberForOrdering) {
        return records.put(target(scope, ref), entry, sequenceNumberForOrdering);
    }

    public List<PutResult> putRecords(Scope scope, StreamRef ref, List<PutEntry> entries) {
        return records.putRecords(target(scope, ref), entries);
    }

    public String getShardIterator(Scope scope, StreamRef ref, String shardId, String type, String startingSequenceNumber, Instant timestamp) {
        return records.shardIterator(target(scope, ref), shardId, type, startingSequenceNumber, timestamp);
    }

    public RecordsPage getRecords(String shardIterator, Integer limit) {
        return records.getRecords(shardIterator, limit);
    }

    // ---- consumers ----

    public ConsumerRecord registerConsumer(String streamArn, String name) {
        return streams.registerConsumer(streamArn, name);
    }

    public ConsumerRecord describeConsumer(String streamArn, String name, String consumerArn) {
        return streams.consumer(streamArn, name, consumerArn);
    }

    public void deregisterConsumer(String streamArn, String name, String consumerArn) {
        streams.deregisterConsumer(streamArn, name, consumerArn);
    }

    public StreamPage<ConsumerRecord> listConsumers(String streamArn, Integer maxResults, String nextToken) {
        return streams.listConsumers(streamArn, maxResults, nextToken);
    }

    /** SubscribeToShard: the consumer and shard are checked, then the HTTP/2 event stream is refused. */
    public void subscribeToShard(String consumerArn, String shardId) {
        if (consumerArn == null) {
            throw KinesisErrors.missing("consumerARN");
        }
        if (shardId == null) {
            throw KinesisErrors.missing("shardId");
        }
        ConsumerRecord consumer = streams.consumer(null, null, consumerArn);
        Target target = KinesisStreams.parseArn(consumer.consumerArn().substring(0, consumer.consumerArn().indexOf("/consumer/")));
        if (streams.require(target).shard(shardId) == null) {
            throw KinesisErrors.shardNotFound(target.scope(), target.name(), shardId);
        }
        throw KinesisErrors.invalid("CloudJar does not serve SubscribeToShard (enhanced fan-out needs an HTTP/2 event stream);"
                + " read the shard with GetShardIterator and GetRecords.");
    }

    // ---- for event source mappings (integration/) ----

    /** The stream an ARN names, or null. */
    public StreamRecord streamByArn(String arn) {
        try {
            return state.get(KinesisStreams.parseArn(arn).key());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Up to {@code max} records of a shard from a sequence number on (inclusive; null for the shard's start). */
    public List<ReadRecord> readShard(String streamArn, String shardId, String fromSequence, int max) {
        Target target = KinesisStreams.parseArn(streamArn);
        StreamRecord stream = streams.require(target);
        ShardRecord shard = stream.shard(shardId);
        if (shard == null) {
            return List.of();
        }
        return records.read(target, stream, shard, fromSequence == null ? shard.startingSequenceNumber() : fromSequence, max);
    }

    /**
     * The newest {@code max} records of one shard, newest first, as the console shows them: a peek
     * that gives out no iterator and moves no consumer.
     */
    public List<ReadRecord> newestRecords(Scope scope, StreamRef ref, String shardId, int max) {
        Target target = target(scope, ref);
        StreamRecord stream = streams.require(target);
        ShardRecord shard = stream.shard(shardId);
        if (shard == null) {
            throw KinesisErrors.shardNotFound(target.scope(), target.name(), shardId);
        }
        return records.newest(target, stream, shard, max);
    }

    /** The sequence number after a given one in the same shard (the position just past it). */
    public static String after(String sequenceNumber) {
        return KinesisState.sequence(KinesisState.shardIndexOf(sequenceNumber), KinesisState.counterOf(sequenceNumber) + 1);
    }

    /**
     * A checkpoint ("last processed" sequence number) of a shard for a mapping's starting position:
     * null for TRIM_HORIZON, just before the next record for LATEST, just before the first record at or
     * after the timestamp for AT_TIMESTAMP.
     */
    public String checkpointFor(String streamArn, String shardId, String startingPosition, Instant timestamp) {
        if (!"LATEST".equals(startingPosition) && !"AT_TIMESTAMP".equals(startingPosition)) {
            return null;
        }
        Target target = KinesisStreams.parseArn(streamArn);
        String type = "AT_TIMESTAMP".equals(startingPosition) && timestamp != null ? "AT_TIMESTAMP" : "LATEST";
        Instant at = timestamp != null && timestamp.isAfter(clock.instant()) ? clock.instant() : timestamp;
        String iterator = records.shardIterator(target, shardId, type, null, at);
        String inclusive = KinesisTokens.parts(iterator, "it")[2].split("\\|")[3];
        long counter = KinesisState.counterOf(inclusive);
        return counter == 0 ? null : KinesisState.sequence(KinesisState.shardIndexOf(inclusive), counter - 1);
    }

    /** How many appends the stream has had in this process; pass it to {@link #awaitAppend}. */
    public long appendVersion(String streamArn) {
        Target target = KinesisStreams.parseArn(streamArn);
        return records.appendVersion(target.scope(), target.name());
    }

    /** Waits until the stream has had an append after {@code version}, or the timeout passes (no polling). */
    public void awaitAppend(String streamArn, long version, long timeoutMillis) throws InterruptedException {
        Target target = KinesisStreams.parseArn(streamArn);
        records.awaitAppend(target.scope(), target.name(), version, timeoutMillis);
    }
}
