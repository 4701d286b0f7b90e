package dev.cloudjar.services.kinesis;

import dev.cloudjar.core.Scope;
import dev.cloudjar.core.StripedLocks;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.persistence.StateStore;
import dev.cloudjar.services.kinesis.model.DataRecord;
import dev.cloudjar.services.kinesis.model.ShardRecord;
import dev.cloudjar.services.kinesis.model.StreamRecord;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The stored streams and records. Every write to a stream (its description or its records) happens
 * under that stream's lock, so sequence numbers are given out and stored in one order. Decoded
 * streams are kept in front of the store (write-through), since every PutRecord reads one.
 *
 * <p>A record's key is {@code <stream key>#<stream id>#<sequence number>}; a sequence number is
 * {@code 49}, the shard's index in six digits and the stream's counter in 48 digits (56 digits, so
 * key order is sequence order and a sequence number tells its shard, as AWS's do).
 */
final class KinesisState {
    static final String SEQUENCE_PREFIX = "49";

    final PersistentMap<StreamRecord> streams;
    final PersistentMap<DataRecord> records;
    private final Map<String, StreamRecord> cache = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Map<String, AppendSignal> monitors = new ConcurrentHashMap<>();
    private final StripedLocks locks = new StripedLocks(64);

    KinesisState(StateStore store) {
        this.streams = store.map("kinesis.streams", StreamRecord.class);
        this.records = store.map("kinesis.records", DataRecord.class);
    }

    static String streamKey(Scope scope, String name) {
        return scope.account() + "/" + scope.region() + "/" + name;
    }

    static String sequence(int shardIndex, long counter) {
        return SEQUENCE_PREFIX + String.format("%06d%048d", shardIndex, counter);
    }

    /** The shard index a 56-digit sequence number encodes, or -1 when it is not one of ours. */
    static int shardIndexOf(String sequence) {
        if (sequence == null || sequence.length() != 56 || !sequence.startsWith(SEQUENCE_PREFIX)) {
            return -1;
        }
        try {
            return Integer.parseInt(sequence.substring(2, 8));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String shardPrefix(StreamRecord stream, String key, ShardRecord shard) {
        return key + "#" + stream.streamId() + "#" + SEQUENCE_PREFIX + String.format("%06d", shard.index());
    }

    static String recordKey(String key, StreamRecord stream, String sequence) {
        return key + "#" + stream.streamId() + "#" + sequence;
    }

    ReentrantLock lock(String key) {
        return locks.lockFor(key);
    }

    StreamRecord get(String key) {
        StreamRecord cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        StreamRecord stored = streams.get(key);
        if (stored != null) {
            cache.put(key, stored);
        }
        return stored;
    }

    void put(String key, StreamRecord stream) {
        streams.put(key, stream);
        cache.put(key, stream);
    }

    void remove(String key) {
        streams.remove(key);
        cache.remove(key);
    }

    /** The next counter value of a stream: after every sequence number it has given out, also before a restart. */
    long nextCounter(String key, StreamRecord stream) {
        return counters.computeIfAbsent(stream.streamId(), id -> new AtomicLong(lastCounter(key, stream))).incrementAndGet();
    }

    long currentCounter(String key, StreamRecord stream) {
        return counters.computeIfAbsent(stream.streamId(), id -> new AtomicLong(lastCounter(key, stream))).get();
    }

    private long lastCounter(String key, StreamRecord stream) {
        long last = 0;
        for (ShardRecord shard : stream.shards()) {
            last = Math.max(last, counterOf(shard.startingSequenceNumber()));
            if (shard.endingSequenceNumber() != null) {
                last = Math.max(last, counterOf(shard.endingSequenceNumber()));
            }
            String prefix = shardPrefix(stream, key, shard);
            Iterator<Map.Entry<String, DataRecord>> newest = records.rangeDescending(prefix, KeyRanges.prefixEnd(prefix)).iterator();
            if (newest.hasNext()) {
                String k = newest.next().getKey();
                last = Math.max(last, counterOf(k.substring(k.length() - 56)));
            }
        }
        return last;
    }

    static long counterOf(String sequence) {
        return Long.parseLong(sequence.substring(8));
    }

    void forget(StreamRecord stream) {
        counters.remove(stream.streamId());
    }

    AppendSignal monitor(String key) {
        return monitors.computeIfAbsent(key, k -> new AppendSignal());
    }

    /** Counts a stream's appends, so a reader can wait for one after a version without missing it. */
    static final class AppendSignal {
        private long version;

        synchronized long version() {
            return version;
        }

        synchronized void signal() {
            version++;
            notifyAll();
        }

        synchronized void await(long since, long timeoutMillis) throws InterruptedException {
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
            while (version == since) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return;
                }
                wait(left);
            }
        }
    }

    void clearCache() {
        cache.clear();
        counters.clear();
    }
}
