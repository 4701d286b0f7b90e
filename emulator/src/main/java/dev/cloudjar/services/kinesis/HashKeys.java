package dev.cloudjar.services.kinesis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The 128-bit hash key space: MD5 of a partition key, as AWS maps records to shards, and even splits of it. */
final class HashKeys {
    static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private HashKeys() {
    }

    static BigInteger of(String partitionKey) {
        try {
            return new BigInteger(1, MessageDigest.getInstance("MD5").digest(partitionKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    /** The first hash key of part {@code i} of {@code n} equal parts. */
    static BigInteger start(int i, int n) {
        return MAX.add(BigInteger.ONE).multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(n));
    }

    /** The last hash key of part {@code i} of {@code n}. */
    static BigInteger end(int i, int n) {
        return i == n - 1 ? MAX : start(i + 1, n).subtract(BigInteger.ONE);
    }

    /** A decimal hash key within [0, 2^128-1], or null when the text is not one. */
    static BigInteger parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 39 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        BigInteger value = new BigInteger(text);
        return value.compareTo(MAX) > 0 ? null : value;
    }

    static boolean contains(String start, String end, BigInteger key) {
        return new BigInteger(start).compareTo(key) <= 0 && key.compareTo(new BigInteger(end)) <= 0;
    }
}
