package dev.cloudjar.services.dynamodb.table;

/** A table's or stream's resource-based policy as stored: the JSON document and its revision id. */
public record ResourcePolicy(int version, String policy, String revisionId) {
    public static final int FORMAT = 1;
}
