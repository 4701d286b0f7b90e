package dev.cloudjar.services.s3.select;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * S3 Select values: null (SQL NULL), {@link #MISSING} (an absent field), String, Long, BigDecimal,
 * Boolean, and JSON's Map / List. CSV fields are strings; a string meets a number as a number when it
 * reads as one.
 */
final class SqlValues {
    /** An absent field or path: omitted from JSON output, empty in CSV. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "MISSING";
        }
    };

    private SqlValues() {
    }

    static boolean absent(Object v) {
        return v == null || v == MISSING;
    }

    static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof BigDecimal;
    }

    /** The value as a number, or null when it is not one (a string that does not read as a number). */
    static Object number(Object v) {
        if (isNumber(v)) {
            return v;
        }
        if (v instanceof String s) {
            String t = s.trim();
            if (t.isEmpty()) {
                return null;
            }
            try {
                if (t.matches("[+-]?\\d{1,18}")) {
                    return Long.valueOf(t);
                }
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static BigDecimal decimal(Object number) {
        return number instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) number;
    }

    /** Compares two present values: numbers numerically, strings by code point, booleans; null when they do not compare. */
    static Integer compare(Object a, Object b) {
        if (isNumber(a) || isNumber(b)) {
            Object x = number(a);
            Object y = number(b);
            if (x == null || y == null) {
                return null;
            }
            if (x instanceof Long l && y instanceof Long m) {
                return Long.compare(l, m);
            }
            return decimal(x).compareTo(decimal(y));
        }
        if (a instanceof String s && b instanceof String t) {
            return s.compareTo(t);
        }
        if (a instanceof Boolean p && b instanceof Boolean q) {
            return Boolean.compare(p, q);
        }
        return null;
    }

    static boolean truthy(Object v) {
        return Boolean.TRUE.equals(v);
    }

    /** The text of a scalar as S3 writes it in CSV output (empty for null and MISSING). */
    static String text(Object v) {
        if (absent(v)) {
            return "";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Map || v instanceof List) {
            StringBuilder json = new StringBuilder();
            SelectOutput.json(json, v);
            return json.toString();
        }
        return v.toString();
    }

    static String typeName(Object v) {
        return v == null ? "NULL" : v.getClass().getSimpleName().toUpperCase(Locale.ROOT);
    }
}
