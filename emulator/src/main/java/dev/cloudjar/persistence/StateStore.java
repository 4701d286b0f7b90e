package dev.cloudjar.persistence;

/**
 * The port through which backends keep state. Backends ask for named maps of plain records; the
 * store decides where the bytes live (memory, or files under {@code --data-dir}) and how they are
 * encoded (JSON), so that no backend knows about MapDB.
 */
public interface StateStore extends AutoCloseable {

    /** A sorted map of records of one type, created on first use and reopened after a restart. */
    <V> PersistentMap<V> map(String name, Class<V> valueType);

    /** Bytes too big for the heap: object bodies and function code. */
    BlobStore blobs();

    /** True when state survives a restart. */
    boolean durable();

    /**
     * Blocks until every write this thread has made is on disk (a no-op in memory). The gateway calls
     * it before acknowledging a request, so many concurrent writes share one disk sync.
     */
    void awaitDurable();

    /** Deletes all state (used by reset and by tests). */
    void clear();

    @Override
    void close();
}
