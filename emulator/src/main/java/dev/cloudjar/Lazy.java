package dev.cloudjar;

import java.util.function.Supplier;

/** A value built on first use: CloudJar starts fast because no service is built until it is called. */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private volatile T value;

    Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = factory.get();
                    value = current;
                }
            }
        }
        return current;
    }

    boolean isBuilt() {
        return value != null;
    }

    /** Returns the built value (or null) and forgets it, so the next get() builds afresh. */
    synchronized T clear() {
        T current = value;
        value = null;
        return current;
    }
}
