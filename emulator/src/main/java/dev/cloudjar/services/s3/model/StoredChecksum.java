package dev.cloudjar.services.s3.model;

/**
 * A flexible checksum as S3 keeps it: the algorithm ({@code CRC32}, ...), the base64 value (with a
 * {@code -N} suffix for composite multipart checksums) and the type, {@code FULL_OBJECT} or
 * {@code COMPOSITE}.
 */
public record StoredChecksum(String algorithm, String value, String type) {
    public boolean composite() {
        return "COMPOSITE".equals(type);
    }
}
