package dev.cloudjar.services.dynamodb.table;

/** ProvisionedThroughput as sent: read and write capacity units (null when a member is missing). */
public record Throughput(Long readCapacityUnits, Long writeCapacityUnits) {
}
