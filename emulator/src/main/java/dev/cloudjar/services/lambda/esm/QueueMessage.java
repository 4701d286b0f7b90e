package dev.cloudjar.services.lambda.esm;

import java.util.Map;

/**
 * A received SQS message: {@code attributes} are the system attributes (ApproximateReceiveCount,
 * SentTimestamp, SenderId, ApproximateFirstReceiveTimestamp, and for FIFO MessageGroupId...).
 */
public record QueueMessage(String messageId, String receiptHandle, String body, Map<String, String> attributes,
                           Map<String, Attribute> messageAttributes, String md5OfBody) {

    /** A message attribute: DataType plus a string or binary value. */
    public record Attribute(String dataType, String stringValue, byte[] binaryValue) {
    }
}
