package dev.cloudjar.core;

import java.util.Comparator;

/**
 * Orders strings as their UTF-8 bytes compare, which is what S3 listings and DynamoDB string sort
 * keys use. UTF-8 byte order equals code point order; Java's {@code compareTo} (UTF-16 units) differs
 * for supplementary characters versus U+E000..U+FFFF.
 */
public final class Utf8Order {
    public static final Comparator<String> COMPARATOR = Utf8Order::compare;

    private Utf8Order() {
    }

    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return Character.compare(sortable(x), sortable(y));
            }
        }
        return a.length() - b.length();
    }

    /** Maps a UTF-16 unit so that plain char comparison of mapped units gives code point order. */
    public static char sortable(char c) {
        if (c >= 0xE000) {
            return (char) (c - 0x800);
        }
        if (c >= 0xD800) {
            return (char) (c + 0x2000);
        }
        return c;
    }

    /**
     * Maps a whole string so that plain {@code String.compareTo} of mapped strings gives UTF-8 order;
     * for keeping keys in ordinary sorted maps. Only characters at or above U+D800 change.
     */
    public static String sortable(String s) {
        return map(s, true);
    }

    /** The inverse of {@link #sortable(String)}. */
    public static String unsortable(String s) {
        return map(s, false);
    }

    private static String map(String s, boolean forward) {
        if (s == null) {
            return null;
        }
        int i = 0;
        int n = s.length();
        while (i < n && s.charAt(i) < 0xD800) {
            i++;
        }
        if (i == n) {
            return s;
        }
        char[] chars = s.toCharArray();
        for (; i < n; i++) {
            chars[i] = forward ? sortable(chars[i]) : unsortable(chars[i]);
        }
        return new String(chars);
    }

    /** The inverse of {@link #sortable(char)}. */
    public static char unsortable(char c) {
        if (c >= 0xF800) {
            return (char) (c - 0x2000);
        }
        if (c >= 0xD800) {
            return (char) (c + 0x800);
        }
        return c;
    }
}
