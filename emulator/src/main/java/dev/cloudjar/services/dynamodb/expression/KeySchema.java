package dev.cloudjar.services.dynamodb.expression;

/**
 * The key attributes a key condition is checked against (the table's or the queried index's): names and
 * scalar types ("S", "N", "B"); the range key and the types may be null.
 */
public record KeySchema(String hashKey, String hashType, String rangeKey, String rangeType) {

    public static KeySchema of(String hashKey, String rangeKey) {
        return new KeySchema(hashKey, null, rangeKey, null);
    }
}
