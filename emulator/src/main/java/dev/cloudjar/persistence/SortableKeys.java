package dev.cloudjar.persistence;

import dev.cloudjar.core.Utf8Order;

/**
 * Translates keys so that MapDB's plain string order equals UTF-8 byte order (see {@link Utf8Order}).
 */
final class SortableKeys {
    private SortableKeys() {
    }

    static String toStored(String key) {
        return map(key, true);
    }

    static String fromStored(String stored) {
        return map(stored, false);
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
