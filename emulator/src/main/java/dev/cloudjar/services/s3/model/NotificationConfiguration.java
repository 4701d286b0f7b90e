package dev.cloudjar.services.s3.model;

import java.util.List;

/**
 * A bucket's notification configuration: where object events go. Integration reads it through
 * {@code S3Backend.notificationConfiguration(scope, bucket)} to match events.
 */
public record NotificationConfiguration(
        List<NotificationTarget> queueConfigurations,
        List<NotificationTarget> topicConfigurations,
        List<NotificationTarget> lambdaFunctionConfigurations,
        boolean eventBridgeEnabled) {

    public NotificationConfiguration {
        queueConfigurations = queueConfigurations == null ? List.of() : List.copyOf(queueConfigurations);
        topicConfigurations = topicConfigurations == null ? List.of() : List.copyOf(topicConfigurations);
        lambdaFunctionConfigurations = lambdaFunctionConfigurations == null ? List.of() : List.copyOf(lambdaFunctionConfigurations);
    }

    public static NotificationConfiguration empty() {
        return new NotificationConfiguration(List.of(), List.of(), List.of(), false);
    }

    /**
     * One target: its id, the queue/topic/function ARN, the configured event patterns
     * ({@code s3:ObjectCreated:*}) and key filter rules (name {@code Prefix} or {@code Suffix}).
     */
    public record NotificationTarget(String id, String arn, List<String> events, List<FilterRule> filterRules) {
        public NotificationTarget {
            events = events == null ? List.of() : List.copyOf(events);
            filterRules = filterRules == null ? List.of() : List.copyOf(filterRules);
        }
    }

    /** A key filter rule; the name is normalised to {@code Prefix} or {@code Suffix}. */
    public record FilterRule(String name, String value) {
    }
}
