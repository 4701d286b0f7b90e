package dev.cloudjar.services.logs;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.logs.model.EventPage;
import dev.cloudjar.services.logs.model.FilteredPage;
import dev.cloudjar.services.logs.model.InputEvent;
import dev.cloudjar.services.logs.model.LogGroupView;
import dev.cloudjar.services.logs.model.LogStreamView;
import dev.cloudjar.services.logs.model.Page;
import dev.cloudjar.services.logs.model.PutResult;
import java.util.List;
import java.util.Map;

/**
 * Amazon CloudWatch Logs: log groups (retention, tags), log streams, events (PutLogEvents,
 * GetLogEvents with forward/backward tokens, FilterLogEvents with AWS's filter-pattern syntax). State
 * lives in the StateStore, so it survives restarts with {@code --data-dir}. Memory stays bounded:
 * events past a group's retention are dropped, and all groups together are kept under a size cap
 * ({@code -Dcloudjar.logs.max-stored-mib}, default {@value #DEFAULT_CAP_MIB}) by dropping the oldest
 * events of the largest group first (the cap counts messages plus a fixed cost per event, so it bounds
 * the heap). Lambda functions' output arrives through
 * {@link #appendFunctionLog} (wired in integration/).
 *
 * <p>LIMITATIONS: metric filters, subscription filters, Logs Insights queries, export tasks, data
 * protection, KMS keys, deliveries, anomaly detection, live tail and cross-account (linked account)
 * reads are not implemented; {@code logGroupClass} is stored only; storedBytes counts message bytes
 * and is exact at once (AWS updates it with a delay); retention deletes at once (AWS within 72 hours);
 * FilterLogEvents searches every event in the range in one call (AWS may return partial pages), and
 * {@code searchedLogStreams} is always empty.
 */
public final class LogsBackend {
    static final int DEFAULT_CAP_MIB = 128;

    private final LogsState state;
    private final LogGroups groups;
    private final LogEvents events;
    private final LogsCap cap;

    public LogsBackend(ServiceContext ctx) {
        this(ctx, capMib() * 1024L * 1024L);
    }

    LogsBackend(ServiceContext ctx, long capBytes) {
        this.state = new LogsState(ctx.store());
        this.groups = new LogGroups(state, ctx.clock());
        this.events = new LogEvents(state, ctx.clock());
        this.cap = new LogsCap(state, events, ctx.clock(), capBytes);
        cap.enforce();
    }

    private static long capMib() {
        String configured = System.getProperty("cloudjar.logs.max-stored-mib", System.getenv("CLOUDJAR_LOGS_MAX_STORED_MIB"));
        try {
            return configured == null ? DEFAULT_CAP_MIB : Math.max(1, Long.parseLong(configured.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_CAP_MIB;
        }
    }

    /**
     * The log group a request names: {@code logGroupName}, or {@code logGroupIdentifier} (a name or
     * an ARN, with or without {@code :*}); exactly one of them.
     */
    public static String groupName(String name, String identifier) {
        if (name != null && identifier != null) {
            throw LogsErrors.invalid("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (name != null) {
            return name;
        }
        if (identifier == null) {
            throw LogsErrors.invalid("Should provide either name or identifier.");
        }
        int at = identifier.indexOf(":log-group:");
        if (!identifier.startsWith("arn:") || at < 0) {
            return identifier;
        }
        String rest = identifier.substring(at + ":log-group:".length());
        return rest.endsWith(":*") ? rest.substring(0, rest.length() - 2) : rest;
    }

    // ---- log groups ----

    public void createLogGroup(Scope scope, String name, Map<String, String> tags, String logGroupClass) {
        groups.createGroup(scope, name, tags, logGroupClass);
    }

    /** Which groups DescribeLogGroups lists: by name prefix or pattern, class, or names/ARNs (any may be null). */
    public record GroupQuery(String prefix, String pattern, String logGroupClass, List<String> identifiers) {
        public static GroupQuery prefix(String prefix) {
            return new GroupQuery(prefix, null, null, null);
        }
    }

    public Page<LogGroupView> describeLogGroups(Scope scope, GroupQuery query, Integer limit, String nextToken) {
        return groups.describeGroups(scope, query, limit, nextToken);
    }

    public void deleteLogGroup(Scope scope, String name) {
        groups.deleteGroup(scope, name);
    }

    public void putRetentionPolicy(Scope scope, String name, Integer days) {
        groups.putRetention(scope, name, days);
        events.expireGroup(scope, name);
    }

    public void deleteRetentionPolicy(Scope scope, String name) {
        groups.deleteRetention(scope, name);
    }

    // ---- log streams ----

    public void createLogStream(Scope scope, String group, String stream) {
        groups.createStream(scope, group, stream);
    }

    public Page<LogStreamView> describeLogStreams(Scope scope, String group, String prefix, String orderBy, Boolean descending,
                                                  Integer limit, String nextToken) {
        return groups.describeStreams(scope, group, prefix, orderBy, descending, limit, nextToken);
    }

    public void deleteLogStream(Scope scope, String group, String stream) {
        groups.deleteStream(scope, group, stream);
    }

    // ---- events ----

    public PutResult putLogEvents(Scope scope, String group, String stream, List<InputEvent> batch) {
        PutResult result = events.put(scope, group, stream, batch);
        cap.enforce();
        return result;
    }

    public EventPage getLogEvents(Scope scope, String group, String stream, Long startTime, Long endTime, String nextToken,
                                  Integer limit, Boolean startFromHead) {
        return events.get(scope, group, stream, startTime, endTime, nextToken, limit, startFromHead);
    }

    public FilteredPage filterLogEvents(Scope scope, String group, List<String> streamNames, String streamPrefix, Long startTime,
                                        Long endTime, String filterPattern, String nextToken, Integer limit) {
        return events.filter(scope, group, streamNames, streamPrefix, startTime, endTime, filterPattern, nextToken, limit);
    }

    /**
     * Writes a function's output as Lambda does: the group and stream are created on first use, and a
     * batch spanning more than PutLogEvents allows is split.
     */
    public void appendFunctionLog(Scope scope, String group, String stream, List<InputEvent> lines) {
        if (lines.isEmpty()) {
            return;
        }
        if (!state.streams.containsKey(LogsNames.streamKey(scope, group, stream))) {
            groups.ensureGroup(scope, group);
            groups.ensureStream(scope, group, stream);
        }
        int from = 0;
        while (from < lines.size()) {
            int to = from;
            long bytes = 0;
            while (to < lines.size() && to - from < LogEvents.MAX_BATCH_EVENTS) {
                long size = lines.get(to).message().length() * 3L + LogEvents.EVENT_OVERHEAD;
                if (to > from && (bytes + size > LogEvents.MAX_BATCH_BYTES
                        || lines.get(to).timestamp() - lines.get(from).timestamp() > LogEvents.MAX_BATCH_SPAN)) {
                    break;
                }
                bytes += size;
                to++;
            }
            events.put(scope, group, stream, lines.subList(from, to));
            from = to;
        }
        cap.enforce();
    }

    // ---- tags ----

    public Map<String, String> listTagsLogGroup(Scope scope, String group) {
        LogsNames.checkGroupName(group, "logGroupName");
        return groups.tags(scope, group);
    }

    public void tagLogGroup(Scope scope, String group, Map<String, String> tags) {
        LogsNames.checkGroupName(group, "logGroupName");
        groups.tag(scope, group, tags);
    }

    public void untagLogGroup(Scope scope, String group, List<String> keys) {
        LogsNames.checkGroupName(group, "logGroupName");
        groups.untag(scope, group, keys);
    }

    public Map<String, String> listTagsForResource(String arn) {
        LogGroups.GroupRef ref = LogGroups.resolveArn(arn);
        return groups.tags(ref.scope(), ref.name());
    }

    public void tagResource(String arn, Map<String, String> tags) {
        LogGroups.GroupRef ref = LogGroups.resolveArn(arn);
        groups.tag(ref.scope(), ref.name(), tags);
    }

    public void untagResource(String arn, List<String> keys) {
        LogGroups.GroupRef ref = LogGroups.resolveArn(arn);
        groups.untag(ref.scope(), ref.name(), keys);
    }

    /** What all groups' events take together (messages plus a fixed cost per event), and the cap it is kept under. */
    public long footprintBytes() {
        return state.footprint.get();
    }

    public long capBytes() {
        return cap.capBytes();
    }
}
