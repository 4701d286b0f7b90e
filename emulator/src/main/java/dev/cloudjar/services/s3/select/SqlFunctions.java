package dev.cloudjar.services.s3.select;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** The scalar functions: LOWER, UPPER, TRIM, SUBSTRING, CHAR_LENGTH, COALESCE, NULLIF, ABS. */
final class SqlFunctions {
    private SqlFunctions() {
    }

    static Object call(String name, List<Object> args) {
        switch (name) {
            case "COALESCE":
                for (Object a : args) {
                    if (!SqlValues.absent(a)) {
                        return a;
                    }
                }
                return null;
            case "NULLIF":
                arity(name, args, 2, 2);
                if (SqlValues.absent(args.get(0)) || SqlValues.absent(args.get(1))) {
                    return args.get(0);
                }
                Integer c = SqlValues.compare(args.get(0), args.get(1));
                return (c != null ? c == 0 : args.get(0).equals(args.get(1))) ? null : args.get(0);
            default:
                break;
        }
        for (Object a : args) {
            if (SqlValues.absent(a)) {
                return null;
            }
        }
        switch (name) {
            case "LOWER":
                arity(name, args, 1, 1);
                return string(name, args.get(0)).toLowerCase(Locale.ROOT);
            case "UPPER":
                arity(name, args, 1, 1);
                return string(name, args.get(0)).toUpperCase(Locale.ROOT);
            case "CHAR_LENGTH": case "CHARACTER_LENGTH": {
                arity(name, args, 1, 1);
                String s = string(name, args.get(0));
                return (long) s.codePointCount(0, s.length());
            }
            case "ABS": {
                arity(name, args, 1, 1);
                Object n = SqlValues.number(args.get(0));
                if (n == null) {
                    throw SelectErrors.invalidArguments(name);
                }
                return n instanceof Long l ? (Object) Math.abs(l) : ((BigDecimal) n).abs();
            }
            case "TRIM":
                return trim((String) args.get(0), string(name, args.get(1)), args.size() > 2 ? string(name, args.get(2)) : " ");
            case "SUBSTRING":
                arity(name, args, 2, 3);
                return substring(string(name, args.get(0)), integer(name, args.get(1)), args.size() > 2 ? integer(name, args.get(2)) : null);
            default:
                throw SelectErrors.unsupportedFunction(name);
        }
    }

    private static void arity(String name, List<Object> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw SelectErrors.error("IncorrectSqlFunctionArgumentType",
                    "Incorrect type of arguments in function call in the SQL expression.").with("Function", name);
        }
    }

    private static String string(String name, Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw SelectErrors.invalidArguments(name);
    }

    private static long integer(String name, Object v) {
        Object n = SqlValues.number(v);
        if (n instanceof Long l) {
            return l;
        }
        if (n instanceof BigDecimal d) {
            return d.longValue();
        }
        throw SelectErrors.invalidArguments(name);
    }

    private static String trim(String where, String s, String chars) {
        int start = 0;
        int end = s.length();
        if (!where.equals("TRAILING")) {
            while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
                start++;
            }
        }
        if (!where.equals("LEADING")) {
            while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
        }
        return s.substring(start, end);
    }

    /** SQL's SUBSTRING: 1-based {@code start}; a start before 1 shortens the {@code length}. */
    static String substring(String s, long start, Long length) {
        int[] points = s.codePoints().toArray();
        long from = start;
        long to = length == null ? Long.MAX_VALUE : start + length;
        if (length != null && length < 0) {
            throw SelectErrors.invalidArguments("SUBSTRING");
        }
        from = Math.max(from, 1);
        to = Math.min(to, points.length + 1L);
        if (to <= from) {
            return "";
        }
        return new String(points, (int) from - 1, (int) (to - from));
    }
}
