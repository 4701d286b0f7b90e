package dev.cloudjar.protocol.auth;

import dev.cloudjar.protocol.BlockInputStream;
import dev.cloudjar.core.AwsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Checks the signatures of a signed {@code aws-chunked} body ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}
 * and its {@code -TRAILER} form) while it streams, and passes the body on byte for byte, framing included,
 * so the service decodes it as before. Each chunk's signature chains from the previous one, the first from
 * the request's seed signature; the trailer signature covers the trailer lines after the final chunk.
 * A chunk is checked once its last byte is read, before the next one is, so a reader that stops at the
 * first failure has stored nothing that was not signed; the final chunk and the trailer are checked
 * before the end of the stream is reported.
 */
public final class SignedChunkStream extends BlockInputStream {
    private static final String EMPTY_HASH = SigV4.sha256Hex(new byte[0]);
    private static final int MAX_LINE = 4096;

    private enum State { HEADER, DATA, AFTER_DATA, TRAILERS, TAIL }

    /** What the chain is signed with: the seed request's date, scope and signing key inputs. */
    public record Seed(String secret, String amzDate, String scopeDate, String region, String service, String signature) {
        String scope() {
            return scopeDate + "/" + region + "/" + service + "/aws4_request";
        }
    }

    private final InputStream in;
    private final Seed seed;
    private final boolean trailer;
    private final BiFunction<String, String, AwsException> mismatch;
    private final MessageDigest digest = Checksums.messageDigest("SHA-256");
    private final TreeMap<String, String> trailers = new TreeMap<>();
    private String previous;
    private String chunkSignature;
    private String trailerSignature;
    private State state = State.HEADER;
    private long remaining;
    private byte[] pending = new byte[0];
    private int pendingPos;
    private int lastRead;

    /**
     * {@code mismatch} builds the service's refusal from the string to sign CloudJar computed and the
     * signature the client sent (null when it sent none).
     */
    public SignedChunkStream(InputStream in, Seed seed, boolean trailer, BiFunction<String, String, AwsException> mismatch) {
        this.in = new java.io.BufferedInputStream(in, 64 * 1024);
        this.seed = seed;
        this.trailer = trailer;
        this.mismatch = mismatch;
        this.previous = seed.signature().toLowerCase(Locale.ROOT);
    }

    /** True for the {@code x-amz-content-sha256} values whose chunks carry signatures. */
    public static boolean signedChunks(String contentSha256) {
        return "STREAMING-AWS4-HMAC-SHA256-PAYLOAD".equals(contentSha256) || "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER".equals(contentSha256);
    }

    @Override
    protected int readSome(byte[] b, int off, int len) throws IOException {
        while (pendingPos == pending.length) {
            if (!advance(b, off, len)) {
                return lastRead;
            }
        }
        int n = Math.min(len, pending.length - pendingPos);
        System.arraycopy(pending, pendingPos, b, off, n);
        pendingPos += n;
        return n;
    }

    /** Moves the framing on by one step: false when {@code lastRead} holds what read() returns (data read straight into b, or -1). */
    private boolean advance(byte[] b, int off, int len) throws IOException {
        switch (state) {
            case HEADER -> {
                byte[] line = line();
                if (line == null) {
                    lastRead = -1; // cut off: the decoder behind reports the incomplete body
                    return false;
                }
                header(new String(line, StandardCharsets.ISO_8859_1).trim());
                hold(line);
            }
            case DATA -> {
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    lastRead = -1;
                    return false;
                }
                digest.update(b, off, n);
                remaining -= n;
                if (remaining == 0) {
                    state = State.AFTER_DATA;
                }
                lastRead = n;
                return false;
            }
            case AFTER_DATA -> {
                byte[] line = line();
                if (line == null) {
                    lastRead = -1;
                    return false;
                }
                verifyChunk(HexFormat.of().formatHex(digest.digest()));
                state = State.HEADER;
                hold(line);
            }
            case TRAILERS -> {
                byte[] line = line();
                String text = line == null ? "" : new String(line, StandardCharsets.ISO_8859_1).trim();
                if (text.isEmpty()) {
                    if (trailer) {
                        verifyTrailer();
                    }
                    state = State.TAIL;
                } else {
                    int colon = text.indexOf(':');
                    String name = (colon < 0 ? text : text.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
                    String value = colon < 0 ? "" : text.substring(colon + 1).trim();
                    if (name.equals("x-amz-trailer-signature")) {
                        trailerSignature = value;
                    } else {
                        trailers.put(name, value);
                    }
                }
                if (line == null) {
                    lastRead = -1;
                    return false;
                }
                hold(line);
            }
            case TAIL -> {
                lastRead = in.read(b, off, len);
                return false;
            }
            default -> throw new IllegalStateException(state.name());
        }
        return true;
    }

    private void header(String line) {
        int semicolon = line.indexOf(';');
        String sizeText = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
        chunkSignature = null;
        if (semicolon >= 0) {
            String extension = line.substring(semicolon + 1).trim();
            if (extension.startsWith("chunk-signature=")) {
                chunkSignature = extension.substring("chunk-signature=".length()).trim();
            }
        }
        try {
            remaining = Long.parseLong(sizeText, 16);
        } catch (NumberFormatException e) {
            throw new AwsException(400, "IncompleteBody", "The request body is not valid aws-chunked framing.");
        }
        if (remaining < 0) {
            throw new AwsException(400, "IncompleteBody", "The request body is not valid aws-chunked framing.");
        }
        if (remaining == 0) {
            verifyChunk(EMPTY_HASH);
            state = State.TRAILERS;
        } else {
            state = State.DATA;
        }
    }

    private void verifyChunk(String dataHash) {
        String stringToSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + seed.amzDate() + "\n" + seed.scope() + "\n" + previous + "\n"
                + EMPTY_HASH + "\n" + dataHash;
        previous = check(stringToSign, chunkSignature);
    }

    private void verifyTrailer() {
        StringBuilder canonical = new StringBuilder();
        trailers.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
        String stringToSign = "AWS4-HMAC-SHA256-TRAILER\n" + seed.amzDate() + "\n" + seed.scope() + "\n" + previous + "\n"
                + SigV4.sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
        previous = check(stringToSign, trailerSignature);
    }

    private String check(String stringToSign, String provided) {
        String expected = SigV4.hmacHex(seed.secret(), seed.scopeDate(), seed.region(), seed.service(), stringToSign);
        if (!SigV4.same(expected, provided)) {
            throw mismatch.apply(stringToSign, provided);
        }
        return expected;
    }

    private void hold(byte[] line) {
        pending = line;
        pendingPos = 0;
    }

    /** The next line with its line end, or null at the end of the stream before any byte. */
    private byte[] line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int c = in.read();
            if (c < 0) {
                return line.size() == 0 ? null : line.toByteArray();
            }
            line.write(c);
            if (c == '\n') {
                return line.toByteArray();
            }
            if (line.size() > MAX_LINE) {
                throw new AwsException(400, "IncompleteBody", "The request body is not valid aws-chunked framing.");
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
