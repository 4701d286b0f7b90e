package dev.cloudjar.persistence;

import java.util.function.Supplier;

/** Opens the real store on first use, so that starting CloudJar does not load MapDB. */
public final class LazyStateStore implements StateStore {
    private final Supplier<StateStore> opener;
    private final boolean durable;
    private volatile StateStore store;

    public LazyStateStore(Supplier<StateStore> opener, boolean durable) {
        this.opener = opener;
        this.durable = durable;
    }

    private StateStore store() {
        StateStore current = store;
        if (current == null) {
            synchronized (this) {
                current = store;
                if (current == null) {
                    current = opener.get();
                    store = current;
                }
            }
        }
        return current;
    }

    @Override
    public <V> PersistentMap<V> map(String name, Class<V> valueType) {
        return store().map(name, valueType);
    }

    @Override
    public BlobStore blobs() {
        return store().blobs();
    }

    @Override
    public boolean durable() {
        return durable;
    }

    @Override
    public void awaitDurable() {
        StateStore current = store;
        if (current != null) {
            current.awaitDurable();
        }
    }

    @Override
    public void clear() {
        StateStore current = store;
        if (current != null) {
            current.clear();
        }
    }

    @Override
    public void close() {
        StateStore current = store;
        if (current != null) {
            current.close();
        }
    }
}
