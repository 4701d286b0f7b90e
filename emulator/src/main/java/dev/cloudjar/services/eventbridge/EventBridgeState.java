package dev.cloudjar.services.eventbridge;

import dev.cloudjar.core.Arn;
import dev.cloudjar.core.PageToken;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.persistence.StateStore;
import dev.cloudjar.services.eventbridge.model.EventBusRecord;
import dev.cloudjar.services.eventbridge.model.Page;
import dev.cloudjar.services.eventbridge.model.RuleRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** EventBridge's stored buses and rules, keyed by account, region, bus and name. */
final class EventBridgeState {
    static final String DEFAULT_BUS = "default";
    final PersistentMap<RuleRecord> rules;
    final PersistentMap<EventBusRecord> buses;

    EventBridgeState(StateStore store) {
        this.rules = store.map("events.rules", RuleRecord.class);
        this.buses = store.map("events.buses", EventBusRecord.class);
    }

    static String ruleKey(Scope scope, String bus, String name) {
        return KeyRanges.compose(scope.account(), scope.region(), bus, name);
    }

    static String busKey(Scope scope, String bus) {
        return KeyRanges.compose(scope.account(), scope.region(), bus);
    }

    static String busArn(Scope scope, String bus) {
        return Arn.of("events", scope, "event-bus/" + bus).toString();
    }

    static String ruleArn(Scope scope, String bus, String name) {
        return Arn.of("events", scope, DEFAULT_BUS.equals(bus) ? "rule/" + name : "rule/" + bus + "/" + name).toString();
    }

    List<RuleRecord> rulesOf(Scope scope, String bus) {
        List<RuleRecord> result = new ArrayList<>();
        for (Map.Entry<String, RuleRecord> e : rules.prefix(KeyRanges.compose(scope.account(), scope.region(), bus, ""))) {
            result.add(e.getValue());
        }
        return result;
    }

    List<RuleRecord> allRules() {
        List<RuleRecord> result = new ArrayList<>();
        for (Map.Entry<String, RuleRecord> e : rules.range("", null)) {
            result.add(e.getValue());
        }
        return result;
    }

    List<EventBusRecord> busesOf(Scope scope) {
        List<EventBusRecord> result = new ArrayList<>();
        for (Map.Entry<String, EventBusRecord> e : buses.prefix(KeyRanges.compose(scope.account(), scope.region(), ""))) {
            result.add(e.getValue());
        }
        return result;
    }

    /** One page of items already sorted by key: after the token's key, at most {@code limit}. */
    static <T> Page<T> page(List<T> sorted, Function<T, String> key, String nextToken, Integer limit) {
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 100) {
            throw EventBridgeErrors.constraint(String.valueOf(limit), "limit",
                    max < 1 ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 100");
        }
        int start = 0;
        if (nextToken != null) {
            String after = PageToken.decodeOrNull(nextToken);
            if (after == null) {
                throw EventBridgeErrors.validation("The NextToken provided is invalid.");
            }
            while (start < sorted.size() && key.apply(sorted.get(start)).compareTo(after) <= 0) {
                start++;
            }
        }
        int end = Math.min(sorted.size(), start + max);
        String next = end < sorted.size() ? PageToken.encode(key.apply(sorted.get(end - 1))) : null;
        return new Page<>(List.copyOf(sorted.subList(start, end)), next);
    }
}
