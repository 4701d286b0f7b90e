package dev.cloudjar.services.dynamodb.model;

import java.math.BigDecimal;

/**
 * DynamoDB number rules: at most 38 significant digits, magnitude between 1E-130 and
 * 9.9999999999999999999999999999999999999E+125, canonical text in plain notation without leading or
 * trailing zeros ("1.50" is "1.5", "-0" is "0", "1E+2" is "100").
 */
public final class Numbers {
    /** AWS's text for an empty number; garbage gets ": <text>" appended. */
    static final String NOT_A_NUMBER = "The parameter cannot be converted to a numeric value";
    static final String TOO_PRECISE = "Attempting to store more than 38 significant digits in a Number";
    static final String OVERFLOW =
            "Number overflow. Attempting to store a number with magnitude larger than supported range";
    static final String UNDERFLOW =
            "Number underflow. Attempting to store a number with magnitude smaller than supported range";

    private Numbers() {
    }

    /** Validates and normalizes; throws AWS's ValidationException for bad numbers. */
    public static String canonical(String text) {
        if (text == null || text.isEmpty()) {
            throw DynamoDbValidation.error(NOT_A_NUMBER);
        }
        if (isCanonicalSmallInteger(text)) {
            return text;
        }
        return canonical(parse(text));
    }

    /** Parses number text as DynamoDB accepts it (no NaN/Infinity, no hex, no surrounding spaces). */
    public static BigDecimal parse(String text) {
        int n = text.length();
        if (n == 0) {
            throw DynamoDbValidation.error(NOT_A_NUMBER);
        }
        boolean ok = n <= 1024;
        for (int i = 0; i < n && ok; i++) {
            char c = text.charAt(i);
            ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
        }
        try {
            if (ok) {
                return new BigDecimal(text);
            }
        } catch (NumberFormatException e) {
            // falls through to AWS's message
        }
        throw DynamoDbValidation.error(NOT_A_NUMBER + ": " + (n > 1024 ? text.substring(0, 1024) : text));
    }

    /** Validates range and precision of a computed or parsed value and renders its canonical text. */
    public static String canonical(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        // AWS checks the range before the precision.
        int adjusted = stripped.precision() - stripped.scale() - 1;
        if (adjusted > 125) {
            throw DynamoDbValidation.error(OVERFLOW);
        }
        if (adjusted < -130) {
            throw DynamoDbValidation.error(UNDERFLOW);
        }
        if (stripped.precision() > 38) {
            throw DynamoDbValidation.error(TOO_PRECISE);
        }
        return stripped.toPlainString();
    }

    /** Fast path: "0" or an optionally negative integer without leading zeros, short enough to be valid. */
    private static boolean isCanonicalSmallInteger(String text) {
        int n = text.length();
        if (n == 0 || n > 18) {
            return false;
        }
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (start == n) {
            return false;
        }
        if (text.charAt(start) == '0') {
            return n == 1;
        }
        for (int i = start; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
