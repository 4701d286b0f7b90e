package dev.cloudjar.services.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.EventBridgeDelivery;
import dev.cloudjar.services.eventbridge.model.PutEventsEntry;
import dev.cloudjar.services.eventbridge.model.PutEventsResult;
import dev.cloudjar.services.eventbridge.model.RuleRecord;
import dev.cloudjar.services.eventbridge.model.TargetRecord;
import dev.cloudjar.services.eventbridge.pattern.EventPattern;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds AWS's event envelope, matches it against the enabled rules of its bus and hands one
 * delivery per target to the event bus. Nothing here can fail a PutEvents after the entry was
 * accepted: a target that cannot be reached is the delivering side's problem, logged and counted.
 */
final class EventRouter {
    private static final Logger LOG = LoggerFactory.getLogger(EventRouter.class);
    static final int MAX_ENTRIES = 10;
    static final int MAX_REQUEST_BYTES = 256 * 1024;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(java.time.ZoneOffset.UTC);

    private final ServiceContext ctx;
    private final EventBridgeState state;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong matched = new AtomicLong();
    private static final int MAX_CACHED_PATTERNS = 10_000;
    private final Map<String, EventPattern> patterns = new java.util.concurrent.ConcurrentHashMap<>();

    EventRouter(ServiceContext ctx, EventBridgeState state) {
        this.ctx = ctx;
        this.state = state;
    }

    List<PutEventsResult> putEvents(Scope scope, List<PutEventsEntry> entries) {
        if (entries == null || entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw EventBridgeErrors.constraint(String.valueOf(entries), "entries", entries == null || entries.isEmpty()
                    ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 10");
        }
        long size = 0;
        for (PutEventsEntry e : entries) {
            size += entrySize(e);
        }
        if (size > MAX_REQUEST_BYTES) {
            throw EventBridgeErrors.validation("Total size of the entries in the request is over the limit.");
        }
        List<PutEventsResult> results = new ArrayList<>();
        for (PutEventsEntry entry : entries) {
            results.add(accept(scope, entry));
        }
        return results;
    }

    /** AWS's size of an entry: Time counts 14 bytes, the strings their UTF-8 length. */
    private static long entrySize(PutEventsEntry e) {
        long size = e.time() == null ? 0 : 14;
        size += bytes(e.source()) + bytes(e.detailType()) + bytes(e.detail());
        if (e.resources() != null) {
            for (String r : e.resources()) {
                size += bytes(r);
            }
        }
        return size;
    }

    private static long bytes(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    private PutEventsResult accept(Scope scope, PutEventsEntry entry) {
        if (entry.source() == null || entry.source().isEmpty()) {
            return invalid("Parameter Source is not valid. Reason: Source is a required argument.");
        }
        if (entry.detailType() == null || entry.detailType().isEmpty()) {
            return invalid("Parameter DetailType is not valid. Reason: DetailType is a required argument.");
        }
        if (entry.detail() == null || entry.detail().isEmpty()) {
            return invalid("Parameter Detail is not valid. Reason: Detail is a required argument.");
        }
        JsonNode detail;
        try {
            detail = TargetInput.MAPPER.readTree(entry.detail());
        } catch (java.io.IOException e) {
            detail = null;
        }
        if (detail == null || !detail.isObject()) {
            return new PutEventsResult(null, "MalformedDetail", "Detail is malformed.");
        }
        String bus = EventBridgeBackend.busName(scope, entry.eventBusName());
        if (!EventBridgeState.DEFAULT_BUS.equals(bus) && state.buses.get(EventBridgeState.busKey(scope, bus)) == null) {
            return new PutEventsResult(null, "ResourceNotFoundException", "Event bus " + bus + " does not exist.");
        }
        String id = ctx.ids().uuid();
        Instant time = entry.time() == null ? ctx.clock().instant() : entry.time();
        ObjectNode event = envelope(scope, id, entry.detailType(), entry.source(), time, entry.resources(), detail);
        route(scope, bus, event);
        return new PutEventsResult(id, null, null);
    }

    /** Publishes an event that arrived on a bus by other means than PutEvents (S3 notifications). */
    String publish(Scope scope, String source, String detailType, List<String> resources, JsonNode detail, Instant time) {
        String id = ctx.ids().uuid();
        route(scope, EventBridgeState.DEFAULT_BUS, envelope(scope, id, detailType, source, time, resources, detail));
        return id;
    }

    private static PutEventsResult invalid(String message) {
        return new PutEventsResult(null, "InvalidArgument", message);
    }

    private void route(Scope scope, String bus, ObjectNode event) {
        String text = TargetInput.write(event);
        for (RuleRecord rule : state.rulesOf(scope, bus)) {
            if (!rule.enabled() || rule.eventPattern() == null || rule.targets().isEmpty()) {
                continue;
            }
            EventPattern pattern = compiled(rule.eventPattern());
            if (pattern != null && pattern.matches(event)) {
                matched.incrementAndGet();
                deliver(rule, event, text);
            }
        }
    }

    /** Compiled patterns by their text: PutRule validated them, so each is parsed once, not per event. */
    private EventPattern compiled(String text) {
        EventPattern pattern = patterns.get(text);
        if (pattern == null) {
            try {
                pattern = EventPattern.parse(text);
            } catch (RuntimeException e) {
                return null;
            }
            if (patterns.size() >= MAX_CACHED_PATTERNS) {
                patterns.clear();
            }
            patterns.put(text, pattern);
        }
        return pattern;
    }

    int fireScheduled(RuleRecord rule, Instant due) {
        Scope scope = new Scope(rule.account(), rule.region());
        ObjectNode event = envelope(scope, ctx.ids().uuid(), "Scheduled Event", "aws.events", due, List.of(rule.arn()),
                TargetInput.MAPPER.createObjectNode());
        deliver(rule, event, TargetInput.write(event));
        return rule.targets().size();
    }

    private void deliver(RuleRecord rule, ObjectNode event, String text) {
        Scope scope = new Scope(rule.account(), rule.region());
        for (TargetRecord target : rule.targets()) {
            String payload;
            try {
                payload = TargetInput.render(target, rule, event, text);
            } catch (RuntimeException e) {
                failed(target.arn(), "input could not be rendered: " + e.getMessage());
                continue;
            }
            delivered.incrementAndGet();
            ctx.events().publish(new EventBridgeDelivery(scope, rule.arn(), target.id(), target.arn(), payload,
                    target.messageGroupId(), event.path("id").asText()));
        }
    }

    static ObjectNode envelope(Scope scope, String id, String detailType, String source, Instant time, List<String> resources, JsonNode detail) {
        ObjectNode event = TargetInput.MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", id);
        event.put("detail-type", detailType);
        event.put("source", source);
        event.put("account", scope.account());
        event.put("time", TIME.format(time.truncatedTo(ChronoUnit.SECONDS)));
        event.put("region", scope.region());
        ArrayNode list = event.putArray("resources");
        if (resources != null) {
            resources.forEach(list::add);
        }
        event.set("detail", detail);
        return event;
    }

    /** TestEventPattern's Event: a JSON object with AWS's required envelope members. */
    static JsonNode parseTestEvent(String text) {
        JsonNode event;
        try {
            event = text == null ? null : TargetInput.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            event = null;
        }
        if (event == null || !event.isObject()) {
            throw EventBridgeErrors.validation("Parameter Event is not valid.");
        }
        for (String required : List.of("id", "account", "source", "time", "region", "detail-type")) {
            if (!event.has(required)) {
                throw EventBridgeErrors.validation("Parameter Event is not valid.");
            }
        }
        return event;
    }

    void failed(String targetArn, String reason) {
        failed.incrementAndGet();
        LOG.warn("EventBridge delivery to {} failed: {}", targetArn, reason);
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("matched", matched.get());
        counts.put("sent", delivered.get());
        counts.put("failed", failed.get());
        return counts;
    }
}
