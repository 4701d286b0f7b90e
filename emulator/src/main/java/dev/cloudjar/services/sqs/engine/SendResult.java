package dev.cloudjar.services.sqs.engine;

/** What SendMessage answers; the MD5s of absent parts are null, {@code sequenceNumber} only for FIFO. */
public record SendResult(String messageId, String md5OfMessageBody, String md5OfMessageAttributes,
                         String md5OfMessageSystemAttributes, String sequenceNumber) {
}
