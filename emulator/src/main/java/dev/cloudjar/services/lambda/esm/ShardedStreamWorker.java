package dev.cloudjar.services.lambda.esm;

import dev.cloudjar.core.Scope;
import dev.cloudjar.events.EventBus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kinesis mapping: one {@link StreamWorker} per shard and ParallelizationFactor slot, so each shard
 * (each slot of partition keys) has exactly one batch in flight, in sequence order. A child shard is
 * started only once its parents are read to their end, as Lambda does after a reshard. The mapping's
 * checkpoint holds every shard slot's position as {@code shardId/slot=sequence} entries joined by commas.
 */
final class ShardedStreamWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ShardedStreamWorker.class);
    private static final long RESCAN_MILLIS = 1000;

    private final Supplier<MappingRecord> mapping;
    private final ShardedSource source;
    private final MappingInvoker invoker;
    private final EventBus events;
    private final Clock clock;
    private final CheckpointStore store;
    private final Map<String, Runnable> started = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    /** Applies a change to the stored mapping atomically. */
    interface CheckpointStore {
        void update(UnaryOperator<MappingRecord> change);
    }

    ShardedStreamWorker(Supplier<MappingRecord> mapping, ShardedSource source, MappingInvoker invoker, EventBus events, Clock clock,
                        CheckpointStore store) {
        this.mapping = mapping;
        this.source = source;
        this.invoker = invoker;
        this.events = events;
        this.clock = clock;
        this.store = store;
    }

    void stop() {
        running = false;
        started.values().forEach(Runnable::run);
    }

    @Override
    public void run() {
        while (running && !Thread.currentThread().isInterrupted()) {
            MappingRecord m = mapping.get();
            if (m == null) {
                return;
            }
            try {
                long version = source.appendVersion(m.eventSourceArn());
                startReadyShards(m);
                source.awaitAppend(m.eventSourceArn(), version, RESCAN_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("event source mapping {} failed on {}: {}", m.uuid(), m.eventSourceArn(), e.getMessage());
                pause();
            }
        }
    }

    private void startReadyShards(MappingRecord m) {
        List<ShardedSource.Shard> shards = source.shards(m.eventSourceArn());
        Map<String, ShardedSource.Shard> byId = new LinkedHashMap<>();
        shards.forEach(s -> byId.put(s.shardId(), s));
        int factor = Math.max(1, m.parallelizationFactor());
        for (ShardedSource.Shard shard : shards) {
            if (started.containsKey(shard.shardId()) || !parentDone(m, byId, shard.parentShardId(), factor)
                    || !parentDone(m, byId, shard.adjacentParentShardId(), factor)) {
                continue;
            }
            start(m, shard.shardId(), factor);
        }
    }

    /** A parent is done when it is gone (trimmed) or closed with nothing left after any slot's checkpoint. */
    private boolean parentDone(MappingRecord m, Map<String, ShardedSource.Shard> shards, String parentId, int factor) {
        if (parentId == null || !shards.containsKey(parentId)) {
            return true;
        }
        if (!shards.get(parentId).closed() || !started.containsKey(parentId)) {
            return false;
        }
        Map<String, String> checkpoints = checkpoints(m.checkpoint());
        for (int slot = 0; slot < factor; slot++) {
            String after = checkpoints.getOrDefault(parentId + "/" + slot, "");
            if (!source.read(m.eventSourceArn(), parentId, after, 1, slot, factor).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private void start(MappingRecord m, String shardId, int factor) {
        Runnable[] stoppers = new Runnable[factor];
        for (int slot = 0; slot < factor; slot++) {
            String key = shardId + "/" + slot;
            int s = slot;
            StreamSource shardSource = new ShardSlot(source, m.eventSourceArn(), shardId, s, factor);
            StreamWorker worker = new StreamWorker(() -> {
                MappingRecord current = mapping.get();
                return current == null ? null : current.withCheckpoint(checkpoints(current.checkpoint()).getOrDefault(key, ""),
                        current.lastProcessingResult());
            }, shardSource, invoker, events, clock, (checkpoint, result) -> store.update(r -> r == null ? null
                    : r.withCheckpoint(withEntry(r.checkpoint(), key, checkpoint), result)));
            Thread thread = new Thread(worker, "lambda-esm-" + m.uuid() + "-" + key);
            thread.setDaemon(true);
            stoppers[slot] = () -> {
                worker.stop();
                thread.interrupt();
            };
            thread.start();
        }
        started.put(shardId, () -> {
            for (Runnable stopper : stoppers) {
                stopper.run();
            }
        });
    }

    static Map<String, String> checkpoints(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String entry : encoded.split(",")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                out.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return out;
    }

    static String encode(Map<String, String> checkpoints) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : checkpoints.entrySet()) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(e.getKey()).append('=').append(e.getValue() == null ? "" : e.getValue());
        }
        return out.toString();
    }

    private static String withEntry(String encoded, String key, String value) {
        Map<String, String> all = checkpoints(encoded);
        all.put(key, value);
        return encode(all);
    }

    /** The starting checkpoints of every shard slot of a new mapping. */
    static String starting(ShardedSource source, String streamArn, String position, Instant timestamp, int factor) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ShardedSource.Shard shard : source.shards(streamArn)) {
            String checkpoint = source.startingCheckpoint(streamArn, shard.shardId(), position, timestamp);
            for (int slot = 0; slot < factor; slot++) {
                out.put(shard.shardId() + "/" + slot, checkpoint == null ? "" : checkpoint);
            }
        }
        return encode(out);
    }

    private void pause() {
        try {
            Thread.sleep(RESCAN_MILLIS);
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    /** One shard slot as a {@link StreamSource} for a {@link StreamWorker}. */
    private record ShardSlot(ShardedSource source, String streamArn, String shardId, int slot, int factor) implements StreamSource {
        @Override
        public boolean exists(Scope scope, String arn) {
            return true;
        }

        @Override
        public String startingCheckpoint(Scope scope, String arn, String startingPosition, Instant timestamp) {
            return "";
        }

        @Override
        public List<StreamRecord> read(Scope scope, String arn, String afterSequenceNumber, int max) {
            return source.read(streamArn, shardId, afterSequenceNumber, max, slot, factor);
        }

        @Override
        public boolean awaitRecords(Scope scope, String arn, String afterSequenceNumber, Duration timeout) throws InterruptedException {
            long version = source.appendVersion(streamArn);
            if (!read(scope, arn, afterSequenceNumber, 1).isEmpty()) {
                return true;
            }
            source.awaitAppend(streamArn, version, timeout.toMillis());
            return !read(scope, arn, afterSequenceNumber, 1).isEmpty();
        }

        @Override
        public String batchInfoMember() {
            return "KinesisBatchInfo";
        }

        @Override
        public String shardId() {
            return shardId;
        }
    }
}
