package dev.cloudjar.services.logs;

import dev.cloudjar.core.Arn;
import dev.cloudjar.core.PageToken;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.services.logs.model.LogGroupRecord;
import dev.cloudjar.services.logs.model.LogGroupView;
import dev.cloudjar.services.logs.model.LogStreamRecord;
import dev.cloudjar.services.logs.model.LogStreamView;
import dev.cloudjar.services.logs.model.Page;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/** Log groups and log streams: create, describe, delete, retention and tags. */
final class LogGroups {
    static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096,
            1827, 2192, 2557, 2922, 3288, 3653);
    private static final String RETENTION_LIST = "[1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]";
    private static final int MAX_TAGS = 50;
    private static final int DESCRIBE_LIMIT = 50;

    private final LogsState state;
    private final Clock clock;

    LogGroups(LogsState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    void createGroup(Scope scope, String name, Map<String, String> tags, String logGroupClass) {
        LogsNames.checkGroupName(name, "logGroupName");
        checkTags(tags);
        String type = logGroupClass == null ? "STANDARD" : logGroupClass;
        if (!List.of("STANDARD", "INFREQUENT_ACCESS", "DELIVERY").contains(type)) {
            throw LogsErrors.validation(type, "logGroupClass", "Member must satisfy enum value set: [STANDARD, INFREQUENT_ACCESS, DELIVERY]");
        }
        LogGroupRecord record = new LogGroupRecord(1, name, clock.millis(), null, type,
                tags == null ? Map.of() : new TreeMap<>(tags), 0, 1);
        if (state.groups.putIfAbsent(LogsNames.groupKey(scope, name), record) != null) {
            throw LogsErrors.groupExists();
        }
    }

    /** Creates the group unless it exists (how Lambda's log groups come to be); true when it was created. */
    boolean ensureGroup(Scope scope, String name) {
        LogGroupRecord record = new LogGroupRecord(1, name, clock.millis(), null, "STANDARD", Map.of(), 0, 1);
        return state.groups.putIfAbsent(LogsNames.groupKey(scope, name), record) == null;
    }

    Page<LogGroupView> describeGroups(Scope scope, LogsBackend.GroupQuery query, Integer limit, String nextToken) {
        String prefix = query.prefix();
        String pattern = query.pattern();
        if (prefix != null && pattern != null) {
            throw LogsErrors.invalid("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        }
        java.util.Set<String> named = null;
        if (query.identifiers() != null && !query.identifiers().isEmpty()) {
            if (prefix != null || pattern != null) {
                throw LogsErrors.invalid("logGroupIdentifiers cannot be combined with logGroupNamePrefix or logGroupNamePattern.");
            }
            if (query.identifiers().size() > 50) {
                throw LogsErrors.validation(query.identifiers(), "logGroupIdentifiers", "Member must have length less than or equal to 50");
            }
            named = new java.util.HashSet<>();
            for (String identifier : query.identifiers()) {
                named.add(LogsBackend.groupName(null, identifier));
            }
        }
        int max = limit(limit, DESCRIBE_LIMIT);
        String scopeKey = scope.account() + ":" + scope.region() + ":";
        String from = scopeKey + (prefix == null ? "" : prefix);
        String to = KeyRanges.prefixEnd(from);
        if (nextToken != null) {
            String after = PageToken.decodeOrNull(nextToken);
            if (after == null || !after.startsWith(scopeKey)) {
                throw LogsErrors.invalid("The specified nextToken is invalid.");
            }
            from = after + KeyRanges.SEPARATOR;
        }
        String needle = pattern == null ? null : pattern.toLowerCase(Locale.ROOT);
        List<LogGroupView> out = new ArrayList<>();
        String last = null;
        for (Map.Entry<String, LogGroupRecord> entry : state.groups.range(from, to)) {
            LogGroupRecord group = entry.getValue();
            if ((needle != null && !group.name().toLowerCase(Locale.ROOT).contains(needle))
                    || (named != null && !named.contains(group.name()))
                    || (query.logGroupClass() != null && !query.logGroupClass().equals(group.logGroupClass()))) {
                continue;
            }
            if (out.size() == max) {
                return new Page<>(out, PageToken.encode(last));
            }
            out.add(view(scope, group));
            last = entry.getKey();
        }
        return new Page<>(out, null);
    }

    LogGroupView view(Scope scope, LogGroupRecord group) {
        String arn = LogsNames.groupArn(scope, group.name());
        return new LogGroupView(group.name(), group.creationTime(), group.retentionInDays(), 0, group.storedBytes(),
                arn + ":*", arn, group.logGroupClass());
    }

    void deleteGroup(Scope scope, String name) {
        LogsNames.checkGroupName(name, "logGroupName");
        ReentrantLock lock = state.lock(scope, name);
        lock.lock();
        try {
            LogGroupRecord group = state.group(scope, name);
            String streamsPrefix = LogsNames.groupKey(scope, name) + ":";
            long events = 0;
            for (Map.Entry<String, LogStreamRecord> stream : entries(state.streams.range(streamsPrefix, KeyRanges.prefixEnd(streamsPrefix)))) {
                state.streams.remove(stream.getKey());
                events += stream.getValue().eventCount();
                removeEvents(stream.getValue());
            }
            // (the streams' events were removed with them, below)
            state.groups.remove(LogsNames.groupKey(scope, name));
            state.footprint.addAndGet(-LogsState.footprint(group.storedBytes(), events));
        } finally {
            lock.unlock();
        }
    }

    void putRetention(Scope scope, String name, Integer days) {
        LogsNames.checkGroupName(name, "logGroupName");
        if (days == null) {
            throw LogsErrors.missing("retentionInDays");
        }
        if (!RETENTION_DAYS.contains(days)) {
            throw LogsErrors.validation(days, "retentionInDays", "Member must satisfy enum value set: " + RETENTION_LIST);
        }
        updateGroup(scope, name, g -> g.withRetention(days));
    }

    void deleteRetention(Scope scope, String name) {
        LogsNames.checkGroupName(name, "logGroupName");
        updateGroup(scope, name, g -> g.withRetention(null));
    }

    void createStream(Scope scope, String group, String stream) {
        LogsNames.checkGroupName(group, "logGroupName");
        LogsNames.checkStreamName(stream, "logStreamName");
        ReentrantLock lock = state.lock(scope, group);
        lock.lock();
        try {
            state.group(scope, group);
            LogStreamRecord record = new LogStreamRecord(1, stream, clock.millis(), null, null, null, 0, 0, state.newStreamId());
            if (state.streams.putIfAbsent(LogsNames.streamKey(scope, group, stream), record) != null) {
                throw LogsErrors.streamExists();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Creates the stream unless it exists (the group must exist). */
    void ensureStream(Scope scope, String group, String stream) {
        LogStreamRecord record = new LogStreamRecord(1, stream, clock.millis(), null, null, null, 0, 0, state.newStreamId());
        state.streams.putIfAbsent(LogsNames.streamKey(scope, group, stream), record);
    }

    Page<LogStreamView> describeStreams(Scope scope, String group, String prefix, String orderBy, Boolean descending,
                                        Integer limit, String nextToken) {
        String order = orderBy == null ? "LogStreamName" : orderBy;
        if (!order.equals("LogStreamName") && !order.equals("LastEventTime")) {
            throw LogsErrors.validation(order, "orderBy", "Member must satisfy enum value set: [LogStreamName, LastEventTime]");
        }
        if (prefix != null && order.equals("LastEventTime")) {
            throw LogsErrors.invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        int max = limit(limit, DESCRIBE_LIMIT);
        state.group(scope, group);
        int offset = 0;
        if (nextToken != null) {
            String decoded = PageToken.decodeOrNull(nextToken);
            try {
                offset = decoded == null || !decoded.startsWith("streams:") ? -1 : Integer.parseInt(decoded.substring(8));
            } catch (NumberFormatException e) {
                offset = -1;
            }
            if (offset < 0) {
                throw LogsErrors.invalid("The specified nextToken is invalid.");
            }
        }
        String from = LogsNames.groupKey(scope, group) + ":" + (prefix == null ? "" : prefix);
        List<LogStreamRecord> all = new ArrayList<>();
        for (Map.Entry<String, LogStreamRecord> entry : state.streams.range(from, KeyRanges.prefixEnd(from))) {
            all.add(entry.getValue());
        }
        Comparator<LogStreamRecord> comparator = order.equals("LogStreamName")
                ? Comparator.comparing(LogStreamRecord::name)
                : Comparator.comparingLong((LogStreamRecord s) -> s.lastEventTimestamp() == null ? 0 : s.lastEventTimestamp())
                        .thenComparing(LogStreamRecord::name);
        all.sort(Boolean.TRUE.equals(descending) ? comparator.reversed() : comparator);
        List<LogStreamView> out = new ArrayList<>();
        for (int i = offset; i < all.size() && out.size() < max; i++) {
            LogStreamRecord s = all.get(i);
            out.add(new LogStreamView(s.name(), s.creationTime(), s.firstEventTimestamp(), s.lastEventTimestamp(),
                    s.lastIngestionTime(), s.eventCount() == 0 ? null : String.format("%056d", s.eventCount()),
                    LogsNames.streamArn(scope, group, s.name()), 0)); // AWS reports 0 for streams since 2019
        }
        int next = offset + out.size();
        return new Page<>(out, next < all.size() ? PageToken.encode("streams:" + next) : null);
    }

    void deleteStream(Scope scope, String group, String stream) {
        LogsNames.checkGroupName(group, "logGroupName");
        LogsNames.checkStreamName(stream, "logStreamName");
        ReentrantLock lock = state.lock(scope, group);
        lock.lock();
        try {
            LogGroupRecord record = state.group(scope, group);
            LogStreamRecord removed = state.stream(scope, group, stream);
            removeEvents(removed);
            state.streams.remove(LogsNames.streamKey(scope, group, stream));
            state.groups.put(LogsNames.groupKey(scope, group),
                    record.withUsage(record.storedBytes() - removed.storedBytes(), record.nextSequence()));
            state.footprint.addAndGet(-LogsState.footprint(removed.storedBytes(), removed.eventCount()));
        } finally {
            lock.unlock();
        }
    }

    // ---- tags: by group name (TagLogGroup...) or by ARN (TagResource...) ----

    Map<String, String> tags(Scope scope, String group) {
        return new TreeMap<>(state.group(scope, group).tags());
    }

    void tag(Scope scope, String group, Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            throw LogsErrors.validation("{}", "tags", "Member must have length greater than or equal to 1");
        }
        checkTags(tags);
        updateGroup(scope, group, g -> {
            Map<String, String> merged = new TreeMap<>(g.tags());
            merged.putAll(tags);
            if (merged.size() > MAX_TAGS) {
                throw new dev.cloudjar.core.AwsException(400, "TooManyTagsException",
                        "A resource can have no more than " + MAX_TAGS + " tags.").with("resourceName", g.name());
            }
            return g.withTags(merged);
        });
    }

    void untag(Scope scope, String group, List<String> keys) {
        if (keys == null) {
            throw LogsErrors.missing("tagKeys");
        }
        updateGroup(scope, group, g -> {
            Map<String, String> left = new TreeMap<>(g.tags());
            keys.forEach(left::remove);
            return g.withTags(left);
        });
    }

    /** The log group an ARN names ({@code arn:aws:logs:<region>:<account>:log-group:<name>}, with or without {@code :*}). */
    static GroupRef resolveArn(String arn) {
        if (arn == null) {
            throw LogsErrors.missing("resourceArn");
        }
        Arn parsed = Arn.parseOrNull(arn);
        if (parsed == null || !"logs".equals(parsed.service()) || !parsed.resource().startsWith("log-group:")) {
            throw LogsErrors.invalid("Invalid resource arn: " + arn);
        }
        String name = parsed.resource().substring("log-group:".length());
        if (name.endsWith(":*")) {
            name = name.substring(0, name.length() - 2);
        }
        if (name.isEmpty() || !LogsNames.GROUP_NAME.matcher(name).matches()) {
            throw LogsErrors.invalid("Invalid resource arn: " + arn);
        }
        return new GroupRef(parsed.scope(), name);
    }

    /** A log group named by ARN. */
    record GroupRef(Scope scope, String name) {
    }

    private void updateGroup(Scope scope, String name, java.util.function.UnaryOperator<LogGroupRecord> change) {
        ReentrantLock lock = state.lock(scope, name);
        lock.lock();
        try {
            LogGroupRecord group = state.group(scope, name);
            state.groups.put(LogsNames.groupKey(scope, name), change.apply(group));
        } finally {
            lock.unlock();
        }
    }

    private static void checkTags(Map<String, String> tags) {
        if (tags == null) {
            return;
        }
        if (tags.size() > MAX_TAGS) {
            throw LogsErrors.validation(new LinkedHashMap<>(tags), "tags", "Member must have length less than or equal to " + MAX_TAGS);
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().isEmpty() || tag.getKey().length() > 128) {
                throw LogsErrors.validation(tag.getKey(), "tags", "Map keys must have length between 1 and 128");
            }
            if (tag.getValue() == null || tag.getValue().length() > 256) {
                throw LogsErrors.validation(tag.getValue(), "tags", "Map values must have length less than or equal to 256");
            }
        }
    }

    static int limit(Integer limit, int max) {
        if (limit == null) {
            return max;
        }
        if (limit < 1) {
            throw LogsErrors.validation(limit, "limit", "Member must have value greater than or equal to 1");
        }
        if (limit > max) {
            throw LogsErrors.validation(limit, "limit", "Member must have value less than or equal to " + max);
        }
        return limit;
    }

    private void removeEvents(LogStreamRecord stream) {
        String prefix = stream.eventPrefix();
        List<String> runs = new ArrayList<>();
        state.events.runs(prefix).forEach(run -> runs.add(run.getKey()));
        runs.forEach(state.events::remove);
    }

    private static <V> List<Map.Entry<String, V>> entries(Iterable<Map.Entry<String, V>> entries) {
        List<Map.Entry<String, V>> out = new ArrayList<>();
        entries.forEach(out::add);
        return out;
    }
}
