package dev.cloudjar.protocol;

import java.io.IOException;
import java.io.InputStream;

/** A stream that reads in blocks only: its single-byte {@code read()} is one block read of length one. */
public abstract class BlockInputStream extends InputStream {
    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public abstract int read(byte[] buffer, int offset, int length) throws IOException;
}
