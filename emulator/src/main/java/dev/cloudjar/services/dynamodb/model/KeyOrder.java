package dev.cloudjar.services.dynamodb.model;

import dev.cloudjar.core.Utf8Order;
import java.math.BigDecimal;
import java.util.Comparator;

/**
 * DynamoDB's order of key values (numbers numerically, strings by UTF-8 bytes, binaries by unsigned
 * bytes), and an order-preserving String encoding of key values for sorted stores.
 *
 * <p>{@link #sortableKey(AttributeValue)} returns a string whose UTF-8 order (the order of
 * {@code PersistentMap} keys, see {@link Utf8Order}) equals DynamoDB's order of the values, and that
 * never contains U+0000, so it can be a part of a {@code KeyRanges.compose(hash, range)} key:
 * <ul>
 *   <li>S: the string with U+0000 escaped as U+0001 U+0001 and U+0001 as U+0001 U+0002 (order kept).</li>
 *   <li>B: each byte b as the character (b + 1) (U+0001..U+0100), so unsigned byte order is kept.</li>
 *   <li>N: a sign class ('0' negative, '1' zero, '2' positive), then for positives a 3-digit biased
 *       exponent and the significant digits; for negatives the exponent and digits are complemented
 *       (999 - e, 9 - d) and terminated by '~' so that longer digit strings sort lower.</li>
 * </ul>
 */
public final class KeyOrder {
    /** Orders two values of the same scalar key type (S, N or B); mixed types order by type name. */
    public static final Comparator<AttributeValue> COMPARATOR = KeyOrder::compare;

    /** Exponent bias: exponents of valid numbers lie in -129..126. */
    private static final int BIAS = 500;

    private KeyOrder() {
    }

    public static int compare(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
            return Utf8Order.compare(x.value(), y.value());
        }
        if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
            return x.value().equals(y.value()) ? 0 : x.decimal().compareTo(y.decimal());
        }
        if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
            return Bytes.compareUnsigned(x.value(), y.value());
        }
        return a.type().compareTo(b.type());
    }

    /** The order-preserving encoding of an S, N or B value (see the class comment). */
    public static String sortableKey(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return escapeString(s.value());
        }
        if (value instanceof AttributeValue.N n) {
            return encodeNumber(n.value());
        }
        if (value instanceof AttributeValue.B b) {
            byte[] bytes = b.value();
            char[] chars = new char[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                chars[i] = (char) ((bytes[i] & 0xFF) + 1);
            }
            return new String(chars);
        }
        throw new IllegalArgumentException("not a key type: " + value.type());
    }

    private static String escapeString(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) > '\u0001') {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n + 8).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\u0000') {
                sb.append('\u0001').append('\u0001');
            } else if (c == '\u0001') {
                sb.append('\u0001').append('\u0002');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String encodeNumber(String canonical) {
        BigDecimal d = new BigDecimal(canonical);
        int sign = d.signum();
        if (sign == 0) {
            return "1";
        }
        BigDecimal stripped = d.abs().stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        int exp = stripped.precision() - stripped.scale() + BIAS;
        StringBuilder sb = new StringBuilder(digits.length() + 5);
        if (sign > 0) {
            sb.append('2');
            appendExponent(sb, exp);
            sb.append(digits);
        } else {
            sb.append('0');
            appendExponent(sb, 999 - exp);
            for (int i = 0; i < digits.length(); i++) {
                sb.append((char) ('9' - digits.charAt(i) + '0'));
            }
            sb.append('~');
        }
        return sb.toString();
    }

    private static void appendExponent(StringBuilder sb, int e) {
        if (e < 100) {
            sb.append('0');
        }
        if (e < 10) {
            sb.append('0');
        }
        sb.append(e);
    }
}
