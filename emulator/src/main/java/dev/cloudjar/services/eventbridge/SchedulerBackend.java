package dev.cloudjar.services.eventbridge;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.EventBridgeDelivery;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.eventbridge.model.Page;
import dev.cloudjar.services.eventbridge.model.ScheduleGroupRecord;
import dev.cloudjar.services.eventbridge.model.ScheduleRecord;
import dev.cloudjar.services.eventbridge.schedule.ScheduleExpression;
import dev.cloudjar.services.eventbridge.schedule.ScheduleRunner;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Amazon EventBridge Scheduler: schedules ({@code at()}, {@code rate()}, {@code cron()} in a time
 * zone, between optional start and end dates) in schedule groups, firing on the injected clock. The
 * target receives the schedule's {@code Input} as-is ({@code {}} when none), delivered like an
 * EventBridge target (Lambda async, SQS, SNS). One-time schedules with ActionAfterCompletion DELETE
 * remove themselves after firing.
 *
 * <p>LIMITATIONS: a FLEXIBLE time window fires at its start (no random delay within the window);
 * templated targets only (no universal {@code aws-sdk} targets, ECS, Kinesis or SageMaker
 * parameters); RetryPolicy, DeadLetterConfig and KmsKeyArn are accepted and not kept; ClientToken
 * idempotency is not honoured; RoleArn is stored, never assumed.
 */
public final class SchedulerBackend implements AutoCloseable {
    static final String DEFAULT_GROUP = "default";
    private static final Pattern NAME = Pattern.compile("[0-9a-zA-Z\\-_.]+");

    private final ServiceContext ctx;
    private final PersistentMap<ScheduleRecord> schedules;
    private final PersistentMap<ScheduleGroupRecord> groups;
    private final ScheduleRunner runner;
    private final Object writeLock = new Object();

    /** CreateSchedule and UpdateSchedule's input. */
    public record ScheduleInput(String name, String groupName, String scheduleExpression, String timezone, String description,
                                String state, Instant startDate, Instant endDate, String flexibleMode, Integer flexibleMinutes,
                                String targetArn, String roleArn, String input, String messageGroupId, String actionAfterCompletion) {
    }

    public SchedulerBackend(ServiceContext ctx) {
        this.ctx = ctx;
        this.schedules = ctx.store().map("scheduler.schedules", ScheduleRecord.class);
        this.groups = ctx.store().map("scheduler.groups", ScheduleGroupRecord.class);
        this.runner = new ScheduleRunner(ctx.clock(), "scheduler-schedules", this::fire);
        for (Map.Entry<String, ScheduleRecord> e : schedules.range("", null)) {
            plan(e.getValue());
        }
    }

    public String createSchedule(Scope scope, ScheduleInput in) {
        ScheduleRecord record = validate(scope, in, null);
        synchronized (writeLock) {
            requireGroup(scope, record.groupName());
            if (schedules.putIfAbsent(key(scope, record.groupName(), record.name()), record) != null) {
                throw new AwsException(409, "ConflictException", "Schedule " + record.name() + " already exists.");
            }
        }
        plan(record);
        return record.arn();
    }

    public String updateSchedule(Scope scope, ScheduleInput in) {
        ScheduleRecord record;
        synchronized (writeLock) {
            ScheduleRecord existing = getSchedule(scope, in.name(), in.groupName());
            record = validate(scope, in, existing);
            schedules.put(key(scope, record.groupName(), record.name()), record);
        }
        plan(record);
        return record.arn();
    }

    public ScheduleRecord getSchedule(Scope scope, String name, String groupName) {
        String group = groupName == null ? DEFAULT_GROUP : groupName;
        ScheduleRecord record = schedules.get(key(scope, group, name));
        if (record == null) {
            throw new AwsException(404, "ResourceNotFoundException", "Schedule " + name + " does not exist.");
        }
        return record;
    }

    public void deleteSchedule(Scope scope, String name, String groupName) {
        synchronized (writeLock) {
            ScheduleRecord record = getSchedule(scope, name, groupName);
            schedules.remove(key(scope, record.groupName(), name));
            runner.unschedule(record.arn());
        }
    }

    public Page<ScheduleRecord> listSchedules(Scope scope, String groupName, String namePrefix, String state, String nextToken, Integer maxResults) {
        List<ScheduleRecord> all = new ArrayList<>();
        for (Map.Entry<String, ScheduleRecord> e : schedules.prefix(KeyRanges.compose(scope.account(), scope.region(), ""))) {
            ScheduleRecord r = e.getValue();
            if ((groupName == null || groupName.equals(r.groupName())) && (namePrefix == null || r.name().startsWith(namePrefix))
                    && (state == null || state.equals(r.state()))) {
                all.add(r);
            }
        }
        all.sort(Comparator.comparing((ScheduleRecord r) -> r.groupName()).thenComparing(ScheduleRecord::name));
        return EventBridgeState.page(all, r -> KeyRanges.compose(r.groupName(), r.name()), nextToken, maxResults);
    }

    // ---- groups

    public String createScheduleGroup(Scope scope, String name, Map<String, String> tags) {
        requireName(name, "Name");
        String arn = Arn.of("scheduler", scope, "schedule-group/" + name).toString();
        long now = ctx.clock().millis();
        synchronized (writeLock) {
            if (DEFAULT_GROUP.equals(name) || groups.putIfAbsent(groupKey(scope, name),
                    new ScheduleGroupRecord(name, arn, now, now, tags == null ? Map.of() : Map.copyOf(tags))) != null) {
                throw new AwsException(409, "ConflictException", "Schedule group " + name + " already exists.");
            }
        }
        return arn;
    }

    public ScheduleGroupRecord getScheduleGroup(Scope scope, String name) {
        if (DEFAULT_GROUP.equals(name)) {
            return new ScheduleGroupRecord(DEFAULT_GROUP, Arn.of("scheduler", scope, "schedule-group/default").toString(), 0, 0, Map.of());
        }
        ScheduleGroupRecord group = groups.get(groupKey(scope, name));
        if (group == null) {
            throw new AwsException(404, "ResourceNotFoundException", "Schedule group " + name + " does not exist.");
        }
        return group;
    }

    public Page<ScheduleGroupRecord> listScheduleGroups(Scope scope, String namePrefix, String nextToken, Integer maxResults) {
        List<ScheduleGroupRecord> all = new ArrayList<>();
        all.add(getScheduleGroup(scope, DEFAULT_GROUP));
        for (Map.Entry<String, ScheduleGroupRecord> e : groups.prefix(KeyRanges.compose(scope.account(), scope.region(), ""))) {
            all.add(e.getValue());
        }
        List<ScheduleGroupRecord> sorted = all.stream().filter(g -> namePrefix == null || g.name().startsWith(namePrefix))
                .sorted(Comparator.comparing(ScheduleGroupRecord::name)).toList();
        return EventBridgeState.page(sorted, ScheduleGroupRecord::name, nextToken, maxResults);
    }

    /** Deletes a group and its schedules; the default group cannot be deleted. */
    public void deleteScheduleGroup(Scope scope, String name) {
        if (DEFAULT_GROUP.equals(name)) {
            throw validation("The default schedule group cannot be deleted.");
        }
        synchronized (writeLock) {
            getScheduleGroup(scope, name);
            groups.remove(groupKey(scope, name));
            for (ScheduleRecord r : listSchedules(scope, name, null, null, null, 100).items()) {
                schedules.remove(key(scope, name, r.name()));
                runner.unschedule(r.arn());
            }
        }
    }

    public Map<String, String> listTags(Scope scope, String arn) {
        return getScheduleGroup(scope, groupOf(arn)).tags();
    }

    public void tagResource(Scope scope, String arn, Map<String, String> tags) {
        synchronized (writeLock) {
            ScheduleGroupRecord group = customGroup(scope, arn);
            Map<String, String> merged = new LinkedHashMap<>(group.tags());
            merged.putAll(tags);
            groups.put(groupKey(scope, group.name()), group.withTags(merged));
        }
    }

    public void untagResource(Scope scope, String arn, List<String> keys) {
        synchronized (writeLock) {
            ScheduleGroupRecord group = customGroup(scope, arn);
            Map<String, String> kept = new LinkedHashMap<>(group.tags());
            keys.forEach(kept::remove);
            groups.put(groupKey(scope, group.name()), group.withTags(kept));
        }
    }

    private ScheduleGroupRecord customGroup(Scope scope, String arn) {
        ScheduleGroupRecord group = getScheduleGroup(scope, groupOf(arn));
        if (DEFAULT_GROUP.equals(group.name())) {
            throw validation("The default schedule group cannot be tagged.");
        }
        return group;
    }

    private static String groupOf(String arnText) {
        Arn arn = Arn.parseOrNull(arnText);
        if (arn == null || !arn.resource().startsWith("schedule-group/")) {
            throw validation("Invalid ResourceArn " + arnText + ".");
        }
        return arn.resource().substring("schedule-group/".length());
    }

    /** When an enabled schedule fires next, or null. */
    public Instant nextFireTime(Scope scope, String name, String groupName) {
        return runner.due(getSchedule(scope, name, groupName).arn());
    }

    // ---- firing

    private void plan(ScheduleRecord r) {
        ScheduleExpression expression = ScheduleExpression.parseScheduleOrNull(r.scheduleExpression());
        if (!r.enabled() || expression == null) {
            runner.unschedule(r.arn());
            return;
        }
        long anchor = r.startMillis() != null ? r.startMillis() : r.createdMillis();
        runner.schedule(r.arn(), expression, ZoneId.of(r.timezone()), Instant.ofEpochMilli(anchor).truncatedTo(ChronoUnit.SECONDS));
    }

    private void fire(String arnText, Instant due) {
        Arn arn = Arn.parseOrNull(arnText);
        String[] parts = arn.resource().split("/", 3);
        Scope scope = arn.scope();
        ScheduleRecord r = schedules.get(key(scope, parts[1], parts[2]));
        if (r == null || !r.enabled() || (r.startMillis() != null && due.toEpochMilli() < r.startMillis())) {
            return;
        }
        if (r.endMillis() != null && due.toEpochMilli() > r.endMillis()) {
            runner.unschedule(arnText);
            return;
        }
        ctx.events().publish(new EventBridgeDelivery(scope, r.arn(), r.name(), r.targetArn(), r.input() == null ? "{}" : r.input(),
                r.messageGroupId(), ctx.ids().uuid()));
        boolean finished = runner.due(arnText) == null;
        if (finished && "DELETE".equals(r.actionAfterCompletion())) {
            synchronized (writeLock) {
                schedules.remove(key(scope, r.groupName(), r.name()));
            }
        }
    }

    // ---- validation

    private ScheduleRecord validate(Scope scope, ScheduleInput in, ScheduleRecord existing) {
        requireName(in.name(), "Name");
        String group = in.groupName() == null ? DEFAULT_GROUP : in.groupName();
        if (in.scheduleExpression() == null || ScheduleExpression.parseScheduleOrNull(in.scheduleExpression()) == null) {
            throw validation("Invalid Schedule Expression " + in.scheduleExpression() + ".");
        }
        String timezone = in.timezone() == null ? "UTC" : in.timezone();
        try {
            ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw validation("Invalid ScheduleExpressionTimezone " + timezone + ".");
        }
        if (in.flexibleMode() == null || !List.of("OFF", "FLEXIBLE").contains(in.flexibleMode())) {
            throw validation("FlexibleTimeWindow Mode must be OFF or FLEXIBLE.");
        }
        Integer minutes = in.flexibleMinutes();
        if ("FLEXIBLE".equals(in.flexibleMode()) && (minutes == null || minutes < 1 || minutes > 1440)) {
            throw validation("MaximumWindowInMinutes must be between 1 and 1440 when FlexibleTimeWindow Mode is FLEXIBLE.");
        }
        if ("OFF".equals(in.flexibleMode()) && minutes != null) {
            throw validation("MaximumWindowInMinutes must not be set when FlexibleTimeWindow Mode is OFF.");
        }
        if (in.targetArn() == null || Arn.parseOrNull(in.targetArn()) == null) {
            throw validation("Invalid target arn " + in.targetArn() + ".");
        }
        if (in.roleArn() == null || Arn.parseOrNull(in.roleArn()) == null) {
            throw validation("Invalid RoleArn " + in.roleArn() + ".");
        }
        String state = in.state() == null ? "ENABLED" : in.state();
        if (!List.of("ENABLED", "DISABLED").contains(state)) {
            throw validation("State must be ENABLED or DISABLED.");
        }
        String after = in.actionAfterCompletion() == null ? "NONE" : in.actionAfterCompletion();
        if (!List.of("NONE", "DELETE").contains(after)) {
            throw validation("ActionAfterCompletion must be NONE or DELETE.");
        }
        if (in.startDate() != null && in.endDate() != null && !in.startDate().isBefore(in.endDate())) {
            throw validation("The StartDate must come before the EndDate.");
        }
        long now = ctx.clock().millis();
        String arn = Arn.of("scheduler", scope, "schedule/" + group + "/" + in.name()).toString();
        return new ScheduleRecord(scope.account(), scope.region(), group, in.name(), arn, in.scheduleExpression(), timezone,
                in.description(), state, millis(in.startDate()), millis(in.endDate()), in.flexibleMode(), minutes,
                in.targetArn(), in.roleArn(), in.input(), in.messageGroupId(), after,
                existing == null ? now : existing.createdMillis(), now);
    }

    private void requireGroup(Scope scope, String group) {
        if (!DEFAULT_GROUP.equals(group)) {
            getScheduleGroup(scope, group);
        }
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static void requireName(String name, String member) {
        if (name == null || name.isEmpty() || name.length() > 64 || !NAME.matcher(name).matches()) {
            throw validation("1 validation error detected: Value '" + name + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9a-zA-Z-_.]+$");
        }
    }

    private static AwsException validation(String message) {
        return new AwsException(400, "ValidationException", message);
    }

    private static String key(Scope scope, String group, String name) {
        return KeyRanges.compose(scope.account(), scope.region(), group, name);
    }

    private static String groupKey(Scope scope, String name) {
        return KeyRanges.compose(scope.account(), scope.region(), name);
    }

    @Override
    public void close() {
        runner.close();
    }
}
