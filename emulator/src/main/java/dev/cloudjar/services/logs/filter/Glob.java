package dev.cloudjar.services.logs.filter;

/** A value with {@code *} wildcards (any run of characters), as JSON and space-delimited patterns compare strings. */
record Glob(String text) {
    boolean matches(String value) {
        if (value == null) {
            return false;
        }
        if (text.indexOf('*') < 0) {
            return text.equals(value);
        }
        return matches(value, 0, 0);
    }

    private boolean matches(String value, int t, int v) {
        while (t < text.length()) {
            char c = text.charAt(t);
            if (c == '*') {
                while (t < text.length() && text.charAt(t) == '*') {
                    t++;
                }
                if (t == text.length()) {
                    return true;
                }
                for (int start = v; start <= value.length(); start++) {
                    if (matches(value, t, start)) {
                        return true;
                    }
                }
                return false;
            }
            if (v >= value.length() || value.charAt(v) != c) {
                return false;
            }
            t++;
            v++;
        }
        return v == value.length();
    }
}
