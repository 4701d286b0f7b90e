package dev.cloudjar.services.dynamodb.model;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Byte-array helpers for binary values: content sets and unsigned order. */
final class Bytes {
    private Bytes() {
    }

    /** The arrays as a set of content-compared buffers (ByteBuffer equality is by remaining content). */
    static Set<ByteBuffer> wrapAll(List<byte[]> values) {
        Set<ByteBuffer> set = new HashSet<>(values.size() * 2);
        for (byte[] b : values) {
            set.add(ByteBuffer.wrap(b));
        }
        return set;
    }

    static int compareUnsigned(byte[] a, byte[] b) {
        return java.util.Arrays.compareUnsigned(a, b);
    }

    static boolean startsWith(byte[] value, byte[] prefix) {
        return prefix.length <= value.length
                && java.util.Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }
}
