package dev.cloudjar.services.logs;

import dev.cloudjar.core.PageToken;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.services.logs.filter.FilterPattern;
import dev.cloudjar.services.logs.model.EventPage;
import dev.cloudjar.services.logs.model.FilteredPage;
import dev.cloudjar.services.logs.model.InputEvent;
import dev.cloudjar.services.logs.model.LogEventRecord;
import dev.cloudjar.services.logs.model.LogEventRun;
import dev.cloudjar.services.logs.model.LogGroupRecord;
import dev.cloudjar.services.logs.model.LogStreamRecord;
import dev.cloudjar.services.logs.model.OutputEvent;
import dev.cloudjar.services.logs.model.PutResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Events: PutLogEvents' rules (order, batch limits, events too old or too new), GetLogEvents' tokens
 * and FilterLogEvents across streams. Events past the group's retention are never returned and are
 * deleted from a stream's head whenever that stream is written or the retention changes.
 */
final class LogEvents {
    static final int MAX_BATCH_EVENTS = 10_000;
    static final int MAX_BATCH_BYTES = 1_048_576;
    static final int EVENT_OVERHEAD = 26;
    static final int MAX_EVENTS_RETURNED = 10_000;
    /** GetLogEvents and FilterLogEvents answer at most 1 MB of messages (and at least one event). */
    static final long MAX_RESPONSE_BYTES = 1_048_576;
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    static final long MAX_BATCH_SPAN = DAY;
    private static final String ZERO = LogsNames.position(0, 0);
    private static final String END = LogsNames.END;

    private final LogsState state;
    private final Clock clock;

    LogEvents(LogsState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    PutResult put(Scope scope, String group, String stream, List<InputEvent> events) {
        LogsNames.checkGroupName(group, "logGroupName");
        LogsNames.checkStreamName(stream, "logStreamName");
        long bytes = checkBatch(events);
        long now = clock.millis();
        ReentrantLock lock = state.lock(scope, group);
        lock.lock();
        try {
            LogGroupRecord g = state.group(scope, group);
            LogStreamRecord s = state.stream(scope, group, stream);
            Integer tooNew = null;
            Integer tooOld = null;
            Integer expired = null;
            long retentionCutoff = g.retentionInDays() == null ? Long.MIN_VALUE : now - g.retentionInDays() * DAY;
            long sequence = g.nextSequence();
            long added = 0;
            long count = 0;
            Long first = s.firstEventTimestamp();
            Long last = s.lastEventTimestamp();
            String streamKey = s.eventPrefix();
            long firstSequence = sequence;
            long earliest = Long.MAX_VALUE;
            List<LogEventRun.Line> accepted = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                long ts = events.get(i).timestamp();
                if (ts > now + 2 * HOUR) {
                    tooNew = tooNew == null ? i : tooNew;
                    continue;
                }
                if (ts < retentionCutoff) {
                    expired = i;
                    continue;
                }
                if (ts < now - 14 * DAY) {
                    tooOld = i;
                    continue;
                }
                String message = events.get(i).message();
                accepted.add(new LogEventRun.Line(ts, message));
                earliest = Math.min(earliest, ts);
                sequence++;
                added += message.getBytes(StandardCharsets.UTF_8).length;
                count++;
                first = first == null ? ts : Math.min(first, ts);
                last = last == null ? ts : Math.max(last, ts);
            }
            if (count > 0) {
                if (s.lastEventTimestamp() == null || earliest >= s.lastEventTimestamp()) {
                    state.events.append(streamKey, firstSequence, now, accepted);
                } else {
                    state.events.insert(streamKey, firstSequence, now, accepted);
                }
                state.streams.put(LogsNames.streamKey(scope, group, stream),
                        s.withEvents(first, last, now, s.storedBytes() + added, s.eventCount() + count));
                state.groups.put(LogsNames.groupKey(scope, group), g.withUsage(g.storedBytes() + added, sequence));
                state.footprint.addAndGet(LogsState.footprint(added, count));
            }
            expire(scope, g, stream, now);
            return new PutResult(String.format("%056d", sequence), tooNew, tooOld, expired);
        } finally {
            lock.unlock();
        }
    }

    private static long checkBatch(List<InputEvent> events) {
        if (events == null) {
            throw LogsErrors.missing("logEvents");
        }
        if (events.isEmpty()) {
            throw LogsErrors.validation("[]", "logEvents", "Member must have length greater than or equal to 1");
        }
        if (events.size() > MAX_BATCH_EVENTS) {
            throw LogsErrors.validation("[" + events.size() + " events]", "logEvents", "Member must have length less than or equal to " + MAX_BATCH_EVENTS);
        }
        long bytes = 0;
        long previous = Long.MIN_VALUE;
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < events.size(); i++) {
            InputEvent e = events.get(i);
            if (e == null || e.timestamp() == null) {
                throw LogsErrors.missing("logEvents." + (i + 1) + ".member.timestamp");
            }
            if (e.message() == null) {
                throw LogsErrors.missing("logEvents." + (i + 1) + ".member.message");
            }
            if (e.message().isEmpty()) {
                throw LogsErrors.validation("", "logEvents." + (i + 1) + ".member.message", "Member must have length greater than or equal to 1");
            }
            if (e.timestamp() < 0) {
                throw LogsErrors.validation(e.timestamp(), "logEvents." + (i + 1) + ".member.timestamp", "Member must have value greater than or equal to 0");
            }
            if (e.timestamp() < previous) {
                throw LogsErrors.invalid("Log events in a single PutLogEvents request must be in chronological order.");
            }
            previous = e.timestamp();
            earliest = Math.min(earliest, e.timestamp());
            bytes += e.message().getBytes(StandardCharsets.UTF_8).length + EVENT_OVERHEAD;
        }
        if (bytes > MAX_BATCH_BYTES) {
            throw LogsErrors.invalid("Upload too large: " + bytes + " bytes exceeds limit of " + MAX_BATCH_BYTES);
        }
        if (previous - earliest > MAX_BATCH_SPAN) {
            throw LogsErrors.invalid("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        }
        return bytes;
    }

    /** Deletes the expired events of every stream of a group (its retention just changed). */
    void expireGroup(Scope scope, String group) {
        ReentrantLock lock = state.lock(scope, group);
        lock.lock();
        try {
            LogGroupRecord g = state.group(scope, group);
            long now = clock.millis();
            for (LogStreamRecord stream : streams(scope, group, null, null)) {
                expire(scope, g, stream.name(), now);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Deletes a stream's events older than the group's retention (they are at the head). Caller holds the group lock. */
    void expire(Scope scope, LogGroupRecord g, String stream, long now) {
        if (g.retentionInDays() == null) {
            return;
        }
        long cutoff = now - g.retentionInDays() * DAY;
        dropHead(scope, g.name(), stream, LogsNames.position(cutoff, 0), Long.MAX_VALUE);
    }

    /**
     * Removes a stream's events before {@code beforePosition}, oldest first, stopping once
     * {@code maxBytes} of footprint are freed; returns the message bytes freed. Caller holds the group lock.
     */
    long dropHead(Scope scope, String group, String stream, String beforePosition, long maxBytes) {
        String streamKey = LogsNames.streamKey(scope, group, stream);
        LogStreamRecord s = state.streams.get(streamKey);
        if (s == null || s.eventCount() == 0) {
            return 0;
        }
        String prefix = s.eventPrefix();
        long freed = 0;
        long removed = 0;
        Long first = null;
        List<String> doomed = new ArrayList<>();
        Map.Entry<String, LogEventRun> rest = null;
        runs:
        for (Map.Entry<String, LogEventRun> run : state.events.runs(prefix)) {
            List<LogEventRun.Line> lines = run.getValue().events();
            long seq = LogsNames.sequenceOf(run.getKey().substring(prefix.length()));
            for (int i = 0; i < lines.size(); i++) {
                String position = LogsNames.position(lines.get(i).timestamp(), seq + i);
                if (position.compareTo(beforePosition) >= 0 || LogsState.footprint(freed, removed) >= maxBytes) {
                    first = lines.get(i).timestamp();
                    if (i > 0) {
                        doomed.add(run.getKey());
                        rest = Map.entry(prefix + position, new LogEventRun(run.getValue().ingestionTime(), List.copyOf(lines.subList(i, lines.size()))));
                    }
                    break runs;
                }
                freed += lines.get(i).message().getBytes(StandardCharsets.UTF_8).length;
                removed++;
            }
            doomed.add(run.getKey());
        }
        if (removed == 0) {
            return 0;
        }
        doomed.forEach(state.events::remove);
        if (rest != null) {
            state.events.put(rest.getKey(), rest.getValue());
        }
        long count = s.eventCount() - removed;
        long released = freed;
        state.streams.put(streamKey, s.withEvents(count == 0 ? null : first, count == 0 ? null : s.lastEventTimestamp(),
                s.lastIngestionTime(), Math.max(0, s.storedBytes() - freed), count));
        state.groups.compute(LogsNames.groupKey(scope, group),
                g -> g == null ? null : g.withUsage(Math.max(0, g.storedBytes() - released), g.nextSequence()));
        state.footprint.addAndGet(-LogsState.footprint(freed, removed));
        return freed;
    }

    EventPage get(Scope scope, String group, String stream, Long startTime, Long endTime, String nextToken,
                  Integer limit, Boolean startFromHead) {
        LogsNames.checkStreamName(stream, "logStreamName");
        int max = LogGroups.limit(limit, MAX_EVENTS_RETURNED);
        LogGroupRecord g = state.group(scope, group);
        LogStreamRecord s = state.stream(scope, group, stream);
        String lower = maxOf(ZERO, startTime == null ? ZERO : LogsNames.position(startTime, 0), retentionFloor(g));
        String upper = endTime == null ? END : LogsNames.position(endTime, 0);
        boolean forward = Boolean.TRUE.equals(startFromHead);
        String tokenPosition = null;
        if (nextToken != null) {
            tokenPosition = nextToken.matches("[fb]/\\d{56}(/s)?") ? LogsNames.internalOrNull(nextToken.substring(2, 58)) : null;
            if (tokenPosition == null) {
                throw LogsErrors.invalid("The specified nextToken is invalid.");
            }
            forward = nextToken.charAt(0) == 'f';
        }
        String prefix = s.eventPrefix();
        List<Map.Entry<String, LogEventRecord>> found = new ArrayList<>();
        if (forward) {
            String from = tokenPosition == null ? lower : maxOf(lower, tokenPosition);
            long bytes = 0;
            for (Map.Entry<String, LogEventRecord> entry : state.events.range(prefix, from, upper)) {
                if (found.size() == max || full(found.size(), bytes, entry.getValue())) {
                    break;
                }
                if (tokenPosition == null || !entry.getKey().endsWith(tokenPosition)) {
                    found.add(entry); // a forward token names the last event already returned
                    bytes += entry.getValue().message().length();
                }
            }
        } else {
            String to = tokenPosition == null || tokenPosition.compareTo(upper) > 0 ? upper : tokenPosition;
            long bytes = 0;
            for (Map.Entry<String, LogEventRecord> entry : state.events.rangeDescending(prefix, lower, to)) {
                if (found.size() == max || full(found.size(), bytes, entry.getValue())) {
                    break;
                }
                found.add(entry);
                bytes += entry.getValue().message().length();
            }
            Collections.reverse(found);
        }
        List<OutputEvent> out = new ArrayList<>(found.size());
        for (Map.Entry<String, LogEventRecord> entry : found) {
            LogEventRecord e = entry.getValue();
            out.add(new OutputEvent(null, LogsNames.timestampOf(entry.getKey().substring(prefix.length())), e.message(),
                    e.ingestionTime(), null));
        }
        if (found.isEmpty()) {
            String at = tokenPosition != null ? tokenPosition : forward ? lower : (upper.equals(END) ? lower : upper);
            return new EventPage(out, token('f', at), token('b', at));
        }
        String firstPos = found.get(0).getKey().substring(prefix.length());
        String lastPos = found.get(found.size() - 1).getKey().substring(prefix.length());
        return new EventPage(out, token('f', lastPos), token('b', firstPos));
    }

    private static String token(char direction, String position) {
        return direction + "/" + LogsNames.external(position) + "/s";
    }

    FilteredPage filter(Scope scope, String group, List<String> streamNames, String streamPrefix, Long startTime, Long endTime,
                        String pattern, String nextToken, Integer limit) {
        if (streamNames != null && !streamNames.isEmpty() && streamPrefix != null) {
            throw LogsErrors.invalid("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
        }
        if (streamNames != null && streamNames.size() > 100) {
            throw LogsErrors.validation(streamNames, "logStreamNames", "Member must have length less than or equal to 100");
        }
        int max = LogGroups.limit(limit, MAX_EVENTS_RETURNED);
        FilterPattern filter;
        try {
            filter = FilterPattern.parse(pattern);
        } catch (IllegalArgumentException e) {
            throw LogsErrors.invalid(e.getMessage());
        }
        LogGroupRecord g = state.group(scope, group);
        String lower = maxOf(ZERO, startTime == null ? ZERO : LogsNames.position(startTime, 0), retentionFloor(g));
        String upper = endTime == null ? END : LogsNames.position(endTime + 1, 0);
        String after = null;
        if (nextToken != null) {
            after = PageToken.decodeOrNull(nextToken);
            if (after == null || !LogsNames.isPosition(after)) {
                throw LogsErrors.invalid("The specified nextToken is invalid.");
            }
            lower = maxOf(lower, after);
        }
        PriorityQueue<Cursor> heads = new PriorityQueue<>();
        for (LogStreamRecord stream : streams(scope, group, streamNames, streamPrefix)) {
            String prefix = stream.eventPrefix();
            Cursor cursor = new Cursor(stream.name(), prefix, state.events.range(prefix, lower, upper).iterator());
            if (cursor.advance(after)) {
                heads.add(cursor);
            }
        }
        List<OutputEvent> out = new ArrayList<>();
        String lastPosition = null;
        long bytes = 0;
        boolean full = false;
        while (!heads.isEmpty() && out.size() < max) {
            Cursor cursor = heads.peek();
            LogEventRecord e = cursor.current.getValue();
            boolean match = filter.matches(e.message());
            if (match && full(out.size(), bytes, e)) {
                full = true;
                break;
            }
            heads.poll();
            String position = cursor.position();
            if (match) {
                out.add(new OutputEvent(cursor.stream, LogsNames.timestampOf(position), e.message(), e.ingestionTime(),
                        LogsNames.external(position)));
                lastPosition = position;
                bytes += e.message().length();
            }
            if (cursor.advance(after)) {
                heads.add(cursor);
            }
        }
        boolean more = (out.size() == max || full) && !heads.isEmpty();
        return new FilteredPage(out, List.of(), more ? PageToken.encode(lastPosition) : null);
    }

    /** Whether one more event would take a non-empty answer past 1 MB of messages. */
    private static boolean full(int returned, long bytes, LogEventRecord next) {
        return returned > 0 && bytes + next.message().length() > MAX_RESPONSE_BYTES;
    }

    private List<LogStreamRecord> streams(Scope scope, String group, List<String> names, String prefix) {
        List<LogStreamRecord> out = new ArrayList<>();
        if (names != null && !names.isEmpty()) {
            for (String name : names) {
                LogsNames.checkStreamName(name, "logStreamNames");
                LogStreamRecord stream = state.streams.get(LogsNames.streamKey(scope, group, name));
                if (stream != null) {
                    out.add(stream);
                }
            }
            return out;
        }
        String from = LogsNames.groupKey(scope, group) + ":" + (prefix == null ? "" : prefix);
        for (Map.Entry<String, LogStreamRecord> entry : state.streams.range(from, KeyRanges.prefixEnd(from))) {
            out.add(entry.getValue());
        }
        return out;
    }

    private String retentionFloor(LogGroupRecord g) {
        return g.retentionInDays() == null ? ZERO : LogsNames.position(clock.millis() - g.retentionInDays() * DAY, 0);
    }

    private static String maxOf(String... positions) {
        String max = positions[0];
        for (String p : positions) {
            if (p.compareTo(max) > 0) {
                max = p;
            }
        }
        return max;
    }

    /** One stream's events in position order during a FilterLogEvents merge. */
    private static final class Cursor implements Comparable<Cursor> {
        final String stream;
        final String prefix;
        final Iterator<Map.Entry<String, LogEventRecord>> events;
        Map.Entry<String, LogEventRecord> current;

        Cursor(String stream, String prefix, Iterator<Map.Entry<String, LogEventRecord>> events) {
            this.stream = stream;
            this.prefix = prefix;
            this.events = events;
        }

        /** Moves to the next event after {@code after} (exclusive); false when the stream is exhausted. */
        boolean advance(String after) {
            while (events.hasNext()) {
                current = events.next();
                if (after == null || position().compareTo(after) > 0) {
                    return true;
                }
            }
            return false;
        }

        String position() {
            return current.getKey().substring(prefix.length());
        }

        @Override
        public int compareTo(Cursor other) {
            int c = position().compareTo(other.position());
            return c != 0 ? c : stream.compareTo(other.stream);
        }
    }
}
