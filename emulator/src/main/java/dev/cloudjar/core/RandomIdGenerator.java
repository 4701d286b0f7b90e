package dev.cloudjar.core;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** The production {@link IdGenerator}: fast non-cryptographic randomness is enough for local ids. */
final class RandomIdGenerator implements IdGenerator {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);

    @Override
    public String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    @Override
    public String hex(int bytes) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[bytes * 2];
        for (int i = 0; i < bytes; i++) {
            int b = random.nextInt(256);
            out[2 * i] = HEX[b >>> 4];
            out[2 * i + 1] = HEX[b & 0xF];
        }
        return new String(out);
    }

    @Override
    public long sequence() {
        return sequence.incrementAndGet();
    }
}
