package dev.cloudjar.services.sqs.wire;

import java.util.List;
import java.util.Map;

/**
 * One input record per SQS operation, with AWS's member names (they are the JSON member names; the
 * Query reader fills the same records from form parameters). Both protocols bind into these.
 */
public final class SqsInputs {
    private SqsInputs() {
    }

    public record MessageAttributeValue(String StringValue, byte[] BinaryValue, List<String> StringListValues,
                                        List<byte[]> BinaryListValues, String DataType) {
    }

    public record CreateQueueInput(String QueueName, Map<String, String> Attributes, Map<String, String> tags) {
    }

    public record GetQueueUrlInput(String QueueName, String QueueOwnerAWSAccountId) {
    }

    public record ListQueuesInput(String QueueNamePrefix, String NextToken, Integer MaxResults) {
    }

    /** DeleteQueue, PurgeQueue and ListQueueTags take only the queue. */
    public record QueueUrlInput(String QueueUrl) {
    }

    public record GetQueueAttributesInput(String QueueUrl, List<String> AttributeNames) {
    }

    public record SetQueueAttributesInput(String QueueUrl, Map<String, String> Attributes) {
    }

    public record TagQueueInput(String QueueUrl, Map<String, String> Tags) {
    }

    public record UntagQueueInput(String QueueUrl, List<String> TagKeys) {
    }

    public record AddPermissionInput(String QueueUrl, String Label, List<String> AWSAccountIds, List<String> Actions) {
    }

    public record RemovePermissionInput(String QueueUrl, String Label) {
    }

    public record SendMessageInput(String QueueUrl, String MessageBody, Integer DelaySeconds,
                                   Map<String, MessageAttributeValue> MessageAttributes,
                                   Map<String, MessageAttributeValue> MessageSystemAttributes,
                                   String MessageDeduplicationId, String MessageGroupId) {
    }

    public record SendMessageBatchRequestEntry(String Id, String MessageBody, Integer DelaySeconds,
                                               Map<String, MessageAttributeValue> MessageAttributes,
                                               Map<String, MessageAttributeValue> MessageSystemAttributes,
                                               String MessageDeduplicationId, String MessageGroupId) {
    }

    public record SendMessageBatchInput(String QueueUrl, List<SendMessageBatchRequestEntry> Entries) {
    }

    public record ReceiveMessageInput(String QueueUrl, List<String> AttributeNames, List<String> MessageSystemAttributeNames,
                                      List<String> MessageAttributeNames, Integer MaxNumberOfMessages,
                                      Integer VisibilityTimeout, Integer WaitTimeSeconds, String ReceiveRequestAttemptId) {
    }

    public record DeleteMessageInput(String QueueUrl, String ReceiptHandle) {
    }

    public record DeleteMessageBatchRequestEntry(String Id, String ReceiptHandle) {
    }

    public record DeleteMessageBatchInput(String QueueUrl, List<DeleteMessageBatchRequestEntry> Entries) {
    }

    public record ChangeMessageVisibilityInput(String QueueUrl, String ReceiptHandle, Integer VisibilityTimeout) {
    }

    public record ChangeMessageVisibilityBatchRequestEntry(String Id, String ReceiptHandle, Integer VisibilityTimeout) {
    }

    public record ChangeMessageVisibilityBatchInput(String QueueUrl, List<ChangeMessageVisibilityBatchRequestEntry> Entries) {
    }

    public record ListDeadLetterSourceQueuesInput(String QueueUrl, String NextToken, Integer MaxResults) {
    }

    public record StartMessageMoveTaskInput(String SourceArn, String DestinationArn, Integer MaxNumberOfMessagesPerSecond) {
    }

    public record ListMessageMoveTasksInput(String SourceArn, Integer MaxResults) {
    }

    public record CancelMessageMoveTaskInput(String TaskHandle) {
    }
}
