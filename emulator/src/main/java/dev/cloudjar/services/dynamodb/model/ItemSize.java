package dev.cloudjar.services.dynamodb.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * DynamoDB's item size as AWS computes it for the 400 KB limit and capacity units: the sum over
 * attributes of the UTF-8 length of the name plus the size of the value. Strings are UTF-8 bytes,
 * binaries raw bytes, BOOL and NULL 1 byte, numbers 1 byte of exponent plus 1 byte per pair of
 * significant digits (aligned on the decimal point, as DynamoDB stores base-100 digits) plus 1 for a
 * negative sign, lists and maps 3 bytes plus 1 byte per element plus their elements, and sets the sum of
 * their elements.
 */
public final class ItemSize {
    /** 400 KB in binary units. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;
    public static final String TOO_LARGE = "Item size has exceeded the maximum allowed size";
    public static final String UPDATE_TOO_LARGE = "Item size to update has exceeded the maximum allowed size";

    private ItemSize() {
    }

    /** The size in bytes of an item. */
    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8Length(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    /** Throws AWS's "Item size has exceeded the maximum allowed size" for a PutItem-style write. */
    public static long check(Map<String, AttributeValue> item) {
        long size = of(item);
        if (size > MAX_ITEM_BYTES) {
            throw DynamoDbValidation.error(TOO_LARGE);
        }
        return size;
    }

    /** Throws AWS's "Item size to update has exceeded the maximum allowed size" for an update result. */
    public static long checkUpdate(Map<String, AttributeValue> item) {
        long size = of(item);
        if (size > MAX_ITEM_BYTES) {
            throw DynamoDbValidation.error(UPDATE_TOO_LARGE);
        }
        return size;
    }

    /** The size in bytes of one value (without an attribute name). */
    public static long of(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return utf8Length(s.value());
        }
        if (value instanceof AttributeValue.N n) {
            return numberSize(n.value());
        }
        if (value instanceof AttributeValue.B b) {
            return b.value().length;
        }
        if (value instanceof AttributeValue.BOOL || value instanceof AttributeValue.NULL) {
            return 1;
        }
        if (value instanceof AttributeValue.L l) {
            long size = 3;
            for (AttributeValue v : l.values()) {
                size += 1 + of(v);
            }
            return size;
        }
        if (value instanceof AttributeValue.M m) {
            long size = 3;
            for (Map.Entry<String, AttributeValue> e : m.values().entrySet()) {
                size += 1 + utf8Length(e.getKey()) + of(e.getValue());
            }
            return size;
        }
        if (value instanceof AttributeValue.SS ss) {
            long size = 0;
            for (String s : ss.values()) {
                size += utf8Length(s);
            }
            return size;
        }
        if (value instanceof AttributeValue.NS ns) {
            long size = 0;
            for (String s : ns.values()) {
                size += numberSize(s);
            }
            return size;
        }
        long size = 0;
        for (byte[] b : ((AttributeValue.BS) value).values()) {
            size += b.length;
        }
        return size;
    }

    /** Size of a canonical number: exponent byte + base-100 digit pairs + 1 if negative. */
    static int numberSize(String canonical) {
        BigDecimal d = new BigDecimal(canonical);
        if (d.signum() == 0) {
            return 1;
        }
        BigDecimal stripped = d.stripTrailingZeros();
        int digits = stripped.precision();
        // Position of the decimal point relative to the first digit: value = 0.d1d2.. x 10^exp.
        int exp = stripped.precision() - stripped.scale();
        // Base-100 digits align on even powers of ten; an odd exponent puts a leading pad digit in front.
        int padded = digits + (Math.floorMod(exp, 2) == 1 ? 1 : 0);
        int pairs = (padded + 1) / 2;
        return 1 + pairs + (d.signum() < 0 ? 1 : 0);
    }

    public static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2; // 4 bytes for the pair of 2 chars
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
