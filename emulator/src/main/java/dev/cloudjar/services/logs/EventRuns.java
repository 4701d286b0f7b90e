package dev.cloudjar.services.logs;

import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.logs.model.LogEventRecord;
import dev.cloudjar.services.logs.model.LogEventRun;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A stream's events stored a run per write: a Lambda invocation's lines cost one store entry rather
 * than one each. Runs of a stream never overlap in position order (a write that lands inside earlier
 * runs first splits them into single events), so reading runs in key order and their events in
 * turn gives the events in position order. Reads hand out one entry per event, keyed as if each
 * event were stored under its own position. Writes happen under the group's lock.
 */
final class EventRuns {
    private final PersistentMap<LogEventRun> runs;

    EventRuns(PersistentMap<LogEventRun> runs) {
        this.runs = runs;
    }

    /** Stores events whose positions follow every stored event of the stream, as one run. */
    void append(String prefix, long firstSequence, long ingestionTime, List<LogEventRun.Line> lines) {
        runs.put(prefix + LogsNames.position(lines.get(0).timestamp(), firstSequence), new LogEventRun(ingestionTime, List.copyOf(lines)));
    }

    /** Stores events that may fall between stored ones: splits the runs they overlap, then stores each alone. */
    void insert(String prefix, long firstSequence, long ingestionTime, List<LogEventRun.Line> lines) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (LogEventRun.Line line : lines) {
            min = Math.min(min, line.timestamp());
            max = Math.max(max, line.timestamp());
        }
        String from = prefix + LogsNames.position(min, 0);
        String to = prefix + LogsNames.position(max + 1, 0);
        List<Map.Entry<String, LogEventRun>> overlapping = new ArrayList<>();
        Map.Entry<String, LogEventRun> floor = floor(prefix, from);
        if (floor != null) {
            overlapping.add(floor);
        }
        runs.range(from, to).forEach(overlapping::add);
        for (Map.Entry<String, LogEventRun> run : overlapping) {
            if (run.getValue().events().size() > 1) {
                runs.remove(run.getKey());
                String position = run.getKey().substring(prefix.length());
                long seq = LogsNames.sequenceOf(position);
                for (LogEventRun.Line line : run.getValue().events()) {
                    runs.put(prefix + LogsNames.position(line.timestamp(), seq++), new LogEventRun(run.getValue().ingestionTime(), List.of(line)));
                }
            }
        }
        long seq = firstSequence;
        for (LogEventRun.Line line : lines) {
            runs.put(prefix + LogsNames.position(line.timestamp(), seq++), new LogEventRun(ingestionTime, List.of(line)));
        }
    }

    /** The run starting before {@code key} whose events may reach it, or null. */
    private Map.Entry<String, LogEventRun> floor(String prefix, String key) {
        for (Map.Entry<String, LogEventRun> entry : runs.rangeDescending(prefix, key)) {
            return entry.getValue().events().size() > 1 ? entry : null;
        }
        return null;
    }

    /** Events with {@code prefix + from <= key < prefix + to}, in key order. */
    Iterable<Map.Entry<String, LogEventRecord>> range(String prefix, String from, String to) {
        return () -> {
            List<Map.Entry<String, LogEventRun>> head = new ArrayList<>(1);
            Map.Entry<String, LogEventRun> floor = floor(prefix, prefix + from);
            if (floor != null) {
                head.add(floor);
            }
            Iterator<Map.Entry<String, LogEventRun>> rest = runs.range(prefix + from, prefix + to).iterator();
            return new Expanding(prefix, from, to, concat(head.iterator(), rest), false);
        };
    }

    /** The same events in descending key order. */
    Iterable<Map.Entry<String, LogEventRecord>> rangeDescending(String prefix, String from, String to) {
        return () -> new Expanding(prefix, from, to, runs.rangeDescending(prefix, prefix + to).iterator(), true);
    }

    /** The stream's runs, oldest first. */
    Iterable<Map.Entry<String, LogEventRun>> runs(String prefix) {
        return runs.prefix(prefix);
    }

    void remove(String key) {
        runs.remove(key);
    }

    void put(String key, LogEventRun run) {
        runs.put(key, run);
    }

    private static <T> Iterator<T> concat(Iterator<T> first, Iterator<T> second) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return first.hasNext() || second.hasNext();
            }

            @Override
            public T next() {
                return first.hasNext() ? first.next() : second.next();
            }
        };
    }

    /** Walks runs and hands out their events that fall in [from, to). */
    private static final class Expanding implements Iterator<Map.Entry<String, LogEventRecord>> {
        private final String prefix;
        private final String from;
        private final String to;
        private final Iterator<Map.Entry<String, LogEventRun>> runs;
        private final boolean descending;
        private List<Map.Entry<String, LogEventRecord>> batch = List.of();
        private int index;
        private Map.Entry<String, LogEventRecord> next;
        private boolean done;

        Expanding(String prefix, String from, String to, Iterator<Map.Entry<String, LogEventRun>> runs, boolean descending) {
            this.prefix = prefix;
            this.from = from;
            this.to = to;
            this.runs = runs;
            this.descending = descending;
        }

        @Override
        public boolean hasNext() {
            while (next == null && !done) {
                if (index < batch.size()) {
                    Map.Entry<String, LogEventRecord> candidate = batch.get(index++);
                    String position = candidate.getKey().substring(prefix.length());
                    if (position.compareTo(from) < 0) {
                        // descending: every later event is older still
                        done = descending;
                    } else if (position.compareTo(to) < 0) {
                        next = candidate;
                    } else if (!descending) {
                        done = true;
                    }
                } else if (runs.hasNext()) {
                    batch = expand(runs.next());
                    index = 0;
                } else {
                    done = true;
                }
            }
            return next != null;
        }

        @Override
        public Map.Entry<String, LogEventRecord> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Map.Entry<String, LogEventRecord> out = next;
            next = null;
            return out;
        }

        private List<Map.Entry<String, LogEventRecord>> expand(Map.Entry<String, LogEventRun> run) {
            long seq = LogsNames.sequenceOf(run.getKey().substring(prefix.length()));
            long ingestion = run.getValue().ingestionTime();
            List<Map.Entry<String, LogEventRecord>> out = new ArrayList<>(run.getValue().events().size());
            for (LogEventRun.Line line : run.getValue().events()) {
                out.add(new AbstractMap.SimpleImmutableEntry<>(prefix + LogsNames.position(line.timestamp(), seq++),
                        new LogEventRecord(line.message(), ingestion)));
            }
            if (descending) {
                Collections.reverse(out);
            }
            return out;
        }
    }
}
