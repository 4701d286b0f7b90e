package dev.cloudjar.services.dynamodb.table;

/** What UpdateContributorInsights answers: the new setting and AWS's transitional status (ENABLING / DISABLING). */
public record ContributorInsightsChange(ContributorInsightsSetting setting, String status) {
}
