package dev.cloudjar.services.sns;

import java.util.Map;

/** One entry of PublishBatch, with the member names of {@code PublishBatchRequestEntry}. */
public record PublishBatchEntry(String id, String message, String subject, String messageStructure,
                                Map<String, SnsMessageAttribute> messageAttributes, String messageGroupId,
                                String messageDeduplicationId) {
}
