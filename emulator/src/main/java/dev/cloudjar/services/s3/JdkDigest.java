package dev.cloudjar.services.s3;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The digests the backend computes itself (copies, composite multipart checksums), from the JDK
 * alone: MD5, SHA1, SHA256, CRC32, CRC32C. CRC64NVME is not here ({@link #forAlgorithm} returns null);
 * S3 allows it only as a full-object checksum, which uploads carry from the wire layer.
 */
final class JdkDigest {
    private final MessageDigest message;
    private final Checksum crc;

    private JdkDigest(MessageDigest message, Checksum crc) {
        this.message = message;
        this.crc = crc;
    }

    static JdkDigest md5() {
        return new JdkDigest(messageDigest("MD5"), null);
    }

    /** A digest for a flexible checksum algorithm name, or null when the backend cannot compute it. */
    static JdkDigest forAlgorithm(String algorithm) {
        if (algorithm == null) {
            return null;
        }
        switch (algorithm) {
            case "CRC32": return new JdkDigest(null, new CRC32());
            case "CRC32C": return new JdkDigest(null, new CRC32C());
            case "SHA1": return new JdkDigest(messageDigest("SHA-1"), null);
            case "SHA256": return new JdkDigest(messageDigest("SHA-256"), null);
            default: return null;
        }
    }

    void update(byte[] bytes, int offset, int length) {
        if (message != null) {
            message.update(bytes, offset, length);
        } else {
            crc.update(bytes, offset, length);
        }
    }

    byte[] finish() {
        if (message != null) {
            return message.digest();
        }
        long v = crc.getValue();
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    private static MessageDigest messageDigest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
