package dev.cloudjar.services.sqs.engine;

import java.util.List;

/** A batch call's outcome: HTTP 200 with per-entry successes and failures. */
public record BatchResult<T>(List<Success<T>> successful, List<Failure> failed) {

    /** One batch request entry: the caller's {@code Id} and the entry's content. */
    public record Entry<T>(String id, T value) {
    }

    public record Success<T>(String id, T value) {
    }

    /** A failed entry as AWS reports it ({@code Code} is the legacy Query code). */
    public record Failure(String id, boolean senderFault, String code, String message) {
    }
}
