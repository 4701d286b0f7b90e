package dev.cloudjar.services.sqs.engine;

import java.util.List;

/**
 * One message attribute as SQS stores it: a data type ({@code String}, {@code Number}, {@code Binary},
 * optionally with a custom suffix such as {@code Number.float}) and a string or binary value. The
 * list values exist in the API model but AWS rejects them; they are kept for faithful digests.
 */
public record MessageAttribute(String dataType, String stringValue, byte[] binaryValue,
                               List<String> stringListValues, List<byte[]> binaryListValues) {

    public static MessageAttribute string(String dataType, String value) {
        return new MessageAttribute(dataType, value, null, null, null);
    }

    public static MessageAttribute binary(String dataType, byte[] value) {
        return new MessageAttribute(dataType, null, value, null, null);
    }

    /** The base type: the part before the first '.' ({@code Number} for {@code Number.float}). */
    public String baseType() {
        int dot = dataType.indexOf('.');
        return dot < 0 ? dataType : dataType.substring(0, dot);
    }

    /** Bytes this attribute counts towards the maximum message size: name, type and value. */
    public long size(String name) {
        long size = utf8Length(name) + utf8Length(dataType);
        if (stringValue != null) {
            size += utf8Length(stringValue);
        }
        if (binaryValue != null) {
            size += binaryValue.length;
        }
        return size;
    }

    static long utf8Length(String s) {
        if (s == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
