package dev.cloudjar.services.dynamodb.table;

import java.util.List;

/**
 * Contributor Insights on a table or one of its global secondary indexes ({@code indexName} null for the
 * table), as stored: whether it is on, its mode, the CloudWatch rule names it created and when it last
 * changed.
 */
public record ContributorInsightsSetting(int version, String tableName, String indexName, boolean enabled, String mode,
                                         List<String> rules, long lastUpdateMillis) {
    public static final int FORMAT = 1;

    public ContributorInsightsSetting {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public String status() {
        return enabled ? "ENABLED" : "DISABLED";
    }
}
