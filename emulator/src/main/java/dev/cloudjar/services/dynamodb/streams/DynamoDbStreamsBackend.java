package dev.cloudjar.services.dynamodb.streams;

import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB Streams: ListStreams, DescribeStream, GetShardIterator and GetRecords over the
 * {@link StreamLog}s that table writes append to, plus the {@link StreamReader} for in-process
 * consumers.
 *
 * <p>LIMITATIONS: each stream has exactly one shard that never splits (AWS rolls shards every few
 * hours and on throughput), so DescribeStream pages and ShardFilter CHILD_SHARDS see that one shard and no children; sequence numbers are
 * 21-digit counters per stream rather than AWS's opaque large numbers; iterators are not bound to a
 * caller and there is no per-shard read throttling.
 */
public final class DynamoDbStreamsBackend implements StreamReader {
    public static final int MAX_RECORDS = 1000;
    public static final long MAX_BYTES = 1024 * 1024;

    private final StreamRegistry registry;
    private final Clock clock;

    /** A page of ListStreams. */
    public record StreamList(List<StreamDescriptor> streams, String lastEvaluatedStreamArn) {
    }

    /**
     * DescribeStream's view of a stream: status, its shard's sequence range, and whether the shard is on
     * this page (not when the page starts after it, nor when only the children of a shard are asked for).
     */
    public record StreamDescription(StreamDescriptor descriptor, String status, String startingSequence,
                                    String endingSequence, boolean shardListed) {
    }

    /** GetRecords' result; {@code nextShardIterator} is null once a closed shard is exhausted. */
    public record RecordsPage(List<StreamRecord> records, String nextShardIterator) {
    }

    public DynamoDbStreamsBackend(StreamRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public StreamList listStreams(Scope scope, String tableName, Integer limit, String exclusiveStartStreamArn) {
        if (limit != null && (limit < 1 || limit > 100)) {
            throw validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: "
                    + (limit < 1 ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 100"));
        }
        if (exclusiveStartStreamArn != null) {
            requireStreamArn(exclusiveStartStreamArn);
        }
        int max = limit == null ? 100 : limit;
        List<StreamDescriptor> page = new ArrayList<>();
        String last = null;
        for (StreamLog log : registry.list(scope, tableName)) {
            String arn = log.descriptor().streamArn();
            if (exclusiveStartStreamArn != null && arn.compareTo(exclusiveStartStreamArn) <= 0) {
                continue;
            }
            if (page.size() == max) {
                last = page.get(page.size() - 1).streamArn();
                break;
            }
            page.add(log.descriptor());
        }
        return new StreamList(page, last);
    }

    /**
     * {@code childShardsOf} is ShardFilter CHILD_SHARDS' shard id: the one shard never splits, so it has no
     * children. Shard ids sort in creation order, so a page after {@code exclusiveStartShardId} holds only
     * later shards.
     */
    public StreamDescription describeStream(Scope scope, String streamArn, Integer limit, String exclusiveStartShardId,
                                            String childShardsOf) {
        StreamLog log = log(scope, streamArn);
        StreamDescriptor d = log.descriptor();
        String starting = StreamLog.formatSequence(Math.max(1, log.firstSequence()));
        String ending = d.enabled() ? null : StreamLog.formatSequence(Math.max(log.lastSequence(), Math.max(1, log.firstSequence())));
        boolean listed = childShardsOf == null
                && (exclusiveStartShardId == null || d.shardId().compareTo(exclusiveStartShardId) > 0);
        return new StreamDescription(d, d.enabled() ? "ENABLED" : "DISABLED", starting, ending, listed);
    }

    public String getShardIterator(Scope scope, String streamArn, String shardId, String type, String sequenceNumber) {
        StreamLog log = log(scope, streamArn);
        if (!log.descriptor().shardId().equals(shardId)) {
            throw notFound("Requested resource not found: Shard does not exist");
        }
        long after;
        switch (type == null ? "" : type) {
            case "TRIM_HORIZON":
                after = log.firstSequence() - 1;
                break;
            case "LATEST":
                after = log.lastSequence();
                break;
            case "AT_SEQUENCE_NUMBER":
            case "AFTER_SEQUENCE_NUMBER": {
                long seq = StreamLog.parseSequence(sequenceNumber);
                if (sequenceNumber == null) {
                    throw validation("Sequence number must be specified for ShardIteratorType " + type);
                }
                if (seq < 0) {
                    throw validation("Invalid SequenceNumber: " + sequenceNumber);
                }
                if (seq < log.firstSequence()) {
                    throw new AwsException(400, "TrimmedDataAccessException",
                            "Requested sequence number " + sequenceNumber + " is beyond the trim horizon of the shard");
                }
                // An empty shard still has the StartingSequenceNumber DescribeStream gives; iterators at or
                // after it wait for the first record.
                boolean shardStart = log.lastSequence() < log.firstSequence() && seq == Math.max(1, log.firstSequence());
                if (seq > log.lastSequence() && !shardStart) {
                    throw validation("Invalid SequenceNumber: " + sequenceNumber + " for shard " + shardId);
                }
                after = type.equals("AT_SEQUENCE_NUMBER") ? seq - 1 : seq;
                break;
            }
            default:
                throw validation("1 validation error detected: Value '" + type + "' at 'shardIteratorType' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]");
        }
        return ShardIterators.encode(new ShardIterators.Position(streamArn, shardId, after, clock.millis()));
    }

    public RecordsPage getRecords(Scope scope, String shardIterator, Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_RECORDS)) {
            throw validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: "
                    + (limit < 1 ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 1000"));
        }
        ShardIterators.Position p = ShardIterators.decodeOrNull(shardIterator);
        if (p == null) {
            throw validation("Invalid ShardIterator");
        }
        long now = clock.millis();
        if (now - p.issuedMillis() > ShardIterators.LIFETIME_MILLIS) {
            throw new AwsException(400, "ExpiredIteratorException", "Iterator expired. The iterator was created at time "
                    + java.time.Instant.ofEpochMilli(p.issuedMillis()) + " while right now it is " + java.time.Instant.ofEpochMilli(now)
                    + " which is further in the future than the tolerated delay of 900000 milliseconds.");
        }
        StreamLog log = log(scope, p.streamArn());
        if (p.after() + 1 < log.firstSequence()) {
            throw new AwsException(400, "TrimmedDataAccessException",
                    "The operation attempted to read past the oldest stream record in a shard.");
        }
        List<StreamRecord> records = log.readAfter(p.after(), limit == null ? MAX_RECORDS : limit, MAX_BYTES);
        long last = records.isEmpty() ? p.after() : StreamLog.parseSequence(records.get(records.size() - 1).sequenceNumber());
        String next = null;
        if (log.descriptor().enabled() || last < log.lastSequence()) {
            next = ShardIterators.encode(new ShardIterators.Position(p.streamArn(), p.shardId(), last, now));
        }
        return new RecordsPage(records, next);
    }

    @Override
    public List<StreamRecord> read(String streamArn, String shardId, String afterSequence, int max) {
        StreamLog log = registry.get(streamArn);
        if (log == null) {
            return List.of();
        }
        long after = afterSequence == null ? log.firstSequence() - 1 : StreamLog.parseSequence(afterSequence);
        return log.readAfter(Math.max(after, log.firstSequence() - 1), Math.min(max, MAX_RECORDS), MAX_BYTES * 6);
    }

    @Override
    public boolean awaitAppend(String streamArn, String afterSequence, Duration timeout) throws InterruptedException {
        StreamLog log = registry.get(streamArn);
        if (log == null) {
            return false;
        }
        long after = afterSequence == null ? log.firstSequence() - 1 : StreamLog.parseSequence(afterSequence);
        return log.awaitAfter(after, timeout);
    }

    @Override
    public String latestSequence(String streamArn) {
        StreamLog log = registry.get(streamArn);
        return log == null || log.lastSequence() == 0 ? null : StreamLog.formatSequence(log.lastSequence());
    }

    @Override
    public List<String> shardIds(String streamArn) {
        StreamLog log = registry.get(streamArn);
        return log == null ? List.of() : List.of(log.descriptor().shardId());
    }

    /**
     * AWS answers a StreamArn that is not a table's stream ARN
     * ({@code arn:aws:dynamodb:region:account:table/name/stream/label}) as invalid rather than not found.
     */
    private static void requireStreamArn(String streamArn) {
        Arn arn = Arn.parseOrNull(streamArn);
        String[] resource = arn == null ? new String[0] : arn.resource().split("/", -1);
        if (arn == null || !arn.service().equals("dynamodb") || !arn.account().matches("\\d{12}") || arn.region().isEmpty()
                || resource.length != 4 || !resource[0].equals("table") || !resource[2].equals("stream")
                || resource[1].isEmpty() || resource[3].isEmpty()) {
            throw validation("Invalid StreamArn");
        }
    }

    private StreamLog log(Scope scope, String streamArn) {
        requireStreamArn(streamArn);
        StreamLog log = registry.get(streamArn);
        if (log == null || !log.descriptor().account().equals(scope.account()) || !log.descriptor().region().equals(scope.region())) {
            throw notFound("Requested resource not found: Stream: " + streamArn + " not found");
        }
        return log;
    }

    private static AwsException notFound(String message) {
        return new AwsException(400, "ResourceNotFoundException", message);
    }

    private static AwsException validation(String message) {
        return new AwsException(400, "ValidationException", message);
    }
}
