package dev.cloudjar.services.dynamodb.model;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One DynamoDB attribute value. Records are immutable; equality is DynamoDB's equality: numbers are
 * kept in canonical text so equal numbers have equal text, binaries compare by content, and sets
 * compare as sets (order ignored). Use {@link AttributeValues} to read and write the JSON form.
 */
public sealed interface AttributeValue {

    /** The DynamoDB type descriptor: S, N, B, BOOL, NULL, L, M, SS, NS, BS. */
    String type();

    static S s(String value) {
        return new S(value);
    }

    static N n(String value) {
        return new N(value);
    }

    static N n(long value) {
        return new N(Long.toString(value));
    }

    /** String. Empty strings are legal outside keys. */
    record S(String value) implements AttributeValue {
        public S {
            if (value == null) {
                throw new IllegalArgumentException("null string");
            }
        }

        @Override
        public String type() {
            return "S";
        }
    }

    /**
     * Number in DynamoDB's canonical text (plain notation, no trailing or leading zeros, "0" for
     * zero). The constructor validates and normalizes: {@code new N("1.50").value()} is "1.5".
     */
    record N(String value) implements AttributeValue {
        public N {
            value = Numbers.canonical(value);
        }

        public BigDecimal decimal() {
            return new BigDecimal(value);
        }

        @Override
        public String type() {
            return "N";
        }
    }

    /** Binary. Equality and hash code by content; the array must not be modified after creation. */
    record B(byte[] value) implements AttributeValue {
        public B {
            if (value == null) {
                throw new IllegalArgumentException("null binary");
            }
        }

        @Override
        public String type() {
            return "B";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof B other && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "B[" + Base64.getEncoder().encodeToString(value) + "]";
        }
    }

    record BOOL(boolean value) implements AttributeValue {
        public static final BOOL TRUE = new BOOL(true);
        public static final BOOL FALSE = new BOOL(false);

        public static BOOL of(boolean b) {
            return b ? TRUE : FALSE;
        }

        @Override
        public String type() {
            return "BOOL";
        }
    }

    record NULL() implements AttributeValue {
        public static final NULL INSTANCE = new NULL();

        @Override
        public String type() {
            return "NULL";
        }
    }

    /** List; the list is copied into an unmodifiable list. */
    record L(List<AttributeValue> values) implements AttributeValue {
        public L {
            values = List.copyOf(values);
        }

        @Override
        public String type() {
            return "L";
        }
    }

    /** Map; insertion order is preserved (it is the order the client sent, and the order we render). */
    record M(Map<String, AttributeValue> values) implements AttributeValue {
        public M {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        @Override
        public String type() {
            return "M";
        }
    }

    /** String set; equality ignores order. Non-empty and duplicate-free is checked by the codec. */
    record SS(List<String> values) implements AttributeValue {
        public SS {
            values = List.copyOf(values);
        }

        @Override
        public String type() {
            return "SS";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SS other && values.size() == other.values.size()
                    && new HashSet<>(values).equals(new HashSet<>(other.values));
        }

        @Override
        public int hashCode() {
            return new HashSet<>(values).hashCode();
        }
    }

    /** Number set in canonical text (each element normalized like {@link N}); equality ignores order. */
    record NS(List<String> values) implements AttributeValue {
        public NS {
            String[] canon = new String[values.size()];
            for (int i = 0; i < canon.length; i++) {
                canon[i] = Numbers.canonical(values.get(i));
            }
            values = List.of(canon);
        }

        @Override
        public String type() {
            return "NS";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NS other && values.size() == other.values.size()
                    && new HashSet<>(values).equals(new HashSet<>(other.values));
        }

        @Override
        public int hashCode() {
            return new HashSet<>(values).hashCode();
        }
    }

    /** Binary set; equality by content, ignoring order. */
    record BS(List<byte[]> values) implements AttributeValue {
        public BS {
            values = List.copyOf(values);
        }

        @Override
        public String type() {
            return "BS";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BS other && values.size() == other.values.size()
                    && Bytes.wrapAll(values).equals(Bytes.wrapAll(other.values));
        }

        @Override
        public int hashCode() {
            return Bytes.wrapAll(values).hashCode();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("BS[");
            for (int i = 0; i < values.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(Base64.getEncoder().encodeToString(values.get(i)));
            }
            return sb.append(']').toString();
        }
    }
}
