package dev.cloudjar.services.sqs.wire;

import dev.cloudjar.services.sqs.wire.SqsInputs.MessageAttributeValue;
import java.util.List;
import java.util.Map;

/**
 * One output record per SQS operation, with AWS's member names: rendered as JSON directly (null
 * members omitted) and as Query XML by {@link SqsXml}.
 */
public final class SqsOutputs {
    private SqsOutputs() {
    }

    /** Operations without output members. */
    public record EmptyOutput() {
    }

    /** CreateQueue and GetQueueUrl. */
    public record QueueUrlOutput(String QueueUrl) {
    }

    public record ListQueuesOutput(List<String> QueueUrls, String NextToken) {
    }

    public record ListDeadLetterSourceQueuesOutput(List<String> queueUrls, String NextToken) {
    }

    public record GetQueueAttributesOutput(Map<String, String> Attributes) {
    }

    public record ListQueueTagsOutput(Map<String, String> Tags) {
    }

    public record SendMessageOutput(String MD5OfMessageBody, String MD5OfMessageAttributes,
                                    String MD5OfMessageSystemAttributes, String MessageId, String SequenceNumber) {
    }

    public record SendMessageBatchResultEntry(String Id, String MessageId, String MD5OfMessageBody,
                                              String MD5OfMessageAttributes, String MD5OfMessageSystemAttributes,
                                              String SequenceNumber) {
    }

    public record BatchResultErrorEntry(String Id, boolean SenderFault, String Code, String Message) {
    }

    public record SendMessageBatchOutput(List<SendMessageBatchResultEntry> Successful, List<BatchResultErrorEntry> Failed) {
    }

    /** DeleteMessageBatch and ChangeMessageVisibilityBatch successes carry only the entry id. */
    public record BatchIdEntry(String Id) {
    }

    public record BatchIdsOutput(List<BatchIdEntry> Successful, List<BatchResultErrorEntry> Failed) {
    }

    public record Message(String MessageId, String ReceiptHandle, String MD5OfBody, String Body,
                          Map<String, String> Attributes, String MD5OfMessageAttributes,
                          Map<String, MessageAttributeValue> MessageAttributes) {
    }

    /** {@code Messages} is null (absent) when nothing was received: JSON then answers {@code {}}. */
    public record ReceiveMessageOutput(List<Message> Messages) {
    }

    public record StartMessageMoveTaskOutput(String TaskHandle) {
    }

    public record ListMessageMoveTasksResultEntry(String TaskHandle, String Status, String SourceArn, String DestinationArn,
                                                  Integer MaxNumberOfMessagesPerSecond, long ApproximateNumberOfMessagesMoved,
                                                  Long ApproximateNumberOfMessagesToMove, String FailureReason,
                                                  long StartedTimestamp) {
    }

    public record ListMessageMoveTasksOutput(List<ListMessageMoveTasksResultEntry> Results) {
    }

    public record CancelMessageMoveTaskOutput(long ApproximateNumberOfMessagesMoved) {
    }
}
