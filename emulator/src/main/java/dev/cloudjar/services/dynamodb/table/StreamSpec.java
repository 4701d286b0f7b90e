package dev.cloudjar.services.dynamodb.table;

/** StreamSpecification as sent: enabled flag and view type (null when absent). */
public record StreamSpec(Boolean enabled, String viewType) {
}
