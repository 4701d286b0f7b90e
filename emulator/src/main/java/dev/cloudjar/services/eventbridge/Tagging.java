package dev.cloudjar.services.eventbridge;

import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.eventbridge.model.EventBusRecord;
import dev.cloudjar.services.eventbridge.model.RuleRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tags on rules and custom buses, addressed by ARN. The default bus takes no tags here. */
final class Tagging {
    private final EventBridgeState state;

    Tagging(EventBridgeState state) {
        this.state = state;
    }

    Map<String, String> get(Scope scope, String arnText) {
        Object resource = resolve(scope, arnText);
        return resource instanceof RuleRecord rule ? rule.tags() : ((EventBusRecord) resource).tags();
    }

    void tag(Scope scope, String arnText, Map<String, String> tags) {
        Map<String, String> merged = new LinkedHashMap<>(get(scope, arnText));
        merged.putAll(tags);
        if (merged.size() > 50) {
            throw new AwsException(400, "LimitExceededException", "The requested resource exceeds the maximum number allowed.");
        }
        save(scope, arnText, merged);
    }

    void untag(Scope scope, String arnText, List<String> keys) {
        Map<String, String> kept = new LinkedHashMap<>(get(scope, arnText));
        keys.forEach(kept::remove);
        save(scope, arnText, kept);
    }

    private void save(Scope scope, String arnText, Map<String, String> tags) {
        Object resource = resolve(scope, arnText);
        if (resource instanceof RuleRecord rule) {
            state.rules.put(EventBridgeState.ruleKey(scope, rule.eventBusName(), rule.name()), rule.withTags(tags));
        } else {
            EventBusRecord bus = (EventBusRecord) resource;
            state.buses.put(EventBridgeState.busKey(scope, bus.name()), bus.withTags(tags));
        }
    }

    private Object resolve(Scope scope, String arnText) {
        Arn arn = Arn.parseOrNull(arnText);
        if (arn == null || !"events".equals(arn.service())) {
            throw EventBridgeErrors.validation("Parameter ResourceARN is not valid.");
        }
        String resource = arn.resource();
        if (resource.startsWith("rule/")) {
            String rest = resource.substring(5);
            int slash = rest.lastIndexOf('/');
            String bus = slash < 0 ? EventBridgeState.DEFAULT_BUS : rest.substring(0, slash);
            String name = rest.substring(slash + 1);
            RuleRecord rule = state.rules.get(EventBridgeState.ruleKey(scope, bus, name));
            if (rule == null) {
                throw EventBridgeErrors.ruleNotFound(name, bus);
            }
            return rule;
        }
        if (resource.startsWith("event-bus/")) {
            String bus = resource.substring("event-bus/".length());
            EventBusRecord record = state.buses.get(EventBridgeState.busKey(scope, bus));
            if (record == null) {
                throw EventBridgeErrors.busNotFound(bus);
            }
            return record;
        }
        throw EventBridgeErrors.validation("Parameter ResourceARN is not valid.");
    }
}
