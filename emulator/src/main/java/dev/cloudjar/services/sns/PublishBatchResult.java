package dev.cloudjar.services.sns;

import java.util.List;

/** PublishBatch's output: {@code Successful} and {@code Failed} entries. */
public record PublishBatchResult(List<Success> successful, List<Failure> failed) {
    public record Success(String id, String messageId, String sequenceNumber) {
    }

    public record Failure(String id, String code, String message, boolean senderFault) {
    }
}
