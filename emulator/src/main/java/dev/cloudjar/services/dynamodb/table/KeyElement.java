package dev.cloudjar.services.dynamodb.table;

/** One KeySchemaElement as the client sent it (validated into a {@link KeySchema}). */
public record KeyElement(String name, String keyType) {
}
