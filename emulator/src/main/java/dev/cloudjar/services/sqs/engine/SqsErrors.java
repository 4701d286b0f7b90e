package dev.cloudjar.services.sqs.engine;

import dev.cloudjar.core.AwsException;

/**
 * SQS's errors with AWS's literal texts. The code is the JSON protocol's {@code __type} name; the
 * legacy code is what the Query protocol and the {@code x-amzn-query-error} header carry.
 */
public final class SqsErrors {
    private SqsErrors() {
    }

    public static AwsException queueDoesNotExist() {
        return new AwsException(400, "QueueDoesNotExist", "The specified queue does not exist.")
                .legacyCode("AWS.SimpleQueueService.NonExistentQueue");
    }

    public static AwsException queueAlreadyExists(String attribute) {
        return new AwsException(400, "QueueNameExists",
                "A queue already exists with the same name and a different value for attribute " + attribute)
                .legacyCode("QueueAlreadyExists");
    }

    public static AwsException queueDeletedRecently() {
        return new AwsException(400, "QueueDeletedRecently",
                "You must wait 60 seconds after deleting a queue before you can create another with the same name.")
                .legacyCode("AWS.SimpleQueueService.QueueDeletedRecently");
    }

    public static AwsException invalidParameterValue(String message) {
        return new AwsException(400, "InvalidParameterValueException", message).legacyCode("InvalidParameterValue");
    }

    /** AWS's "Value X for parameter P is invalid. Reason: R" form. */
    public static AwsException invalidParameter(Object value, String parameter, String reason) {
        return invalidParameterValue("Value " + value + " for parameter " + parameter + " is invalid. Reason: " + reason);
    }

    public static AwsException missingParameter(String parameter) {
        return new AwsException(400, "MissingRequiredParameterException",
                "The request must contain the parameter " + parameter + ".").legacyCode("MissingParameter");
    }

    public static AwsException invalidAttributeName(String name) {
        return new AwsException(400, "InvalidAttributeName", "Unknown Attribute " + name + ".")
                .legacyCode("InvalidAttributeName");
    }

    public static AwsException invalidAttributeValue(String name) {
        return invalidAttributeValue(name, null);
    }

    public static AwsException invalidAttributeValue(String name, String reason) {
        String message = "Invalid value for the parameter " + name + "." + (reason == null ? "" : " Reason: " + reason);
        return new AwsException(400, "InvalidAttributeValue", message).legacyCode("InvalidAttributeValue");
    }

    public static AwsException receiptHandleIsInvalid(String handle) {
        return new AwsException(400, "ReceiptHandleIsInvalid",
                "The input receipt handle \"" + handle + "\" is not a valid receipt handle.")
                .legacyCode("ReceiptHandleIsInvalid");
    }

    public static AwsException receiptHandleExpired(String handle) {
        return invalidParameter(handle, "ReceiptHandle", "The receipt handle has expired.");
    }

    public static AwsException messageNotInflight() {
        return new AwsException(400, "MessageNotInflight",
                "Message does not exist or is not available for visibility timeout change.")
                .legacyCode("AWS.SimpleQueueService.MessageNotInflight");
    }

    public static AwsException invalidMessageContents() {
        return new AwsException(400, "InvalidMessageContents",
                "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF")
                .legacyCode("InvalidMessageContents");
    }

    public static AwsException purgeQueueInProgress(String queueArn) {
        return new AwsException(403, "PurgeQueueInProgress",
                "Only one PurgeQueue operation on " + queueArn + " is allowed every 60 seconds.")
                .legacyCode("AWS.SimpleQueueService.PurgeQueueInProgress");
    }

    public static AwsException resourceNotFound(String message) {
        return new AwsException(404, "ResourceNotFoundException", message).legacyCode("ResourceNotFoundException");
    }

    public static AwsException unsupportedOperation(String message) {
        return new AwsException(400, "UnsupportedOperation", message)
                .legacyCode("AWS.SimpleQueueService.UnsupportedOperation");
    }

    public static AwsException overLimit(String message) {
        return new AwsException(403, "OverLimit", message).legacyCode("OverLimit");
    }

    public static AwsException emptyBatchRequest(String entryName) {
        return new AwsException(400, "EmptyBatchRequest",
                "There should be at least one " + entryName + " in the request.")
                .legacyCode("AWS.SimpleQueueService.EmptyBatchRequest");
    }

    public static AwsException tooManyEntriesInBatchRequest(int count) {
        return new AwsException(400, "TooManyEntriesInBatchRequest",
                "Maximum number of entries per request are 10. You have sent " + count + ".")
                .legacyCode("AWS.SimpleQueueService.TooManyEntriesInBatchRequest");
    }

    public static AwsException batchEntryIdsNotDistinct(String id) {
        return new AwsException(400, "BatchEntryIdsNotDistinct", "Id " + id + " repeated.")
                .legacyCode("AWS.SimpleQueueService.BatchEntryIdsNotDistinct");
    }

    public static AwsException invalidBatchEntryId() {
        return new AwsException(400, "InvalidBatchEntryId",
                "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.")
                .legacyCode("AWS.SimpleQueueService.InvalidBatchEntryId");
    }

    public static AwsException batchRequestTooLong(long length, long limit) {
        return new AwsException(400, "BatchRequestTooLong",
                "Batch requests cannot be longer than " + limit + " bytes. You have sent " + length + " bytes.")
                .legacyCode("AWS.SimpleQueueService.BatchRequestTooLong");
    }

    /** The code a batch result's {@code Failed} entry carries: AWS uses the legacy (Query) codes there. */
    public static String batchCode(AwsException e) {
        return e.legacyCode() != null ? e.legacyCode() : e.code();
    }
}
