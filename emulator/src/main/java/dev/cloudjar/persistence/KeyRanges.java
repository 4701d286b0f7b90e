package dev.cloudjar.persistence;

/** Helpers for building key ranges over {@link PersistentMap}s. */
public final class KeyRanges {
    /** Separates parts of composite keys; sorts below every other character. */
    public static final char SEPARATOR = '\u0000';

    private KeyRanges() {
    }

    /** The smallest key greater than every key that starts with {@code prefix}, or null for "no end". */
    public static String prefixEnd(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return null;
        }
        return prefix + '\uffff' + '\uffff';
    }

    public static String compose(String... parts) {
        return String.join(String.valueOf(SEPARATOR), parts);
    }
}
