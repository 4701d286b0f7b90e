package dev.cloudjar.services.sns.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.services.sns.filter.Value.Scalar;
import dev.cloudjar.services.sns.filter.Value.Scalar.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** One alternative of a policy key: an exact value or a match expression such as {@code {"prefix":"a"}}. */
interface Condition {
    boolean matches(Value value);

    /** Builds a condition from a rule that {@link FilterPolicyValidator} already accepted. */
    static Condition of(JsonNode rule) {
        if (!rule.isObject()) {
            Scalar expected = Scalar.of(rule);
            return new OnAnyScalar(scalar -> sameScalar(expected, scalar));
        }
        String operator = rule.fieldNames().next();
        JsonNode operand = rule.get(operator);
        switch (operator) {
            case "exists":
                return new Exists(operand.booleanValue());
            case "prefix":
                return onString(operand.textValue(), String::startsWith);
            case "suffix":
                return onString(operand.textValue(), String::endsWith);
            case "equals-ignore-case":
                return onString(operand.textValue(), String::equalsIgnoreCase);
            case "numeric":
                return new OnAnyScalar(NumericRange.of(operand));
            case "cidr":
                return new OnAnyScalar(Cidr.of(operand.textValue()));
            case "anything-but":
                return new OnAnyScalar(anythingBut(operand).negate());
            default:
                throw new IllegalStateException("unvalidated operator " + operator);
        }
    }

    private static Condition onString(String operand, java.util.function.BiPredicate<String, String> test) {
        return new OnAnyScalar(scalar -> scalar.kind() == Kind.STRING && test.test(scalar.text(), operand));
    }

    /** What anything-but excludes: listed values, or a prefix / suffix / case-insensitive value. */
    private static Predicate<Scalar> anythingBut(JsonNode operand) {
        if (operand.isObject()) {
            String operator = operand.fieldNames().next();
            String text = operand.get(operator).textValue();
            switch (operator) {
                case "prefix":
                    return scalar -> scalar.kind() == Kind.STRING && scalar.text().startsWith(text);
                case "suffix":
                    return scalar -> scalar.kind() == Kind.STRING && scalar.text().endsWith(text);
                default:
                    return scalar -> scalar.kind() == Kind.STRING && scalar.text().equalsIgnoreCase(text);
            }
        }
        List<Scalar> excluded = new ArrayList<>();
        if (operand.isArray()) {
            for (JsonNode element : operand) {
                excluded.add(Scalar.of(element));
            }
        } else {
            excluded.add(Scalar.of(operand));
        }
        return scalar -> {
            for (Scalar candidate : excluded) {
                if (sameScalar(candidate, scalar)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static boolean sameScalar(Scalar expected, Scalar actual) {
        if (expected == null || expected.kind() != actual.kind()) {
            return false;
        }
        switch (expected.kind()) {
            case NUMBER:
                return Double.compare(expected.number(), actual.number()) == 0 || expected.number() == actual.number();
            case NULL:
                return true;
            default:
                return expected.text().equals(actual.text());
        }
    }

    /** Matches when the key is present and at least one of its values satisfies the test. */
    record OnAnyScalar(Predicate<Scalar> test) implements Condition {
        @Override
        public boolean matches(Value value) {
            if (!value.present()) {
                return false;
            }
            for (Scalar scalar : value.scalars()) {
                if (test.test(scalar)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Exists(boolean expected) implements Condition {
        @Override
        public boolean matches(Value value) {
            return value.present() == expected;
        }
    }

    /** {@code {"numeric": [">=", 0, "<", 100]}}: every comparison must hold; only numbers match. */
    record NumericRange(List<String> operators, double[] operands) implements Predicate<Scalar> {
        static NumericRange of(JsonNode terms) {
            List<String> operators = new ArrayList<>();
            double[] operands = new double[terms.size() / 2];
            for (int i = 0; i + 1 < terms.size(); i += 2) {
                operators.add(terms.get(i).textValue());
                operands[i / 2] = Scalar.precise(terms.get(i + 1).doubleValue());
            }
            return new NumericRange(operators, operands);
        }

        @Override
        public boolean test(Scalar scalar) {
            if (scalar.kind() != Kind.NUMBER) {
                return false;
            }
            double v = scalar.number();
            for (int i = 0; i < operators.size(); i++) {
                double o = operands[i];
                boolean ok;
                switch (operators.get(i)) {
                    case "=": ok = v == o; break;
                    case ">": ok = v > o; break;
                    case ">=": ok = v >= o; break;
                    case "<": ok = v < o; break;
                    default: ok = v <= o; break;
                }
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code {"cidr": "10.0.0.0/24"}} over IPv4 string values. */
    record Cidr(long network, long mask) implements Predicate<Scalar> {
        static Cidr of(String text) {
            int slash = text.indexOf('/');
            int bits = Integer.parseInt(text.substring(slash + 1));
            long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            long address = ipv4(text.substring(0, slash));
            return new Cidr(address & mask, mask);
        }

        static long ipv4(String text) {
            String[] parts = text.split("\\.", -1);
            if (parts.length != 4) {
                return -1;
            }
            long value = 0;
            for (String part : parts) {
                if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                    return -1;
                }
                int octet = Integer.parseInt(part);
                if (octet > 255) {
                    return -1;
                }
                value = (value << 8) | octet;
            }
            return value;
        }

        @Override
        public boolean test(Scalar scalar) {
            if (scalar.kind() != Kind.STRING) {
                return false;
            }
            long address = ipv4(scalar.text().toLowerCase(Locale.ROOT));
            return address >= 0 && (address & mask) == network;
        }
    }
}
