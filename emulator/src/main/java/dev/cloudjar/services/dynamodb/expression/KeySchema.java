package dev.cloudjar.services.dynamodb.expression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The key attributes a key condition is checked against (the table's or the queried index's): names and
 * scalar types ("S", "N", "B"), partition attributes then sort attributes in KeySchema order (a global
 * index may have up to four of each); there may be no sort attribute and the types may be null.
 */
public record KeySchema(List<String> hashKeys, List<String> hashTypes, List<String> rangeKeys, List<String> rangeTypes) {

    public KeySchema {
        hashKeys = List.copyOf(hashKeys);
        rangeKeys = List.copyOf(rangeKeys);
        hashTypes = nullable(hashTypes, hashKeys.size());
        rangeTypes = nullable(rangeTypes, rangeKeys.size());
    }

    public KeySchema(String hashKey, String hashType, String rangeKey, String rangeType) {
        this(List.of(hashKey), Arrays.asList(hashType), rangeKey == null ? List.of() : List.of(rangeKey),
                rangeKey == null ? List.of() : Arrays.asList(rangeType));
    }

    public static KeySchema of(String hashKey, String rangeKey) {
        return new KeySchema(hashKey, null, rangeKey, null);
    }

    public String hashKey() {
        return hashKeys.get(0);
    }

    /** The first sort attribute, or null. */
    public String rangeKey() {
        return rangeKeys.isEmpty() ? null : rangeKeys.get(0);
    }

    private static List<String> nullable(List<String> types, int size) {
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(types == null || i >= types.size() ? null : types.get(i));
        }
        return java.util.Collections.unmodifiableList(out);
    }
}
