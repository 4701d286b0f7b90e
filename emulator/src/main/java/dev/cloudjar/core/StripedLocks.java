package dev.cloudjar.core;

import java.util.concurrent.locks.ReentrantLock;

/** A fixed set of locks chosen by key hash: per-key mutual exclusion without a lock per key. */
public final class StripedLocks {
    private final ReentrantLock[] locks;

    public StripedLocks(int stripes) {
        int size = Integer.highestOneBit(Math.max(1, stripes - 1)) << 1;
        locks = new ReentrantLock[size];
        for (int i = 0; i < size; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public ReentrantLock lockFor(Object key) {
        int h = key.hashCode();
        h ^= (h >>> 16);
        return locks[h & (locks.length - 1)];
    }
}
