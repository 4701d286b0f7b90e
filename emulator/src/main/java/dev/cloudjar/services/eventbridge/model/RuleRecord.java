package dev.cloudjar.services.eventbridge.model;

import java.util.List;
import java.util.Map;

/** A stored rule with its targets (in PutTargets order) and tags. {@code createdMillis} anchors rate schedules. */
public record RuleRecord(String account, String region, String eventBusName, String name, String arn,
                         String eventPattern, String scheduleExpression, String state, String description,
                         String roleArn, long createdMillis, Map<String, String> tags, List<TargetRecord> targets) {
    public static final String ENABLED = "ENABLED";
    public static final String DISABLED = "DISABLED";

    public boolean enabled() {
        return ENABLED.equals(state);
    }

    public RuleRecord withState(String value) {
        return new RuleRecord(account, region, eventBusName, name, arn, eventPattern, scheduleExpression, value, description,
                roleArn, createdMillis, tags, targets);
    }

    public RuleRecord withTargets(List<TargetRecord> value) {
        return new RuleRecord(account, region, eventBusName, name, arn, eventPattern, scheduleExpression, state, description,
                roleArn, createdMillis, tags, List.copyOf(value));
    }

    public RuleRecord withTags(Map<String, String> value) {
        return new RuleRecord(account, region, eventBusName, name, arn, eventPattern, scheduleExpression, state, description,
                roleArn, createdMillis, Map.copyOf(value), targets);
    }
}
