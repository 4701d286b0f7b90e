package dev.cloudjar.services.dynamodb.table;

/** What the version 2017.11.29 operations answer: the global table, its ARN and its status at that moment. */
public record GlobalTableDescription(GlobalTableRecord table, String arn, String status) {
}
