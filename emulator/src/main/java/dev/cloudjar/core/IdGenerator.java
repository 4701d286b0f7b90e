package dev.cloudjar.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Source of identifiers; injected so that tests can make them predictable. */
public interface IdGenerator {
    String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** A random version-4 UUID string, lower case. */
    String uuid();

    /** {@code bytes} random bytes as lower-case hex. */
    String hex(int bytes);

    /** A strictly increasing number, unique for this process. */
    long sequence();

    /**
     * {@code length} characters of AWS's unique-id alphabet (upper-case base32, A-Z and 2-7), as in
     * role ids ({@code AROA...}) and access key ids ({@code AKIA...}, {@code ASIA...}).
     */
    default String base32(int length) {
        return IdGenerator.spell(hex(length), BASE32, length);
    }

    /** {@code length} characters of base64 text without padding: secret access keys, session tokens. */
    default String secret(int length) {
        return IdGenerator.spell(hex(length), BASE64, length);
    }

    /** Each random byte (two hex digits) picks one character of the alphabet, whose size is a power of two. */
    private static String spell(String hex, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(Integer.parseInt(hex, 2 * i, 2 * i + 2, 16) & (alphabet.length() - 1)));
        }
        return out.toString();
    }

    /** {@code length} (at most 32) characters of the base32 alphabet derived from a seed: the same seed, the same id. */
    static String base32Of(String seed, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                id.append(BASE32.charAt(digest[i] & 31));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static IdGenerator random() {
        return new RandomIdGenerator();
    }
}
