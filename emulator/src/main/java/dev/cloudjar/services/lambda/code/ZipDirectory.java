package dev.cloudjar.services.lambda.code;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a zip's central directory (entry names and declared uncompressed sizes) without inflating
 * anything, so checking a 50 MB package costs microseconds, not a full decompression. Returns null
 * for archives it does not read this way (ZIP64, no end record); callers then inflate instead.
 */
final class ZipDirectory {
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;

    record Entry(String name, long uncompressedSize) {
    }

    private ZipDirectory() {
    }

    static List<Entry> read(byte[] zip) {
        int end = findEnd(zip);
        if (end < 0) {
            return null;
        }
        int count = u16(zip, end + 10);
        long size = u32(zip, end + 12);
        long offset = u32(zip, end + 16);
        if (count == 0xFFFF || size == 0xFFFFFFFFL || offset == 0xFFFFFFFFL || offset + size > end) {
            return null;
        }
        List<Entry> entries = new ArrayList<>(count);
        int p = (int) offset;
        for (int i = 0; i < count; i++) {
            if (p + 46 > zip.length || (int) u32(zip, p) != ENTRY_SIGNATURE) {
                return null;
            }
            long uncompressed = u32(zip, p + 24);
            int nameLength = u16(zip, p + 28);
            int extraLength = u16(zip, p + 30);
            int commentLength = u16(zip, p + 32);
            if (uncompressed == 0xFFFFFFFFL || p + 46 + nameLength > zip.length) {
                return null;
            }
            String name = new String(zip, p + 46, nameLength, java.nio.charset.StandardCharsets.UTF_8);
            entries.add(new Entry(name, uncompressed));
            p += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    private static int findEnd(byte[] zip) {
        int min = Math.max(0, zip.length - 22 - 65535);
        for (int p = zip.length - 22; p >= min; p--) {
            if ((int) u32(zip, p) == END_SIGNATURE) {
                return p;
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int p) {
        return (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24;
    }
}
