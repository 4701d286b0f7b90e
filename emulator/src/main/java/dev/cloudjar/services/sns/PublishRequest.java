package dev.cloudjar.services.sns;

import java.util.Map;

/**
 * Publish's input. {@code messageAttributes} keeps the caller's order. {@code emulatorEndpoint} is
 * CloudJar's base URL as the caller addressed it (for UnsubscribeURL); null means the configured one.
 */
public record PublishRequest(String topicArn, String targetArn, String phoneNumber, String message, String subject,
                             String messageStructure, Map<String, SnsMessageAttribute> messageAttributes,
                             String messageGroupId, String messageDeduplicationId, String emulatorEndpoint) {
}
