package dev.cloudjar.services.logs;

import dev.cloudjar.core.Scope;
import dev.cloudjar.core.StripedLocks;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.persistence.StateStore;
import dev.cloudjar.services.logs.model.LogEventRecord;
import dev.cloudjar.services.logs.model.LogEventRun;
import java.util.List;
import dev.cloudjar.services.logs.model.LogGroupRecord;
import dev.cloudjar.services.logs.model.LogStreamRecord;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The stored groups, streams and events, and the lock of each group: every write to a group, its
 * streams or their events happens under that group's lock; reads are weakly consistent.
 */
final class LogsState {
    final PersistentMap<LogGroupRecord> groups;
    final PersistentMap<LogStreamRecord> streams;
    final EventRuns events;
    /** Counters: the last stream id given out. */
    final PersistentMap<Long> meta;
    /**
     * What every group's events take together, kept under the global cap: their messages' bytes plus
     * {@link #EVENT_FOOTPRINT} per event for its key, encoding and place in the tree (measured with
     * the in-memory store).
     */
    final AtomicLong footprint = new AtomicLong();
    static final int EVENT_FOOTPRINT = 200;
    private final StripedLocks locks = new StripedLocks(64);

    LogsState(StateStore store) {
        this.groups = store.map("logs.groups", LogGroupRecord.class);
        this.streams = store.map("logs.streams", LogStreamRecord.class);
        PersistentMap<LogEventRun> runs = store.map("logs.runs", LogEventRun.class);
        this.events = new EventRuns(runs);
        upgrade(store.map("logs.events", LogEventRecord.class), runs);
        this.meta = store.map("logs.meta", Long.class);
        long total = 0;
        for (Map.Entry<String, LogGroupRecord> entry : groups.range(null, null)) {
            total += entry.getValue().storedBytes();
        }
        for (Map.Entry<String, LogStreamRecord> entry : streams.range(null, null)) {
            total += footprint(0, entry.getValue().eventCount());
        }
        footprint.set(total);
    }

    /** A data directory from before runs kept an entry per event, under the same keys: each becomes a run of one. */
    private static void upgrade(PersistentMap<LogEventRecord> perEvent, PersistentMap<LogEventRun> runs) {
        if (perEvent.size() == 0) {
            return;
        }
        for (Map.Entry<String, LogEventRecord> entry : perEvent.range(null, null)) {
            String position = entry.getKey().substring(entry.getKey().length() - LogsNames.position(0, 0).length());
            runs.put(entry.getKey(), new LogEventRun(entry.getValue().ingestionTime(),
                    List.of(new LogEventRun.Line(LogsNames.timestampOf(position), entry.getValue().message()))));
        }
        perEvent.clear();
    }

    /** A stream id no stream has had: a counter in hex. */
    String newStreamId() {
        return Long.toHexString(meta.compute("streamIds", last -> last == null ? 1L : last + 1));
    }

    static long footprint(long messageBytes, long events) {
        return messageBytes + events * EVENT_FOOTPRINT;
    }

    ReentrantLock lock(Scope scope, String group) {
        return locks.lockFor(LogsNames.groupKey(scope, group));
    }

    LogGroupRecord group(Scope scope, String group) {
        LogGroupRecord record = groups.get(LogsNames.groupKey(scope, group));
        if (record == null) {
            throw LogsErrors.groupNotFound();
        }
        return record;
    }

    LogStreamRecord stream(Scope scope, String group, String stream) {
        LogStreamRecord record = streams.get(LogsNames.streamKey(scope, group, stream));
        if (record == null) {
            throw LogsErrors.streamNotFound();
        }
        return record;
    }
}
