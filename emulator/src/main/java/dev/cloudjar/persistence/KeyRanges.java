package dev.cloudjar.persistence;

/** Helpers for building key ranges over {@link PersistentMap}s. */
public final class KeyRanges {
    /** Separates parts of composite keys; sorts below every other character. */
    public static final char SEPARATOR = '\u0000';

    private KeyRanges() {
    }

    /**
     * A key greater than every key that starts with {@code prefix}, or null for "no end". In UTF-8
     * order the greatest UTF-16 unit is a low surrogate (it belongs to a code point above U+FFFF), not
     * U+FFFF, so the bound is made of those.
     */
    public static String prefixEnd(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return null;
        }
        return prefix + '\uDFFF' + '\uDFFF';
    }

    public static String compose(String... parts) {
        return String.join(String.valueOf(SEPARATOR), parts);
    }
}
