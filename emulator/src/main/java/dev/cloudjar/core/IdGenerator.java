package dev.cloudjar.core;

/** Source of identifiers; injected so that tests can make them predictable. */
public interface IdGenerator {
    /** A random version-4 UUID string, lower case. */
    String uuid();

    /** {@code bytes} random bytes as lower-case hex. */
    String hex(int bytes);

    /** A strictly increasing number, unique for this process. */
    long sequence();

    static IdGenerator random() {
        return new RandomIdGenerator();
    }
}
