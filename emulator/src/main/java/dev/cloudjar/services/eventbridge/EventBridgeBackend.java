package dev.cloudjar.services.eventbridge;

import static dev.cloudjar.services.eventbridge.EventBridgeState.DEFAULT_BUS;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Arn;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.eventbridge.model.EventBusRecord;
import dev.cloudjar.services.eventbridge.model.FailedEntry;
import dev.cloudjar.services.eventbridge.model.Page;
import dev.cloudjar.services.eventbridge.model.PutEventsEntry;
import dev.cloudjar.services.eventbridge.model.PutEventsResult;
import dev.cloudjar.services.eventbridge.model.PutRuleRequest;
import dev.cloudjar.services.eventbridge.model.RuleRecord;
import dev.cloudjar.services.eventbridge.model.TargetRecord;
import dev.cloudjar.services.eventbridge.pattern.EventPattern;
import dev.cloudjar.services.eventbridge.pattern.InvalidPatternException;
import dev.cloudjar.services.eventbridge.schedule.ScheduleExpression;
import dev.cloudjar.services.eventbridge.schedule.ScheduleRunner;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Amazon EventBridge: event buses, rules (event patterns or schedules), targets, tags, PutEvents and
 * TestEventPattern. Matching and target input shaping happen here; each matched target becomes an
 * {@code EventBridgeDelivery} on the event bus, which {@code integration} sends to Lambda, SQS or SNS.
 * Scheduled rules fire on the injected clock ({@link ScheduleRunner}) with AWS's "Scheduled Event".
 *
 * <p>LIMITATIONS: no archives, replays, API destinations, connections, endpoints or partner event
 * sources; RoleArn is stored, never assumed or checked; bus policies (PutPermission) are stored, never
 * enforced; targets other than Lambda, SQS and SNS are stored but not delivered to; no retries or
 * dead-letter queues for failed deliveries (they are logged and counted); a clock jump past several due times fires a
 * schedule once; ManagedBy rules and ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS behave as ENABLED.
 */
public final class EventBridgeBackend implements AutoCloseable {
    private static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]+");
    private static final Pattern BUS_NAME = Pattern.compile("[/.\\-_A-Za-z0-9]+");
    /** AWS's default quotas: 300 rules per bus and 100 buses per account and region, so state stays bounded. */
    static final int MAX_RULES_PER_BUS = 300;
    static final int MAX_BUSES = 100;
    private static final List<String> STATES = List.of("ENABLED", "DISABLED", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");

    private final ServiceContext ctx;
    private final EventBridgeState state;
    private final EventRouter router;
    private final ScheduleRunner schedules;
    private final Object writeLock = new Object();

    public EventBridgeBackend(ServiceContext ctx) {
        this.ctx = ctx;
        this.state = new EventBridgeState(ctx.store());
        this.router = new EventRouter(ctx, state);
        this.schedules = new ScheduleRunner(ctx.clock(), "eventbridge-schedules", this::fireScheduled);
        for (RuleRecord rule : state.allRules()) {
            reschedule(rule);
        }
    }

    // ---- rules

    public String putRule(Scope scope, PutRuleRequest request) {
        String bus = busName(scope, request.eventBusName());
        requireName(request.name(), "name");
        maxLength(request.eventPattern(), "eventPattern", 4096);
        maxLength(request.scheduleExpression(), "scheduleExpression", 256);
        if (request.scheduleExpression() == null && request.eventPattern() == null) {
            throw EventBridgeErrors.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        if (request.scheduleExpression() != null) {
            if (ScheduleExpression.parseRuleOrNull(request.scheduleExpression()) == null) {
                throw EventBridgeErrors.invalidSchedule();
            }
            if (!DEFAULT_BUS.equals(bus)) {
                throw EventBridgeErrors.validation("ScheduleExpression is supported only on the default event bus.");
            }
        }
        if (request.eventPattern() != null) {
            compile(request.eventPattern());
        }
        String ruleState = request.state() == null ? RuleRecord.ENABLED : request.state();
        if (!STATES.contains(ruleState)) {
            throw EventBridgeErrors.constraint(ruleState, "state", "Member must satisfy enum value set: " + STATES);
        }
        if (request.description() != null && request.description().length() > 512) {
            throw EventBridgeErrors.constraint(request.description(), "description", "Member must have length less than or equal to 512");
        }
        requireBus(scope, bus);
        String arn = EventBridgeState.ruleArn(scope, bus, request.name());
        RuleRecord saved;
        synchronized (writeLock) {
            RuleRecord existing = state.rules.get(EventBridgeState.ruleKey(scope, bus, request.name()));
            if (existing == null && state.rulesOf(scope, bus).size() >= MAX_RULES_PER_BUS) {
                throw EventBridgeErrors.limitExceeded("The requested resource exceeds the maximum number allowed.");
            }
            long created = existing == null ? ctx.clock().millis() : existing.createdMillis();
            if (existing != null && request.scheduleExpression() != null
                    && !request.scheduleExpression().equals(existing.scheduleExpression())) {
                created = ctx.clock().millis();
            }
            Map<String, String> tags = existing == null ? tags(request.tags()) : existing.tags();
            saved = new RuleRecord(scope.account(), scope.region(), bus, request.name(), arn, request.eventPattern(),
                    request.scheduleExpression(), ruleState, request.description(), request.roleArn(), created, tags,
                    existing == null ? List.of() : existing.targets());
            state.rules.put(EventBridgeState.ruleKey(scope, bus, request.name()), saved);
        }
        reschedule(saved);
        return arn;
    }

    public RuleRecord describeRule(Scope scope, String name, String eventBusName) {
        requireName(name, "name");
        String bus = busName(scope, eventBusName);
        return rule(scope, bus, name);
    }

    public Page<RuleRecord> listRules(Scope scope, String namePrefix, String eventBusName, String nextToken, Integer limit) {
        String bus = busName(scope, eventBusName);
        requireBus(scope, bus);
        List<RuleRecord> rules = state.rulesOf(scope, bus).stream()
                .filter(r -> namePrefix == null || r.name().startsWith(namePrefix))
                .sorted(Comparator.comparing(RuleRecord::name)).toList();
        return EventBridgeState.page(rules, RuleRecord::name, nextToken, limit);
    }

    public void enableRule(Scope scope, String name, String eventBusName) {
        setState(scope, name, eventBusName, RuleRecord.ENABLED);
    }

    public void disableRule(Scope scope, String name, String eventBusName) {
        setState(scope, name, eventBusName, RuleRecord.DISABLED);
    }

    private void setState(Scope scope, String name, String eventBusName, String value) {
        requireName(name, "name");
        String bus = busName(scope, eventBusName);
        RuleRecord saved;
        synchronized (writeLock) {
            saved = rule(scope, bus, name).withState(value);
            state.rules.put(EventBridgeState.ruleKey(scope, bus, name), saved);
        }
        reschedule(saved);
    }

    /** Deleting a rule that does not exist succeeds, as on AWS; one with targets needs them removed first. */
    public void deleteRule(Scope scope, String name, String eventBusName, boolean force) {
        requireName(name, "name");
        String bus = busName(scope, eventBusName);
        synchronized (writeLock) {
            RuleRecord rule = state.rules.get(EventBridgeState.ruleKey(scope, bus, name));
            if (rule == null) {
                return;
            }
            if (!rule.targets().isEmpty()) {
                throw EventBridgeErrors.validation("Rule can't be deleted since it has targets.");
            }
            state.rules.remove(EventBridgeState.ruleKey(scope, bus, name));
            schedules.unschedule(rule.arn());
        }
    }

    // ---- targets

    public List<FailedEntry> putTargets(Scope scope, String ruleName, String eventBusName, List<TargetRecord> targets) {
        requireName(ruleName, "rule");
        String bus = busName(scope, eventBusName);
        if (targets == null || targets.isEmpty() || targets.size() > 10) {
            throw EventBridgeErrors.constraint(String.valueOf(targets), "targets", targets == null || targets.isEmpty()
                    ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 10");
        }
        for (TargetRecord t : targets) {
            Targets.validate(t);
        }
        synchronized (writeLock) {
            RuleRecord rule = rule(scope, bus, ruleName);
            Map<String, TargetRecord> byId = new LinkedHashMap<>();
            rule.targets().forEach(t -> byId.put(t.id(), t));
            targets.forEach(t -> byId.put(t.id(), t));
            if (byId.size() > Targets.MAX_PER_RULE) {
                throw EventBridgeErrors.limitExceeded("The requested resource exceeds the maximum number allowed.");
            }
            state.rules.put(EventBridgeState.ruleKey(scope, bus, ruleName), rule.withTargets(new ArrayList<>(byId.values())));
        }
        return List.of();
    }

    public List<FailedEntry> removeTargets(Scope scope, String ruleName, String eventBusName, List<String> ids) {
        requireName(ruleName, "rule");
        String bus = busName(scope, eventBusName);
        if (ids == null || ids.isEmpty() || ids.size() > 100) {
            throw EventBridgeErrors.constraint(String.valueOf(ids), "ids", ids == null || ids.isEmpty()
                    ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 100");
        }
        synchronized (writeLock) {
            RuleRecord rule = rule(scope, bus, ruleName);
            List<TargetRecord> kept = rule.targets().stream().filter(t -> !ids.contains(t.id())).toList();
            state.rules.put(EventBridgeState.ruleKey(scope, bus, ruleName), rule.withTargets(kept));
        }
        return List.of();
    }

    public Page<TargetRecord> listTargetsByRule(Scope scope, String ruleName, String eventBusName, String nextToken, Integer limit) {
        requireName(ruleName, "rule");
        String bus = busName(scope, eventBusName);
        List<TargetRecord> targets = rule(scope, bus, ruleName).targets();
        List<String> order = targets.stream().map(TargetRecord::id).toList();
        return EventBridgeState.page(targets, t -> String.format("%06d", order.indexOf(t.id())), nextToken, limit);
    }

    public Page<String> listRuleNamesByTarget(Scope scope, String targetArn, String eventBusName, String nextToken, Integer limit) {
        if (targetArn == null || targetArn.isEmpty()) {
            throw EventBridgeErrors.constraint(String.valueOf(targetArn), "targetArn", "Member must not be null");
        }
        String bus = busName(scope, eventBusName);
        List<String> names = state.rulesOf(scope, bus).stream()
                .filter(r -> r.targets().stream().anyMatch(t -> t.arn().equals(targetArn)))
                .map(RuleRecord::name).sorted().toList();
        return EventBridgeState.page(names, n -> n, nextToken, limit);
    }

    // ---- tags

    public Map<String, String> listTags(Scope scope, String arn) {
        return new Tagging(state).get(scope, arn);
    }

    public void tagResource(Scope scope, String arn, Map<String, String> tags) {
        synchronized (writeLock) {
            new Tagging(state).tag(scope, arn, tags(tags));
        }
    }

    public void untagResource(Scope scope, String arn, List<String> keys) {
        synchronized (writeLock) {
            new Tagging(state).untag(scope, arn, keys);
        }
    }

    // ---- event buses

    public String createEventBus(Scope scope, String name, String description, Map<String, String> tags) {
        if (name == null || name.isEmpty() || name.length() > 256 || !BUS_NAME.matcher(name).matches() || name.startsWith("aws.")) {
            throw EventBridgeErrors.constraint(String.valueOf(name), "name", "Member must satisfy regular expression pattern: [/\\.\\-_A-Za-z0-9]+");
        }
        if (DEFAULT_BUS.equals(name)) {
            throw EventBridgeErrors.busExists(name);
        }
        String arn = EventBridgeState.busArn(scope, name);
        long now = ctx.clock().millis();
        synchronized (writeLock) {
            if (state.busesOf(scope).size() >= MAX_BUSES) {
                throw EventBridgeErrors.limitExceeded("The requested resource exceeds the maximum number allowed.");
            }
            if (state.buses.putIfAbsent(EventBridgeState.busKey(scope, name),
                    new EventBusRecord(name, arn, description, now, now, tags(tags), null)) != null) {
                throw EventBridgeErrors.busExists(name);
            }
        }
        return arn;
    }

    public EventBusRecord describeEventBus(Scope scope, String eventBusName) {
        String bus = busName(scope, eventBusName);
        EventBusRecord record = state.buses.get(EventBridgeState.busKey(scope, bus));
        if (record == null && DEFAULT_BUS.equals(bus)) {
            return defaultBus(scope);
        }
        if (record == null) {
            throw EventBridgeErrors.busNotFound(bus);
        }
        return record;
    }

    public EventBusRecord updateEventBus(Scope scope, String eventBusName, String description) {
        synchronized (writeLock) {
            EventBusRecord updated = describeEventBus(scope, eventBusName).withDescription(description, ctx.clock().millis());
            state.buses.put(EventBridgeState.busKey(scope, updated.name()), updated);
            return updated;
        }
    }

    /** PutPermission: a statement (or a whole policy) on the bus's resource policy; stored, never enforced. */
    public void putPermission(Scope scope, String eventBusName, BusPolicies.Statement statement, String policy) {
        synchronized (writeLock) {
            EventBusRecord bus = describeEventBus(scope, eventBusName);
            String updated = BusPolicies.put(bus, statement, policy);
            state.buses.put(EventBridgeState.busKey(scope, bus.name()), bus.withPolicy(updated, ctx.clock().millis()));
        }
    }

    public void removePermission(Scope scope, String eventBusName, String statementId, boolean removeAll) {
        synchronized (writeLock) {
            EventBusRecord bus = describeEventBus(scope, eventBusName);
            String updated = BusPolicies.remove(bus, statementId, removeAll);
            state.buses.put(EventBridgeState.busKey(scope, bus.name()), bus.withPolicy(updated, ctx.clock().millis()));
        }
    }

    public Page<EventBusRecord> listEventBuses(Scope scope, String namePrefix, String nextToken, Integer limit) {
        List<EventBusRecord> all = new ArrayList<>(state.busesOf(scope));
        if (all.stream().noneMatch(b -> b.name().equals(DEFAULT_BUS))) {
            all.add(defaultBus(scope));
        }
        List<EventBusRecord> sorted = all.stream().filter(b -> namePrefix == null || b.name().startsWith(namePrefix))
                .sorted(Comparator.comparing(EventBusRecord::name)).toList();
        return EventBridgeState.page(sorted, EventBusRecord::name, nextToken, limit);
    }

    /** Deleting a bus removes its rules too; deleting one that does not exist succeeds. */
    public void deleteEventBus(Scope scope, String name) {
        if (DEFAULT_BUS.equals(name)) {
            throw EventBridgeErrors.validation("Cannot delete event bus default.");
        }
        synchronized (writeLock) {
            if (state.buses.remove(EventBridgeState.busKey(scope, name))) {
                for (RuleRecord rule : state.rulesOf(scope, name)) {
                    state.rules.remove(EventBridgeState.ruleKey(scope, name, rule.name()));
                    schedules.unschedule(rule.arn());
                }
            }
        }
    }

    private EventBusRecord defaultBus(Scope scope) {
        return new EventBusRecord(DEFAULT_BUS, EventBridgeState.busArn(scope, DEFAULT_BUS), null, 0, 0, Map.of(), null);
    }

    // ---- events

    public List<PutEventsResult> putEvents(Scope scope, List<PutEventsEntry> entries) {
        return router.putEvents(scope, entries);
    }

    /**
     * An event an AWS service puts on the default bus of its scope (S3 with EventBridgeConfiguration):
     * routed like PutEvents; returns the event id.
     */
    public String putAwsServiceEvent(Scope scope, String source, String detailType, List<String> resources, String detail, Instant time) {
        try {
            return router.publish(scope, source, detailType, resources, TargetInput.MAPPER.readTree(detail), time);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("detail is not JSON", e);
        }
    }

    /** TestEventPattern: whether the event (full envelope JSON) matches the pattern. */
    public boolean testEventPattern(String eventPattern, String event) {
        EventPattern pattern = compile(eventPattern);
        return pattern.matches(EventRouter.parseTestEvent(event));
    }

    /** Fires a rule's targets now with a Scheduled Event for this moment (the control API's "fire"); returns how many. */
    public int fireRule(Scope scope, String name, String eventBusName) {
        String bus = busName(scope, eventBusName);
        RuleRecord rule = rule(scope, bus, name);
        return router.fireScheduled(rule, ctx.clock().instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** When the enabled scheduled rule fires next, or null. */
    public Instant nextFireTime(Scope scope, String name, String eventBusName) {
        RuleRecord rule = rule(scope, busName(scope, eventBusName), name);
        return schedules.due(rule.arn());
    }

    /** Events that matched a rule, deliveries rules handed to targets, and deliveries (of rules or schedules) that failed. */
    public Map<String, Long> deliveryCounts() {
        return router.counts();
    }

    /** Called by the delivering side when a target could not be reached. */
    public void deliveryFailed(String targetArn, String reason) {
        router.failed(targetArn, reason);
    }

    private void fireScheduled(String ruleArn, Instant due) {
        Arn arn = Arn.parseOrNull(ruleArn);
        String resource = arn.resource().substring("rule/".length());
        RuleRecord rule = state.rules.get(EventBridgeState.ruleKey(arn.scope(), DEFAULT_BUS, resource));
        if (rule != null && rule.enabled()) {
            router.fireScheduled(rule, due);
        }
    }

    private void reschedule(RuleRecord rule) {
        ScheduleExpression expression = rule.scheduleExpression() == null ? null : ScheduleExpression.parseRuleOrNull(rule.scheduleExpression());
        if (expression == null || !rule.enabled()) {
            schedules.unschedule(rule.arn());
            return;
        }
        Instant anchor = Instant.ofEpochMilli(rule.createdMillis()).truncatedTo(ChronoUnit.SECONDS);
        schedules.schedule(rule.arn(), expression, ZoneOffset.UTC, anchor);
    }

    // ---- helpers

    static EventPattern compile(String eventPattern) {
        try {
            return EventPattern.parse(eventPattern);
        } catch (InvalidPatternException e) {
            throw EventBridgeErrors.invalidPattern(e.getMessage());
        }
    }

    private RuleRecord rule(Scope scope, String bus, String name) {
        RuleRecord rule = state.rules.get(EventBridgeState.ruleKey(scope, bus, name));
        if (rule == null) {
            throw EventBridgeErrors.ruleNotFound(name, bus);
        }
        return rule;
    }

    private void requireBus(Scope scope, String bus) {
        if (!DEFAULT_BUS.equals(bus) && state.buses.get(EventBridgeState.busKey(scope, bus)) == null) {
            throw EventBridgeErrors.busNotFound(bus);
        }
    }

    /** A bus name or ARN as the name; null means the default bus. */
    static String busName(Scope scope, String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isEmpty()) {
            return DEFAULT_BUS;
        }
        Arn arn = Arn.parseOrNull(nameOrArn);
        if (arn != null && arn.resource().startsWith("event-bus/")) {
            return arn.resource().substring("event-bus/".length());
        }
        return nameOrArn;
    }

    static void maxLength(String value, String member, int max) {
        if (value != null && value.length() > max) {
            throw EventBridgeErrors.constraint(value, member, "Member must have length less than or equal to " + max);
        }
    }

    static void requireName(String name, String member) {
        if (name == null || name.isEmpty()) {
            throw EventBridgeErrors.constraint(String.valueOf(name), member, "Member must have length greater than or equal to 1");
        }
        if (name.length() > 64) {
            throw EventBridgeErrors.constraint(name, member, "Member must have length less than or equal to 64");
        }
        if (!NAME.matcher(name).matches()) {
            throw EventBridgeErrors.constraint(name, member, "Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
        }
    }

    private static Map<String, String> tags(Map<String, String> tags) {
        return tags == null ? Map.of() : Map.copyOf(tags);
    }

    @Override
    public void close() {
        schedules.close();
    }
}
