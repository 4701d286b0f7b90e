package dev.cloudjar.services.logs;

import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.services.logs.model.LogGroupRecord;
import dev.cloudjar.services.logs.model.LogStreamRecord;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps all groups together under a size cap: once their stored bytes pass it, the largest group
 * loses its oldest events (expired ones first) until everything fits in 90 % of the cap, so that
 * eviction runs now and then rather than on every write.
 */
final class LogsCap {
    private final LogsState state;
    private final LogEvents events;
    private final Clock clock;
    private final long capBytes;
    private final Object evicting = new Object();

    LogsCap(LogsState state, LogEvents events, Clock clock, long capBytes) {
        this.state = state;
        this.events = events;
        this.clock = clock;
        this.capBytes = capBytes;
    }

    long capBytes() {
        return capBytes;
    }

    /** Called after a write, outside any group lock. */
    void enforce() {
        if (state.footprint.get() <= capBytes) {
            return;
        }
        synchronized (evicting) {
            long target = capBytes / 10 * 9;
            int rounds = 0;
            while (state.footprint.get() > target && rounds++ < 10_000) {
                String largest = null;
                long size = 0;
                for (Map.Entry<String, LogGroupRecord> entry : state.groups.range(null, null)) {
                    if (entry.getValue().storedBytes() > size) {
                        size = entry.getValue().storedBytes();
                        largest = entry.getKey();
                    }
                }
                if (largest == null) {
                    return;
                }
                trimOldest(largest, state.footprint.get() - target);
            }
        }
    }

    /** Drops the group's oldest events: from the stream whose first event is oldest, up to the next stream's first. */
    private void trimOldest(String groupKey, long bytes) {
        String[] parts = groupKey.split(":", 3);
        Scope scope = new Scope(parts[0], parts[1]);
        String group = parts[2];
        ReentrantLock lock = state.lock(scope, group);
        lock.lock();
        try {
            LogGroupRecord g = state.groups.get(groupKey);
            if (g == null) {
                return;
            }
            String prefix = groupKey + ":";
            String oldest = null;
            long oldestTs = Long.MAX_VALUE;
            long secondTs = Long.MAX_VALUE;
            for (Map.Entry<String, LogStreamRecord> entry : state.streams.range(prefix, KeyRanges.prefixEnd(prefix))) {
                events.expire(scope, g, entry.getValue().name(), clock.millis());
                Long first = state.streams.get(entry.getKey()).firstEventTimestamp();
                if (first == null) {
                    continue;
                }
                if (first < oldestTs) {
                    secondTs = oldestTs;
                    oldestTs = first;
                    oldest = entry.getValue().name();
                } else if (first < secondTs) {
                    secondTs = first;
                }
            }
            if (oldest == null) {
                // nothing left to drop: the recorded size was stale
                g = state.groups.get(groupKey);
                state.footprint.addAndGet(-g.storedBytes());
                state.groups.put(groupKey, g.withUsage(0, g.nextSequence()));
                return;
            }
            String before = secondTs == Long.MAX_VALUE ? LogsNames.END : LogsNames.position(secondTs + 1, 0);
            events.dropHead(scope, group, oldest, before, Math.max(1, bytes));
        } finally {
            lock.unlock();
        }
    }
}
