package dev.cloudjar.services.s3;

/**
 * Parses the single-range {@code Range: bytes=...} forms S3 supports: {@code a-b} (end clamped to the
 * object), {@code a-} (open) and {@code -n} (suffix). Syntax S3 does not understand (several ranges,
 * other units, garbage) is ignored and the whole object is returned, as S3 does.
 */
final class ByteRanges {
    private ByteRanges() {
    }

    /** {start, endInclusive}, or null to ignore the header; throws InvalidRange when unsatisfiable. */
    static long[] parse(String header, long size) {
        if (header == null) {
            return null;
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return null;
        }
        String spec = value.substring(6).trim();
        if (spec.indexOf(',') >= 0) {
            return null;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String first = spec.substring(0, dash).trim();
        String last = spec.substring(dash + 1).trim();
        if (first.isEmpty()) {
            long suffix = number(last);
            if (suffix < 0) {
                return null;
            }
            if (suffix == 0 || size == 0) {
                throw S3Errors.invalidRange(size, header);
            }
            return new long[] {Math.max(0, size - suffix), size - 1};
        }
        long start = number(first);
        if (start < 0) {
            return null;
        }
        long end;
        if (last.isEmpty()) {
            end = size - 1;
        } else {
            end = number(last);
            if (end < 0 || end < start) {
                return null;
            }
        }
        if (start >= size) {
            throw S3Errors.invalidRange(size, header);
        }
        return new long[] {start, Math.min(end, size - 1)};
    }

    private static long number(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
