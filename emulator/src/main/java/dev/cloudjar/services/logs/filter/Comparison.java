package dev.cloudjar.services.logs.filter;

import java.util.regex.Pattern;

/**
 * One {@code <operator> <value>} test of a field. A numeric value compares numerically with any of
 * {@code = != < <= > >=}; a string value (quoted, or bare with {@code *} wildcards) allows only
 * {@code =} and {@code !=}.
 */
record Comparison(String operator, Glob text, Double number) {
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    static Comparison of(String operator, String value, boolean quoted) {
        if (!quoted && NUMBER.matcher(value).matches()) {
            return new Comparison(operator, new Glob(value), Double.parseDouble(value));
        }
        if (!operator.equals("=") && !operator.equals("!=")) {
            throw new IllegalArgumentException("Invalid filter pattern: operator " + operator + " needs a numeric value, not " + value);
        }
        return new Comparison(operator, new Glob(value), null);
    }

    /** Tests a field's text, and its number when it is numeric (null otherwise). */
    boolean test(String fieldText, Double fieldNumber) {
        if (number != null) {
            if (fieldNumber == null) {
                return false;
            }
            int c = Double.compare(fieldNumber, number);
            return switch (operator) {
                case "=" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        }
        if (fieldText == null) {
            return false;
        }
        boolean equal = text.matches(fieldText);
        return operator.equals("=") == equal;
    }

    static Double numberOrNull(String text) {
        if (text == null || !NUMBER.matcher(text).matches()) {
            return null;
        }
        return Double.parseDouble(text);
    }
}
