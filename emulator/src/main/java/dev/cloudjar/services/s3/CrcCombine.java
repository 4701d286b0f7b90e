package dev.cloudjar.services.s3;

/**
 * Combines CRCs of consecutive byte runs into the CRC of their concatenation without the bytes
 * (zlib's {@code crc32_combine}, generalised to the reflected CRC-32, CRC-32C and CRC-64/NVME S3
 * uses). This is how a FULL_OBJECT multipart checksum is computed from the parts' checksums.
 */
final class CrcCombine {
    private final long poly;
    private final int width;

    private CrcCombine(long poly, int width) {
        this.poly = poly;
        this.width = width;
    }

    /** The combiner for a flexible checksum algorithm name, or null when it is not a CRC. */
    static CrcCombine forAlgorithm(String algorithm) {
        if (algorithm == null) {
            return null;
        }
        switch (algorithm) {
            case "CRC32": return new CrcCombine(0xEDB88320L, 32);
            case "CRC32C": return new CrcCombine(0x82F63B78L, 32);
            case "CRC64NVME": return new CrcCombine(0x9A6C9329AC4BC9B5L, 64);
            default: return null;
        }
    }

    int bytes() {
        return width / 8;
    }

    /** CRC of A followed by B, from CRC(A), CRC(B) and B's length. */
    long combine(long crcA, long crcB, long lengthB) {
        if (lengthB <= 0) {
            return crcA;
        }
        long[] even = new long[width];
        long[] odd = new long[width];
        odd[0] = poly;
        long row = 1;
        for (int n = 1; n < width; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd);
        square(odd, even);
        long crc = crcA;
        long remaining = lengthB;
        do {
            square(even, odd);
            if ((remaining & 1) != 0) {
                crc = times(even, crc);
            }
            remaining >>>= 1;
            if (remaining == 0) {
                break;
            }
            square(odd, even);
            if ((remaining & 1) != 0) {
                crc = times(odd, crc);
            }
            remaining >>>= 1;
        } while (remaining != 0);
        return crc ^ crcB;
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        int i = 0;
        long v = vector;
        while (v != 0) {
            if ((v & 1) != 0) {
                sum ^= matrix[i];
            }
            v >>>= 1;
            i++;
        }
        return sum;
    }

    private void square(long[] square, long[] matrix) {
        for (int n = 0; n < width; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }

    long fromBytes(byte[] value) {
        long v = 0;
        for (byte b : value) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }

    byte[] toBytes(long value) {
        byte[] out = new byte[bytes()];
        long v = value;
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = (byte) v;
            v >>>= 8;
        }
        return out;
    }
}
