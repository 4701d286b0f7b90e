package dev.cloudjar.protocol.auth;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The digests AWS uses for payload integrity: MD5 (ETag, Content-MD5), SHA-256
 * (x-amz-content-sha256) and the S3 flexible checksums CRC32, CRC32C, CRC64NVME, SHA1, SHA256.
 * CRC values are big-endian bytes, as S3 puts them in base64 headers.
 */
public final class Checksums {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Checksums() {
    }

    /** A flexible checksum algorithm with its header name ({@code x-amz-checksum-crc32}). */
    public enum Algorithm {
        CRC32(4), CRC32C(4), CRC64NVME(8), SHA1(20), SHA256(32);

        private final int length;
        private final String header;

        Algorithm(int length) {
            this.length = length;
            this.header = "x-amz-checksum-" + name().toLowerCase(Locale.ROOT);
        }

        /** The value's length in bytes. */
        public int length() {
            return length;
        }

        public String header() {
            return header;
        }

        public Digest newDigest() {
            switch (this) {
                case CRC32: return new CrcDigest(new CRC32(), 4);
                case CRC32C: return new CrcDigest(new CRC32C(), 4);
                case CRC64NVME: return new CrcDigest(new Crc64Nvme(), 8);
                case SHA1: return new MessageDigestDigest(messageDigest("SHA-1"));
                default: return new MessageDigestDigest(messageDigest("SHA-256"));
            }
        }

        /** The algorithm named like {@code CRC32} / {@code crc32c} / {@code sha256}, or null. */
        public static Algorithm fromName(String name) {
            if (name == null) {
                return null;
            }
            switch (name.trim().toUpperCase(Locale.ROOT)) {
                case "CRC32": return CRC32;
                case "CRC32C": return CRC32C;
                case "CRC64NVME": return CRC64NVME;
                case "SHA1": return SHA1;
                case "SHA256": return SHA256;
                default: return null;
            }
        }
    }

    /** A running digest. */
    public interface Digest {
        void update(byte[] bytes, int offset, int length);

        /** The digest of everything so far (call once). */
        byte[] finish();

        default Digest update(byte[] bytes) {
            update(bytes, 0, bytes.length);
            return this;
        }
    }

    public static Digest md5() {
        return new MessageDigestDigest(messageDigest("MD5"));
    }

    public static Digest sha256() {
        return new MessageDigestDigest(messageDigest("SHA-256"));
    }

    public static byte[] md5(byte[] bytes) {
        return md5().update(bytes).finish();
    }

    public static byte[] sha256(byte[] bytes) {
        return sha256().update(bytes).finish();
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decodes base64, or returns null when the text is not valid base64. */
    public static byte[] base64DecodeOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /** Decodes lower- or upper-case hex, or returns null when the text is not hex of even length. */
    public static byte[] hexDecodeOrNull(String text) {
        if (text == null || (text.length() & 1) != 0) {
            return null;
        }
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(text.charAt(2 * i), 16);
            int lo = Character.digit(text.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    static MessageDigest messageDigest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without " + name, e);
        }
    }

    /** Feeds every byte read through to the given digests (nulls are skipped). */
    public static final class DigestingInputStream extends FilterInputStream {
        private final Digest[] digests;
        private long count;

        public DigestingInputStream(InputStream in, Digest... digests) {
            super(in);
            this.digests = digests;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                byte[] one = {(byte) b};
                feed(one, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                feed(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** Bytes read so far. */
        public long count() {
            return count;
        }

        private void feed(byte[] b, int off, int n) {
            count += n;
            for (Digest d : digests) {
                if (d != null) {
                    d.update(b, off, n);
                }
            }
        }
    }

    /** Feeds every byte written through to the given digests (nulls are skipped). */
    public static final class DigestingOutputStream extends FilterOutputStream {
        private final Digest[] digests;
        private long count;

        public DigestingOutputStream(OutputStream out, Digest... digests) {
            super(out);
            this.digests = digests;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
            for (Digest d : digests) {
                if (d != null) {
                    d.update(b, off, len);
                }
            }
        }

        public long count() {
            return count;
        }
    }

    private static final class CrcDigest implements Digest {
        private final Checksum checksum;
        private final int length;

        CrcDigest(Checksum checksum, int length) {
            this.checksum = checksum;
            this.length = length;
        }

        @Override
        public void update(byte[] bytes, int offset, int len) {
            checksum.update(bytes, offset, len);
        }

        @Override
        public byte[] finish() {
            long v = checksum.getValue();
            byte[] out = new byte[length];
            for (int i = length - 1; i >= 0; i--) {
                out[i] = (byte) v;
                v >>>= 8;
            }
            return out;
        }
    }

    private static final class MessageDigestDigest implements Digest {
        private final MessageDigest digest;

        MessageDigestDigest(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        public void update(byte[] bytes, int offset, int len) {
            digest.update(bytes, offset, len);
        }

        @Override
        public byte[] finish() {
            return digest.digest();
        }
    }
}
