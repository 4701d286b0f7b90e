package dev.cloudjar.services.sqs.engine;

import java.util.List;

/**
 * One ReceiveMessage call. Null numbers mean "not given" (queue defaults apply).
 * {@code systemAttributeNames} merges the deprecated {@code AttributeNames} and
 * {@code MessageSystemAttributeNames}; {@code messageAttributeNames} may hold {@code All}, {@code .*}
 * and {@code prefix.*}.
 */
public record ReceiveRequest(Integer maxNumberOfMessages, Integer visibilityTimeout, Integer waitTimeSeconds,
                             List<String> systemAttributeNames, List<String> messageAttributeNames,
                             String receiveRequestAttemptId) {

    /** All attributes, up to {@code max} messages, waiting at most {@code waitSeconds}. */
    public static ReceiveRequest all(int max, Integer visibilityTimeout, int waitSeconds) {
        return new ReceiveRequest(max, visibilityTimeout, waitSeconds, List.of("All"), List.of("All"), null);
    }
}
