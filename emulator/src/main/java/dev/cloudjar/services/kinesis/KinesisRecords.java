package dev.cloudjar.services.kinesis;

import dev.cloudjar.core.Scope;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.events.KinesisRecordsAppended;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.services.kinesis.KinesisStreams.Target;
import dev.cloudjar.services.kinesis.model.DataRecord;
import dev.cloudjar.services.kinesis.model.PutEntry;
import dev.cloudjar.services.kinesis.model.PutResult;
import dev.cloudjar.services.kinesis.model.ReadRecord;
import dev.cloudjar.services.kinesis.model.RecordsPage;
import dev.cloudjar.services.kinesis.model.ShardRecord;
import dev.cloudjar.services.kinesis.model.StreamRecord;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The data plane: PutRecord(s) route by the MD5 of the partition key (or the explicit hash key) to
 * the open shard whose range holds it and give out increasing sequence numbers under the stream's
 * lock; shard iterators and GetRecords read the stored records in sequence order, skipping those past
 * the retention period. An append wakes waiting readers and publishes {@link KinesisRecordsAppended}.
 */
final class KinesisRecords {
    static final int MAX_RECORDS = 500;
    /** The largest MaxRecordSizeInKiB a stream can have (10 MiB); 1 MiB is the default and the least. */
    static final int MAX_RECORD_SIZE_KIB = 10240;
    static final int MIN_RECORD_SIZE_KIB = 1024;
    static final long MAX_PUT_RECORDS_BYTES = 5L * 1024 * 1024;
    static final long MAX_GET_BYTES = 10L * 1024 * 1024;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final KinesisState state;
    private final KinesisStreams streams;
    private final Clock clock;
    private final EventBus events;

    KinesisRecords(KinesisState state, KinesisStreams streams, Clock clock, EventBus events) {
        this.state = state;
        this.streams = streams;
        this.clock = clock;
        this.events = events;
    }

    /** Checks one entry as the model does; {@code member} is where it sits ("" for PutRecord, "records.N.member." for PutRecords). */
    private static void check(PutEntry entry, String member, StreamRecord stream) {
        if (entry.data() == null) {
            throw KinesisErrors.missing(member + "data");
        }
        if (entry.partitionKey() == null) {
            throw KinesisErrors.missing(member + "partitionKey");
        }
        if (entry.partitionKey().isEmpty() || entry.partitionKey().length() > 256) {
            throw KinesisErrors.validation(entry.partitionKey(), member + "partitionKey", entry.partitionKey().isEmpty()
                    ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 256");
        }
        // before the stream is looked up only the largest size any stream allows is known; its own is checked after
        long max = (stream == null ? MAX_RECORD_SIZE_KIB : stream.maxRecordSizeInKiB()) * 1024L;
        if (entry.data().length > max) {
            throw KinesisErrors.validationNoValue(member + "data", "Member must have length less than or equal to " + max);
        }
        if (entry.explicitHashKey() != null && HashKeys.parse(entry.explicitHashKey()) == null) {
            throw KinesisErrors.invalid("Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was "
                    + entry.explicitHashKey());
        }
    }

    PutResult put(Target target, PutEntry entry, String sequenceNumberForOrdering) {
        check(entry, "", null);
        if (sequenceNumberForOrdering != null && !sequenceNumberForOrdering.matches("0|([1-9]\\d{0,128})")) {
            throw KinesisErrors.validation(sequenceNumberForOrdering, "sequenceNumberForOrdering",
                    "Member must satisfy regular expression pattern: 0|([1-9]\\d{0,128})");
        }
        return putAll(target, List.of(entry), false).get(0);
    }

    List<PutResult> putRecords(Target target, List<PutEntry> entries) {
        if (entries == null) {
            throw KinesisErrors.missing("records");
        }
        if (entries.isEmpty() || entries.size() > MAX_RECORDS) {
            throw KinesisErrors.validation(entries.size() + " records", "records", entries.isEmpty()
                    ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 500");
        }
        long total = 0;
        for (int i = 0; i < entries.size(); i++) {
            check(entries.get(i), "records." + (i + 1) + ".member.", null);
            total += entries.get(i).data().length + entries.get(i).partitionKey().getBytes(StandardCharsets.UTF_8).length;
        }
        if (total > MAX_PUT_RECORDS_BYTES) {
            throw KinesisErrors.invalid("Records size exceeds 5 MB limit");
        }
        return putAll(target, entries, true);
    }

    private List<PutResult> putAll(Target target, List<PutEntry> entries, boolean batch) {
        String key = target.key();
        List<PutResult> results = new ArrayList<>(entries.size());
        ReentrantLock lock = state.lock(key);
        lock.lock();
        StreamRecord stream;
        long now;
        try {
            stream = streams.require(target);
            if ("CREATING".equals(stream.statusAt(clock.millis()))) {
                throw KinesisErrors.streamNotFound(target.scope(), target.name());
            }
            List<ShardRecord> open = stream.openShards();
            now = clock.millis();
            for (int i = 0; i < entries.size(); i++) {
                PutEntry entry = entries.get(i);
                if (batch) {
                    check(entry, "records." + (i + 1) + ".member.", stream);
                } else {
                    check(entry, "", stream);
                }
                BigInteger hash = entry.explicitHashKey() != null ? new BigInteger(entry.explicitHashKey()) : HashKeys.of(entry.partitionKey());
                ShardRecord shard = route(open, hash);
                String sequence = KinesisState.sequence(shard.index(), state.nextCounter(key, stream));
                state.records.put(KinesisState.recordKey(key, stream, sequence), new DataRecord(entry.partitionKey(), entry.data(), now));
                results.add(new PutResult(shard.shardId(), sequence, null, null));
            }
        } finally {
            lock.unlock();
        }
        state.monitor(key).signal();
        List<KinesisRecordsAppended.Appended> appended = new ArrayList<>(results.size());
        for (PutResult r : results) {
            appended.add(new KinesisRecordsAppended.Appended(r.shardId(), r.sequenceNumber()));
        }
        events.publish(new KinesisRecordsAppended(target.scope(), target.name(), stream.streamArn(), appended, now));
        return results;
    }

    private static ShardRecord route(List<ShardRecord> open, BigInteger hash) {
        for (ShardRecord shard : open) {
            if (HashKeys.contains(shard.startingHashKey(), shard.endingHashKey(), hash)) {
                return shard;
            }
        }
        throw new IllegalStateException("the open shards do not cover hash key " + hash);
    }

    // ---- iterators ----

    String shardIterator(Target target, String shardId, String type, String startingSequence, Instant timestamp) {
        if (shardId == null) {
            throw KinesisErrors.missing("shardId");
        }
        if (type == null) {
            throw KinesisErrors.missing("shardIteratorType");
        }
        StreamRecord stream = streams.require(target);
        if ("CREATING".equals(stream.statusAt(clock.millis()))) {
            throw KinesisErrors.streamNotFound(target.scope(), target.name());
        }
        ShardRecord shard = stream.shard(shardId);
        if (shard == null) {
            throw KinesisErrors.shardNotFound(target.scope(), target.name(), shardId);
        }
        String position;
        switch (type) {
            case "TRIM_HORIZON" -> position = shard.startingSequenceNumber();
            case "LATEST" -> position = latest(target, stream, shard);
            case "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER" -> {
                if (startingSequence == null) {
                    throw KinesisErrors.invalid("Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber"
                            + " or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified " + type
                            + " and no StartingSequenceNumber.");
                }
                int encoded = KinesisState.shardIndexOf(startingSequence);
                if (encoded < 0) {
                    throw KinesisErrors.invalid("StartingSequenceNumber " + startingSequence + " used in GetShardIterator on shard "
                            + shardId + " in stream " + target.name() + " under account " + target.scope().account() + " is invalid.");
                }
                if (encoded != shard.index()) {
                    throw KinesisErrors.invalid("Invalid StartingSequenceNumber. It encodes " + KinesisStreams.shardId(encoded)
                            + ", while it was used in a call to a shard with " + shardId);
                }
                position = "AT_SEQUENCE_NUMBER".equals(type) ? startingSequence
                        : KinesisState.sequence(shard.index(), KinesisState.counterOf(startingSequence) + 1);
            }
            case "AT_TIMESTAMP" -> {
                if (timestamp == null) {
                    throw KinesisErrors.invalid("Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP."
                            + " Current request has no timestamp parameter.");
                }
                if (timestamp.toEpochMilli() > clock.millis()) {
                    throw KinesisErrors.invalid("The timestampInMillis parameter cannot be greater than the currentTimestampInMillis."
                            + " timestampInMillis: " + timestamp.toEpochMilli() + ", currentTimestampInMillis: " + clock.millis());
                }
                position = atTimestamp(target, stream, shard, timestamp.toEpochMilli());
            }
            default -> throw KinesisErrors.validation(type, "shardIteratorType", "Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER,"
                    + " AT_SEQUENCE_NUMBER, AT_TIMESTAMP, TRIM_HORIZON, LATEST]");
        }
        return iterator(stream, shard, position);
    }

    private String iterator(StreamRecord stream, ShardRecord shard, String position) {
        return KinesisTokens.encode("it", String.join("|", stream.streamArn(), stream.streamId(), shard.shardId(), position), clock);
    }

    private String latest(Target target, StreamRecord stream, ShardRecord shard) {
        ReentrantLock lock = state.lock(target.key());
        lock.lock();
        try {
            long counter = shard.open() ? state.currentCounter(target.key(), stream) : KinesisState.counterOf(shard.endingSequenceNumber());
            return KinesisState.sequence(shard.index(), counter + 1);
        } finally {
            lock.unlock();
        }
    }

    private String atTimestamp(Target target, StreamRecord stream, ShardRecord shard, long millis) {
        String prefix = KinesisState.shardPrefix(stream, target.key(), shard);
        for (Map.Entry<String, DataRecord> entry : state.records.range(prefix, KeyRanges.prefixEnd(prefix))) {
            if (entry.getValue().arrivedAt() >= millis) {
                return entry.getKey().substring(entry.getKey().length() - 56);
            }
        }
        return latest(target, stream, shard);
    }

    // ---- reading ----

    RecordsPage getRecords(String iterator, Integer limit) {
        if (iterator == null) {
            throw KinesisErrors.missing("shardIterator");
        }
        if (limit != null && (limit < 1 || limit > 10000)) {
            throw KinesisErrors.validation(limit, "limit", limit < 1 ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to 10000");
        }
        String[] parts = iterator.length() > 512 ? null : KinesisTokens.parts(iterator, "it");
        String[] position = parts == null ? null : parts[2].split("\\|", -1);
        if (position == null || position.length != 4) {
            throw KinesisErrors.invalid("Invalid ShardIterator.");
        }
        long created = Long.parseLong(parts[1]);
        long now = clock.millis();
        if (now - created > KinesisTokens.LIFETIME_MILLIS) {
            throw KinesisErrors.expiredIterator("Iterator expired. The iterator was created at time " + DATE.format(Instant.ofEpochMilli(created))
                    + " while right now it is " + DATE.format(Instant.ofEpochMilli(now))
                    + " which is further in the future than the tolerated delay of 300000 milliseconds.");
        }
        Target target = KinesisStreams.parseArn(position[0]);
        StreamRecord stream = streams.require(target);
        ShardRecord shard = stream.shard(position[2]);
        if (!stream.streamId().equals(position[1]) || shard == null) {
            throw KinesisErrors.shardNotFound(target.scope(), target.name(), position[2]);
        }
        List<ReadRecord> read = read(target, stream, shard, position[3], limit == null ? 10000 : limit);
        String next = read.isEmpty() ? position[3]
                : KinesisState.sequence(shard.index(), KinesisState.counterOf(read.get(read.size() - 1).sequenceNumber()) + 1);
        long behind = 0;
        List<ReadRecord> after = read(target, stream, shard, next, 1);
        if (!after.isEmpty()) {
            behind = Math.max(0, now - after.get(0).arrivedAt());
        }
        // every record of a closed shard was stored before it closed (both under the stream's lock)
        boolean finished = !shard.open() && after.isEmpty();
        if (finished) {
            List<ShardRecord> children = new ArrayList<>();
            for (ShardRecord s : stream.shards()) {
                if (shard.shardId().equals(s.parentShardId()) || shard.shardId().equals(s.adjacentParentShardId())) {
                    children.add(s);
                }
            }
            return new RecordsPage(read, null, 0, children);
        }
        return new RecordsPage(read, iterator(stream, shard, next), behind, null);
    }

    /** Up to {@code max} records of a shard from a sequence number on (inclusive), oldest first, skipping expired ones. */
    List<ReadRecord> read(Target target, StreamRecord stream, ShardRecord shard, String fromSequence, int max) {
        String prefix = KinesisState.shardPrefix(stream, target.key(), shard);
        long horizon = clock.millis() - stream.retentionPeriodHours() * 3_600_000L;
        List<ReadRecord> out = new ArrayList<>();
        long bytes = 0;
        for (Map.Entry<String, DataRecord> entry : state.records.range(KinesisState.recordKey(target.key(), stream, fromSequence),
                KeyRanges.prefixEnd(prefix))) {
            DataRecord r = entry.getValue();
            if (r.arrivedAt() < horizon) {
                continue;
            }
            bytes += r.data().length;
            if (out.size() >= max || (!out.isEmpty() && bytes > MAX_GET_BYTES)) {
                break;
            }
            String key = entry.getKey();
            out.add(new ReadRecord(key.substring(key.length() - 56), r.partitionKey(), r.data(), r.arrivedAt()));
        }
        return out;
    }

    /**
     * The newest {@code max} records of a shard, newest first, skipping expired ones: read from the
     * store's end, so a look at a long shard costs {@code max} records, and no iterator or checkpoint moves.
     */
    List<ReadRecord> newest(Target target, StreamRecord stream, ShardRecord shard, int max) {
        String prefix = KinesisState.shardPrefix(stream, target.key(), shard);
        long horizon = clock.millis() - stream.retentionPeriodHours() * 3_600_000L;
        List<ReadRecord> out = new ArrayList<>();
        for (Map.Entry<String, DataRecord> entry : state.records.rangeDescending(prefix, KeyRanges.prefixEnd(prefix))) {
            DataRecord r = entry.getValue();
            if (out.size() >= max || r.arrivedAt() < horizon) {
                break; // older records arrived earlier still, so past the horizon they are all expired
            }
            String key = entry.getKey();
            out.add(new ReadRecord(key.substring(key.length() - 56), r.partitionKey(), r.data(), r.arrivedAt()));
        }
        return out;
    }

    /** How many appends the stream has had (in this process): the version {@link #awaitAppend} waits past. */
    long appendVersion(Scope scope, String name) {
        return state.monitor(KinesisState.streamKey(scope, name)).version();
    }

    /** Waits until the stream has had an append after {@code version}, or the timeout passes. */
    void awaitAppend(Scope scope, String name, long version, long timeoutMillis) throws InterruptedException {
        state.monitor(KinesisState.streamKey(scope, name)).await(version, timeoutMillis);
    }
}
