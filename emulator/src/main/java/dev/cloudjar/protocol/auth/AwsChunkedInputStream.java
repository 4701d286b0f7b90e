package dev.cloudjar.protocol.auth;

import dev.cloudjar.protocol.BlockInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes an {@code aws-chunked} body ({@code hex-size[;chunk-signature=..]\r\n data \r\n} ... a zero
 * chunk, then optional {@code name:value\r\n} trailer lines and an empty line) into the payload bytes.
 * Chunk signatures are read and not verified. Trailer headers (the flexible checksum, the trailer
 * signature) are available from {@link #trailers()} once the stream has reached its end.
 */
public final class AwsChunkedInputStream extends BlockInputStream {
    /** A chunk header or trailer line longer than this is malformed (signatures are ~100 bytes). */
    private static final int MAX_LINE = 4096;

    /** Thrown when the body is not valid aws-chunked framing. */
    public static final class MalformedChunkException extends IOException {
        public MalformedChunkException(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long chunkRemaining;
    private boolean finished;
    private boolean needChunkHeader = true;
    private final Map<String, String> trailers = new LinkedHashMap<>();

    public AwsChunkedInputStream(InputStream in) {
        this.in = in;
    }

    /** True when the request's headers say its body is aws-chunked (PROTOCOLS 4.1). */
    public static boolean isAwsChunked(String contentEncoding, String contentSha256) {
        if (contentSha256 != null && contentSha256.startsWith("STREAMING-")) {
            return true;
        }
        return contentEncoding != null && contentEncoding.toLowerCase(Locale.ROOT).contains("aws-chunked");
    }

    /** Trailer headers by lower-case name; complete only after the stream returned -1. */
    public Map<String, String> trailers() {
        return Collections.unmodifiableMap(trailers);
    }

    public boolean finished() {
        return finished;
    }

    @Override
    protected int readSome(byte[] b, int off, int len) throws IOException {
        if (finished) {
            return -1;
        }
        if (needChunkHeader) {
            readChunkHeader();
            if (finished) {
                return -1;
            }
        }
        if (pos == limit && !fill()) {
            throw new MalformedChunkException("aws-chunked body ended inside a chunk");
        }
        int n = (int) Math.min(Math.min(len, limit - pos), chunkRemaining);
        System.arraycopy(buffer, pos, b, off, n);
        pos += n;
        chunkRemaining -= n;
        if (chunkRemaining == 0) {
            expectCrlf();
            needChunkHeader = true;
        }
        return n;
    }

    @Override
    public int available() {
        return finished || needChunkHeader ? 0 : (int) Math.min(limit - pos, chunkRemaining);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void readChunkHeader() throws IOException {
        String line = readLine();
        if (line == null) {
            throw new MalformedChunkException("aws-chunked body ended before its final chunk");
        }
        int semicolon = line.indexOf(';');
        String sizeText = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
        long size;
        try {
            size = Long.parseLong(sizeText, 16);
        } catch (NumberFormatException e) {
            throw new MalformedChunkException("invalid aws-chunked chunk size: " + sizeText);
        }
        if (size < 0) {
            throw new MalformedChunkException("negative aws-chunked chunk size");
        }
        needChunkHeader = false;
        if (size == 0) {
            readTrailers();
            finished = true;
        } else {
            chunkRemaining = size;
        }
    }

    private void readTrailers() throws IOException {
        while (true) {
            String line = readLine();
            if (line == null || line.isEmpty()) {
                return;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedChunkException("invalid aws-chunked trailer line");
            }
            trailers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
    }

    private void expectCrlf() throws IOException {
        int cr = nextByte();
        if (cr == '\n') {
            return;
        }
        int lf = nextByte();
        if (cr != '\r' || lf != '\n') {
            throw new MalformedChunkException("aws-chunked chunk not followed by CRLF");
        }
    }

    /** A CRLF (or LF) terminated line, or null at end of stream before any byte. */
    private String readLine() throws IOException {
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos == limit) {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(new String(buffer, start, pos - start, StandardCharsets.ISO_8859_1));
                if (!fill()) {
                    return sb.length() == 0 ? null : sb.toString();
                }
                start = pos;
            }
            byte c = buffer[pos++];
            if (c == '\n') {
                int end = pos - 1;
                String tail = new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
                String line = sb == null ? tail : sb.append(tail).toString();
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                return line;
            }
            if ((sb == null ? 0 : sb.length()) + pos - start > MAX_LINE) {
                throw new MalformedChunkException("aws-chunked header line too long");
            }
        }
    }

    private int nextByte() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buffer[pos++] & 0xFF;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
