package dev.cloudjar.services.sns;

/** Publish's output; {@code sequenceNumber} only for FIFO topics. */
public record PublishResult(String messageId, String sequenceNumber) {
}
