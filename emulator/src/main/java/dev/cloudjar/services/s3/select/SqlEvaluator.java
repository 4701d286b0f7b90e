package dev.cloudjar.services.s3.select;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Evaluates S3 Select expressions against one record, with SQL's three-valued logic. */
final class SqlEvaluator {
    private final String alias;
    /** Results of the aggregates once every record was seen; null while records are read. */
    private Object[] aggregated;

    SqlEvaluator(String alias) {
        this.alias = alias;
    }

    void aggregated(Object[] results) {
        this.aggregated = results;
    }

    Object eval(Expr e, Row row) {
        if (e instanceof Expr.Literal l) {
            return l.value();
        }
        if (e instanceof Expr.Path p) {
            return resolve(p, row);
        }
        if (e instanceof Expr.Unary u) {
            return unary(u, row);
        }
        if (e instanceof Expr.Binary b) {
            return binary(b, row);
        }
        if (e instanceof Expr.Like l) {
            return like(l, row);
        }
        if (e instanceof Expr.Between b) {
            return between(b, row);
        }
        if (e instanceof Expr.In in) {
            return in(in, row);
        }
        if (e instanceof Expr.Is is) {
            return is(is, row);
        }
        if (e instanceof Expr.Cast c) {
            return cast(eval(c.value(), row), c.type());
        }
        if (e instanceof Expr.Call c) {
            List<Object> args = new java.util.ArrayList<>(c.args().size());
            for (Expr a : c.args()) {
                args.add(eval(a, row));
            }
            return SqlFunctions.call(c.name(), args);
        }
        Expr.Aggregate a = (Expr.Aggregate) e;
        return aggregated == null ? null : aggregated[a.slot()];
    }

    boolean matches(Expr where, Row row) {
        return where == null || SqlValues.truthy(eval(where, row));
    }

    private Object resolve(Expr.Path p, Row row) {
        List<Object> segments = p.segments();
        String first = (String) segments.get(0);
        Object value;
        int from;
        if (!p.quoted() && (first.equalsIgnoreCase("S3Object") || alias != null && first.equalsIgnoreCase(alias))) {
            if (segments.size() == 1) {
                return row.whole();
            }
            Object second = segments.get(1);
            if (second instanceof Integer) {
                return SqlValues.MISSING;
            }
            value = row.field((String) second, false);
            from = 2;
        } else {
            value = row.field(first, p.quoted());
            from = 1;
        }
        for (int i = from; i < segments.size() && !SqlValues.absent(value); i++) {
            value = step(value, segments.get(i));
        }
        return value;
    }

    static Object step(Object value, Object segment) {
        if (segment instanceof Integer index) {
            return value instanceof List<?> list && index >= 0 && index < list.size() ? list.get(index) : SqlValues.MISSING;
        }
        if (value instanceof Map<?, ?> map) {
            Object found = map.get(segment);
            if (found == null && !map.containsKey(segment)) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (entry.getKey().toString().equalsIgnoreCase((String) segment)) {
                        return entry.getValue();
                    }
                }
                return SqlValues.MISSING;
            }
            return found;
        }
        return SqlValues.MISSING;
    }

    private Object unary(Expr.Unary u, Row row) {
        Object v = eval(u.operand(), row);
        if (u.op().equals("NOT")) {
            return v instanceof Boolean b ? (Object) !b : null;
        }
        if (SqlValues.absent(v)) {
            return null;
        }
        Object n = SqlValues.number(v);
        if (n == null) {
            throw SelectErrors.invalidDataType();
        }
        return n instanceof Long l ? (Object) Math.negateExact(l) : ((BigDecimal) n).negate();
    }

    private Object binary(Expr.Binary b, Row row) {
        String op = b.op();
        if (op.equals("AND") || op.equals("OR")) {
            Object l = eval(b.left(), row);
            if (op.equals("AND") ? Boolean.FALSE.equals(l) : Boolean.TRUE.equals(l)) {
                return l; // decided by the left side: the right one is not evaluated
            }
            Object r = eval(b.right(), row);
            Boolean x = l instanceof Boolean p ? p : null;
            Boolean y = r instanceof Boolean q ? q : null;
            if (op.equals("AND")) {
                if (Boolean.FALSE.equals(x) || Boolean.FALSE.equals(y)) {
                    return false;
                }
                return x == null || y == null ? null : true;
            }
            if (Boolean.TRUE.equals(x) || Boolean.TRUE.equals(y)) {
                return true;
            }
            return x == null || y == null ? null : false;
        }
        Object l = eval(b.left(), row);
        Object r = eval(b.right(), row);
        if (SqlValues.absent(l) || SqlValues.absent(r)) {
            return null;
        }
        switch (op) {
            case "=": case "!=": {
                Integer c = SqlValues.compare(l, r);
                boolean equal = c != null ? c == 0 : l.equals(r);
                return op.equals("=") == equal;
            }
            case "<": case "<=": case ">": case ">=": {
                Integer c = SqlValues.compare(l, r);
                if (c == null) {
                    return null;
                }
                return switch (op) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
            }
            case "||":
                return SqlValues.text(l) + SqlValues.text(r);
            default:
                return arithmetic(op, l, r);
        }
    }

    static Object arithmetic(String op, Object l, Object r) {
        Object x = SqlValues.number(l);
        Object y = SqlValues.number(r);
        if (x == null || y == null) {
            throw SelectErrors.invalidDataType();
        }
        if (x instanceof Long a && y instanceof Long c) {
            try {
                return switch (op) {
                    case "+" -> Math.addExact(a, c);
                    case "-" -> Math.subtractExact(a, c);
                    case "*" -> Math.multiplyExact(a, c);
                    case "/" -> {
                        if (c == 0) {
                            throw SelectErrors.divisionByZero();
                        }
                        yield a / c;
                    }
                    default -> {
                        if (c == 0) {
                            throw SelectErrors.divisionByZero();
                        }
                        yield a % c;
                    }
                };
            } catch (ArithmeticException overflow) {
                // fall through to decimals
            }
        }
        BigDecimal a = SqlValues.decimal(x);
        BigDecimal c = SqlValues.decimal(y);
        return switch (op) {
            case "+" -> a.add(c);
            case "-" -> a.subtract(c);
            case "*" -> a.multiply(c);
            case "/" -> {
                if (c.signum() == 0) {
                    throw SelectErrors.divisionByZero();
                }
                yield a.divide(c, MathContext.DECIMAL64);
            }
            default -> {
                if (c.signum() == 0) {
                    throw SelectErrors.divisionByZero();
                }
                yield a.remainder(c);
            }
        };
    }

    private Object like(Expr.Like l, Row row) {
        Object v = eval(l.value(), row);
        Object p = eval(l.pattern(), row);
        Object esc = l.escape() == null ? null : eval(l.escape(), row);
        if (SqlValues.absent(v) || SqlValues.absent(p)) {
            return null;
        }
        if (!(v instanceof String s) || !(p instanceof String pattern) || esc != null && !(esc instanceof String e && e.length() == 1)) {
            throw SelectErrors.error("LikeInvalidInputs", "Invalid argument given to the LIKE clause in the SQL expression.");
        }
        boolean match = likePattern(pattern, esc == null ? null : ((String) esc).charAt(0)).matcher(s).matches();
        return match != l.negated();
    }

    static Pattern likePattern(String pattern, Character escape) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escape != null && c == escape && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private Object between(Expr.Between b, Row row) {
        Object v = eval(b.value(), row);
        Object lo = eval(b.low(), row);
        Object hi = eval(b.high(), row);
        if (SqlValues.absent(v) || SqlValues.absent(lo) || SqlValues.absent(hi)) {
            return null;
        }
        Integer c1 = SqlValues.compare(v, lo);
        Integer c2 = SqlValues.compare(v, hi);
        if (c1 == null || c2 == null) {
            return null;
        }
        return (c1 >= 0 && c2 <= 0) != b.negated();
    }

    private Object in(Expr.In in, Row row) {
        Object v = eval(in.value(), row);
        if (SqlValues.absent(v)) {
            return null;
        }
        boolean unknown = false;
        for (Expr option : in.options()) {
            Object o = eval(option, row);
            if (SqlValues.absent(o)) {
                unknown = true;
                continue;
            }
            Integer c = SqlValues.compare(v, o);
            if (c != null ? c == 0 : v.equals(o)) {
                return !in.negated();
            }
        }
        return unknown ? null : in.negated();
    }

    private Object is(Expr.Is is, Row row) {
        Object v = eval(is.value(), row);
        boolean result = is.what().equals("NULL") ? SqlValues.absent(v) : v == SqlValues.MISSING;
        return result != is.negated();
    }

    static Object cast(Object v, String type) {
        if (SqlValues.absent(v)) {
            return v;
        }
        switch (type) {
            case "INT": case "INTEGER": {
                Object n = SqlValues.number(v instanceof Boolean ? null : v);
                if (n == null) {
                    throw SelectErrors.castFailed();
                }
                try {
                    return n instanceof Long ? n : ((BigDecimal) n).setScale(0, RoundingMode.DOWN).longValueExact();
                } catch (ArithmeticException e) {
                    throw SelectErrors.castFailed();
                }
            }
            case "FLOAT": case "DOUBLE": case "DECIMAL": case "NUMERIC": case "REAL": {
                Object n = SqlValues.number(v instanceof Boolean ? null : v);
                if (n == null) {
                    throw SelectErrors.castFailed();
                }
                return SqlValues.decimal(n);
            }
            case "STRING": case "VARCHAR": case "CHAR": case "CHARACTER":
                return SqlValues.text(v);
            case "BOOL": case "BOOLEAN":
                if (v instanceof Boolean) {
                    return v;
                }
                String s = SqlValues.text(v).trim().toLowerCase(Locale.ROOT);
                if (s.equals("true") || s.equals("false")) {
                    return Boolean.valueOf(s);
                }
                throw SelectErrors.castFailed();
            default:
                throw SelectErrors.castFailed().with("Type", type);
        }
    }
}
