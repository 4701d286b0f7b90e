package dev.cloudjar.bench;

import java.io.OutputStream;

/** Discards everything written to it: bodies are read to the end (so timing is honest) and dropped. */
final class OutputStreamSink extends OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {
    }

    @Override
    public void write(byte[] b, int off, int len) {
    }
}
