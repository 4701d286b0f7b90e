package dev.cloudjar.services.sqs.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MD5 digests SQS returns and the SDKs recompute ({@code MD5OfMessageBody},
 * {@code MD5OfMessageAttributes}, {@code MD5OfMessageSystemAttributes}): the attribute digest is over
 * the names in sorted order, each as length-prefixed name, length-prefixed data type, one transport
 * byte (1 string, 2 binary, 3 string list, 4 binary list) and the length-prefixed value(s).
 */
public final class MessageDigests {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private MessageDigests() {
    }

    public static String md5Hex(String text) {
        MessageDigest md5 = MD5.get();
        md5.reset();
        return hex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Hex SHA-256 of the body: the content-based deduplication id of FIFO queues. */
    public static String sha256Hex(String text) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        return hex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The attribute digest, or null when there are no attributes (AWS then omits the field). */
    public static String md5OfAttributes(Map<String, MessageAttribute> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        Map<String, MessageAttribute> sorted = attributes instanceof TreeMap ? attributes : new TreeMap<>(attributes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        for (Map.Entry<String, MessageAttribute> e : sorted.entrySet()) {
            MessageAttribute value = e.getValue();
            writeString(out, e.getKey());
            writeString(out, value.dataType());
            if (value.stringValue() != null) {
                out.write(1);
                writeString(out, value.stringValue());
            } else if (value.binaryValue() != null) {
                out.write(2);
                writeBytes(out, value.binaryValue());
            } else if (value.stringListValues() != null && !value.stringListValues().isEmpty()) {
                out.write(3);
                for (String s : value.stringListValues()) {
                    writeString(out, s);
                }
            } else if (value.binaryListValues() != null && !value.binaryListValues().isEmpty()) {
                out.write(4);
                for (byte[] b : value.binaryListValues()) {
                    writeBytes(out, b);
                }
            }
        }
        MessageDigest md5 = MD5.get();
        md5.reset();
        return hex(md5.digest(out.toByteArray()));
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        int n = bytes.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.write(bytes, 0, n);
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }
}
