package dev.cloudjar.services.sqs.engine;

import java.util.Map;

/**
 * A message as ReceiveMessage returns it: the system {@code attributes} and {@code messageAttributes}
 * the caller asked for, and the MD5 of exactly those message attributes (null when none).
 */
public record ReceivedMessage(String messageId, String receiptHandle, String body, String md5OfBody,
                              Map<String, String> attributes, Map<String, MessageAttribute> messageAttributes,
                              String md5OfMessageAttributes) {
}
