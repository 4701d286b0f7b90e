package dev.cloudjar.services.dynamodb.storage;

import dev.cloudjar.core.Utf8Order;

/**
 * Maps keys so that Java's natural {@code String} order equals UTF-8 byte order (only characters at
 * or above U+D800 change), letting the in-memory maps use plain string comparison.
 */
final class SortedKeys {
    private SortedKeys() {
    }

    static String toSorted(String key) {
        return map(key, true);
    }

    static String fromSorted(String key) {
        return map(key, false);
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
            chars[i] = forward ? Utf8Order.sortable(chars[i]) : Utf8Order.unsortable(chars[i]);
        }
        return new String(chars);
    }
}
