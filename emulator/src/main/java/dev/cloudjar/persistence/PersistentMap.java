package dev.cloudjar.persistence;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A map from string keys to records, sorted by the keys' UTF-8 byte order (S3 listings and DynamoDB
 * range keys need that order). Writes are visible at once; durability is the store's business.
 */
public interface PersistentMap<V> {
    V get(String key);

    void put(String key, V value);

    /** Stores the value unless the key is present; returns the existing value or null. */
    V putIfAbsent(String key, V value);

    /** Removes the key; returns true when it was present. */
    boolean remove(String key);

    /** Atomically replaces the value of a key; the function gets null when absent and may return null to delete. */
    V compute(String key, UnaryOperator<V> update);

    boolean containsKey(String key);

    long size();

    /**
     * Entries with {@code fromInclusive <= key < toExclusive} in key order; a null bound is open.
     * Iteration is weakly consistent: concurrent writes may or may not be seen.
     */
    Iterable<Map.Entry<String, V>> range(String fromInclusive, String toExclusive);

    /** The same range in descending key order. */
    Iterable<Map.Entry<String, V>> rangeDescending(String fromInclusive, String toExclusive);

    /** Entries whose keys start with the prefix, in key order. */
    default Iterable<Map.Entry<String, V>> prefix(String prefix) {
        return range(prefix, KeyRanges.prefixEnd(prefix));
    }

    /** Keys in order, without decoding values. */
    Iterable<String> keys(String fromInclusive, String toExclusive);

    void clear();
}
