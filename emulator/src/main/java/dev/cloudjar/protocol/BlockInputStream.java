package dev.cloudjar.protocol;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that reads in blocks only: its one-byte read is one block read of length one, so the body decoders
 * (aws-chunked, signed chunks, multipart form parts) implement a single read.
 */
public abstract class BlockInputStream extends InputStream {
    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public final int read(byte[] b, int off, int len) throws IOException {
        return len == 0 ? 0 : readSome(b, off, len);
    }

    /** Reads at least one byte into {@code b} (len > 0), or returns -1 at the end. */
    protected abstract int readSome(byte[] b, int off, int len) throws IOException;
}
