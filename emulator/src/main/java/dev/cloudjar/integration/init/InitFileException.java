package dev.cloudjar.integration.init;

/**
 * A setup file CloudJar cannot apply: its message names the file and the entry (such as
 * {@code tables[1] "Transactions"}) and says what is wrong, and is meant to be shown as is. It has no
 * cause on purpose: the start-up error shows the innermost message, which must stay this one.
 */
public final class InitFileException extends RuntimeException {
    public InitFileException(String message) {
        super(message);
    }
}
