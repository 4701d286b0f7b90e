package dev.cloudjar.services.logs.model;

/** A log group as DescribeLogGroups shows it. */
public record LogGroupView(String logGroupName, long creationTime, Integer retentionInDays, int metricFilterCount, long storedBytes,
                           String arn, String logGroupArn, String logGroupClass) {
}
