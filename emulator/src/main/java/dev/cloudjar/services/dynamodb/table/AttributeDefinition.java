package dev.cloudjar.services.dynamodb.table;

/** One entry of a table's AttributeDefinitions: a key attribute's name and scalar type. */
public record AttributeDefinition(String name, String type) {
}
