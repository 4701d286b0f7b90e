package dev.cloudjar.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Large byte contents (object bodies, function code) as files named by generated ids only, never by
 * user input. Written to a temporary file and moved into place; streamed in and out.
 */
public interface BlobStore {
    /** Starts a new blob; write to {@link BlobSink#output()}, then commit or abort. */
    BlobSink create() throws IOException;

    InputStream open(String id) throws IOException;

    /** Opens {@code length} bytes starting at {@code offset}. */
    InputStream open(String id, long offset, long length) throws IOException;

    long size(String id) throws IOException;

    boolean exists(String id);

    void delete(String id);

    /** A blob being written. */
    interface BlobSink extends AutoCloseable {
        OutputStream output();

        /** Makes the blob readable under the returned id (durable first when the store is). */
        String commit() throws IOException;

        /** Discards what was written; safe after commit (then it does nothing). */
        void abort();

        @Override
        default void close() {
            abort();
        }
    }
}
