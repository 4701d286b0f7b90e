package dev.cloudjar.services.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.*;

/** SQS through the real SDK v2 client (JSON protocol, MD5 validation on, as users run it). */
@ExtendWith(CloudJarExtension.class)
class SqsClientIT {

    @Test
    void queueLifecycle(SqsClient sqs, CloudJar cloudJar) {
        String url = sqs.createQueue(b -> b.queueName("life").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "45"))
                .tags(Map.of("team", "a"))).queueUrl();
        assertEquals(cloudJar.endpoint() + "/000000000000/life", url);
        assertEquals(url, sqs.createQueue(b -> b.queueName("life").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "45"))).queueUrl());
        QueueNameExistsException exists = assertThrows(QueueNameExistsException.class, () -> sqs.createQueue(b -> b.queueName("life")
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "46"))));
        assertTrue(exists.getMessage().startsWith("A queue already exists with the same name and a different value for attribute VisibilityTimeout"));
        assertEquals(url, sqs.getQueueUrl(b -> b.queueName("life")).queueUrl());
        assertTrue(sqs.listQueues(b -> b.queueNamePrefix("li")).queueUrls().contains(url));
        Map<String, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
        assertEquals("45", attributes.get("VisibilityTimeout"));
        assertEquals("1048576", attributes.get("MaximumMessageSize"));
        assertEquals("arn:aws:sqs:us-east-1:000000000000:life", attributes.get("QueueArn"));
        assertNotNull(attributes.get("CreatedTimestamp"));
        sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.DELAY_SECONDS, "3")));
        assertEquals("3", sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.DELAY_SECONDS))
                .attributesAsStrings().get("DelaySeconds"));
        sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("env", "dev")));
        sqs.untagQueue(b -> b.queueUrl(url).tagKeys("team"));
        assertEquals(Map.of("env", "dev"), sqs.listQueueTags(b -> b.queueUrl(url)).tags());
        sqs.deleteQueue(b -> b.queueUrl(url));
        assertThrows(QueueDoesNotExistException.class, () -> sqs.getQueueUrl(b -> b.queueName("life")));
        assertThrows(QueueDoesNotExistException.class, () -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")));
    }

    @Test
    void listQueuesPaginates(SqsClient sqs) {
        for (int i = 0; i < 5; i++) {
            int n = i;
            sqs.createQueue(b -> b.queueName("page-" + n));
        }
        ListQueuesResponse first = sqs.listQueues(b -> b.queueNamePrefix("page-").maxResults(3));
        assertEquals(3, first.queueUrls().size());
        assertNotNull(first.nextToken());
        ListQueuesResponse second = sqs.listQueues(b -> b.queueNamePrefix("page-").maxResults(3).nextToken(first.nextToken()));
        assertEquals(2, second.queueUrls().size());
        assertNull(second.nextToken());
    }

    @Test
    void sendReceiveDeleteWithAttributesAndMd5Validation(SqsClient sqs) {
        String url = sqs.createQueue(b -> b.queueName("msgs")).queueUrl();
        SendMessageResponse sent = sqs.sendMessage(b -> b.queueUrl(url).messageBody("hi & <b>").messageAttributes(Map.of(
                "n", MessageAttributeValue.builder().dataType("Number.float").stringValue("1.5").build(),
                "s", MessageAttributeValue.builder().dataType("String.custom").stringValue("v").build(),
                "b", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromByteArray(new byte[] {1, 2, 3})).build()))
                .messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                        MessageSystemAttributeValue.builder().dataType("String").stringValue("Root=1-abc").build())));
        assertEquals("09d0d4298e1552d4fef9336e3c8ef978", sent.md5OfMessageBody());
        assertNotNull(sent.md5OfMessageAttributes());
        assertNotNull(sent.md5OfMessageSystemAttributes());
        ReceiveMessageResponse got = sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).maxNumberOfMessages(10));
        Message m = got.messages().get(0);
        assertEquals("hi & <b>", m.body());
        assertEquals("1.5", m.messageAttributes().get("n").stringValue());
        assertEquals(3, m.messageAttributes().get("b").binaryValue().asByteArray().length);
        assertEquals("1", m.attributesAsStrings().get("ApproximateReceiveCount"));
        assertEquals("Root=1-abc", m.attributesAsStrings().get("AWSTraceHeader"));
        assertEquals("000000000000", m.attributesAsStrings().get("SenderId"));
        sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        Message again = sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("s")).messages().get(0);
        assertEquals(List.of("s"), List.copyOf(again.messageAttributes().keySet()));
        assertNotEquals(m.receiptHandle(), again.receiptHandle());
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(again.receiptHandle()));
        assertFalse(sqs.receiveMessage(b -> b.queueUrl(url)).hasMessages());
    }

    @Test
    void errorsUsersHit(SqsClient sqs) {
        String url = sqs.createQueue(b -> b.queueName("errs")).queueUrl();
        SqsException tooMany = assertThrows(SqsException.class, () -> sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(11)));
        assertEquals(400, tooMany.statusCode());
        assertTrue(tooMany.getMessage().contains("Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided."));
        assertThrows(ReceiptHandleIsInvalidException.class, () -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle("nope")));
        assertThrows(InvalidAttributeNameException.class, () -> sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("Bogus")));
        assertThrows(InvalidAttributeValueException.class,
                () -> sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "5"))));
        assertThrows(QueueDoesNotExistException.class, () -> sqs.purgeQueue(b -> b.queueUrl("http://elsewhere:1/000000000000/none")));
        assertThrows(InvalidMessageContentsException.class, () -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("\u0000")));
    }

    @Test
    void batchOperations(SqsClient sqs) {
        String url = sqs.createQueue(b -> b.queueName("batch")).queueUrl();
        SendMessageBatchResponse sent = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("a").messageBody("1").build(),
                SendMessageBatchRequestEntry.builder().id("b").messageBody("2").messageAttributes(Map.of("k",
                        MessageAttributeValue.builder().dataType("String").stringValue("v").build())).build(),
                SendMessageBatchRequestEntry.builder().id("c").messageBody("3").delaySeconds(1000).build()));
        assertEquals(2, sent.successful().size());
        assertEquals("c", sent.failed().get(0).id());
        assertTrue(sent.failed().get(0).senderFault());
        assertEquals("InvalidParameterValue", sent.failed().get(0).code());
        List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        List<Message> all = new ArrayList<>(got);
        if (all.size() < 2) {
            all.addAll(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages());
        }
        assertEquals(2, all.size());
        ChangeMessageVisibilityBatchResponse changed = sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(
                ChangeMessageVisibilityBatchRequestEntry.builder().id("x").receiptHandle(all.get(0).receiptHandle()).visibilityTimeout(60).build()));
        assertEquals("x", changed.successful().get(0).id());
        DeleteMessageBatchResponse deleted = sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(
                DeleteMessageBatchRequestEntry.builder().id("d1").receiptHandle(all.get(0).receiptHandle()).build(),
                DeleteMessageBatchRequestEntry.builder().id("d2").receiptHandle(all.get(1).receiptHandle()).build(),
                DeleteMessageBatchRequestEntry.builder().id("d3").receiptHandle("garbage").build()));
        assertEquals(2, deleted.successful().size());
        assertEquals("ReceiptHandleIsInvalid", deleted.failed().get(0).code());
        assertThrows(BatchEntryIdsNotDistinctException.class, () -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("a").messageBody("1").build(),
                SendMessageBatchRequestEntry.builder().id("a").messageBody("2").build())));
        assertThrows(EmptyBatchRequestException.class, () -> sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(List.of())));
        assertThrows(InvalidBatchEntryIdException.class, () -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("bad id").messageBody("1").build())));
        List<SendMessageBatchRequestEntry> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("x").build());
        }
        assertThrows(TooManyEntriesInBatchRequestException.class, () -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(eleven)));
        String big = "x".repeat(300_000);
        List<SendMessageBatchRequestEntry> huge = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            huge.add(SendMessageBatchRequestEntry.builder().id("h" + i).messageBody(big).build());
        }
        assertThrows(BatchRequestTooLongException.class, () -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(huge)));
    }

    @Test
    void fifoOrderingDeduplicationAndGroupBlocking(SqsClient sqs) {
        String url = sqs.createQueue(b -> b.queueName("orders.fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"))).queueUrl();
        SendMessageResponse first = sqs.sendMessage(b -> b.queueUrl(url).messageBody("a1").messageGroupId("a"));
        SendMessageResponse dup = sqs.sendMessage(b -> b.queueUrl(url).messageBody("a1").messageGroupId("a"));
        assertEquals(first.messageId(), dup.messageId());
        assertNotNull(first.sequenceNumber());
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("a2").messageGroupId("a"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("b1").messageGroupId("b").messageDeduplicationId("d-b1"));
        Message a1 = sqs.receiveMessage(b -> b.queueUrl(url).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages().get(0);
        assertEquals("a1", a1.body());
        assertEquals("a", a1.attributesAsStrings().get("MessageGroupId"));
        assertEquals(first.sequenceNumber(), a1.attributesAsStrings().get("SequenceNumber"));
        List<Message> next = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
        assertEquals(List.of("b1"), next.stream().map(Message::body).toList());
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(a1.receiptHandle()));
        assertEquals("a2", sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages().get(0).body());
        SqsException noGroup = assertThrows(SqsException.class, () -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")));
        assertTrue(noGroup.getMessage().contains("The request must contain the parameter MessageGroupId."));
        assertThrows(InvalidAttributeNameException.class, () -> sqs.createQueue(b -> b.queueName("plain")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "false"))));
        Map<String, String> fifo = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
        assertEquals("true", fifo.get("FifoQueue"));
        assertEquals("true", fifo.get("ContentBasedDeduplication"));
        assertEquals("queue", fifo.get("DeduplicationScope"));
        assertEquals("perQueue", fifo.get("FifoThroughputLimit"));
    }

    @Test
    void deadLetterRedriveAndMoveTask(SqsClient sqs, CloudJar cloudJar) {
        String dlq = sqs.createQueue(b -> b.queueName("dead")).queueUrl();
        String src = sqs.createQueue(b -> b.queueName("work").attributesWithStrings(Map.of("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:dead\",\"maxReceiveCount\":1}",
                "VisibilityTimeout", "0"))).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(src).messageBody("poison"));
        assertEquals(1, sqs.receiveMessage(b -> b.queueUrl(src)).messages().size());
        assertFalse(sqs.receiveMessage(b -> b.queueUrl(src)).hasMessages());
        Message dead = sqs.receiveMessage(b -> b.queueUrl(dlq).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .visibilityTimeout(0)).messages().get(0);
        assertEquals("arn:aws:sqs:us-east-1:000000000000:work", dead.attributesAsStrings().get("DeadLetterQueueSourceArn"));
        assertEquals(List.of(src), sqs.listDeadLetterSourceQueues(b -> b.queueUrl(dlq)).queueUrls());
        String handle = sqs.startMessageMoveTask(b -> b.sourceArn("arn:aws:sqs:us-east-1:000000000000:dead")).taskHandle();
        assertNotNull(handle);
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(5)));
        ListMessageMoveTasksResultEntry task = sqs.listMessageMoveTasks(b -> b.sourceArn("arn:aws:sqs:us-east-1:000000000000:dead"))
                .results().get(0);
        assertEquals("COMPLETED", task.status());
        assertEquals(1L, task.approximateNumberOfMessagesMoved());
        assertEquals("poison", sqs.receiveMessage(b -> b.queueUrl(src)).messages().get(0).body());
        assertThrows(ResourceNotFoundException.class, () -> sqs.listMessageMoveTasks(b -> b.sourceArn("arn:aws:sqs:us-east-1:000000000000:none")));
        assertThrows(ResourceNotFoundException.class, () -> sqs.cancelMessageMoveTask(b -> b.taskHandle("unknown")));
        SqsException finished = assertThrows(SqsException.class, () -> sqs.cancelMessageMoveTask(b -> b.taskHandle(handle)));
        assertEquals(400, finished.statusCode());
    }

    @Test
    void longPollingGetsAMessageAsSoonAsItIsSent(SqsClient sqs, CloudJar cloudJar) throws Exception {
        String url = sqs.createQueue(b -> b.queueName("waiting")).queueUrl();
        try (SqsAsyncClient async = CloudJarExtension.client(SqsAsyncClient.builder(), cloudJar).build()) {
            List<CompletableFuture<ReceiveMessageResponse>> waits = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                waits.add(async.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)));
            }
            Thread.sleep(500);
            assertTrue(waits.stream().noneMatch(CompletableFuture::isDone));
            long start = System.nanoTime();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("wake"));
            CompletableFuture.anyOf(waits.toArray(new CompletableFuture[0])).get(3, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "delivered at once");
            for (int i = 1; i < 200; i++) {
                sqs.sendMessage(b -> b.queueUrl(url).messageBody("more"));
            }
            for (CompletableFuture<ReceiveMessageResponse> w : waits) {
                assertEquals(1, w.get(5, TimeUnit.SECONDS).messages().size());
            }
        }
    }

    @Test
    void longPollEndsEmptyWhenNothingArrives(SqsClient sqs) {
        String url = sqs.createQueue(b -> b.queueName("quiet")).queueUrl();
        long start = System.nanoTime();
        assertFalse(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).hasMessages());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(900));
    }

    @Test
    void permissionsAndPurge(SqsClient sqs) {
        String url = sqs.createQueue(b -> b.queueName("perm")).queueUrl();
        sqs.addPermission(b -> b.queueUrl(url).label("l1").awsAccountIds("111111111111").actions("SendMessage"));
        assertTrue(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.POLICY))
                .attributesAsStrings().get("Policy").contains("\"Sid\":\"l1\""));
        sqs.removePermission(b -> b.queueUrl(url).label("l1"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
        sqs.purgeQueue(b -> b.queueUrl(url));
        assertFalse(sqs.receiveMessage(b -> b.queueUrl(url)).hasMessages());
        assertThrows(PurgeQueueInProgressException.class, () -> sqs.purgeQueue(b -> b.queueUrl(url)));
    }

    @Test
    void issue12FidelityOverJson(SqsClient sqs) {
        String fifo = sqs.createQueue(b -> b.queueName("zero.fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"))).queueUrl();
        assertNotNull(sqs.sendMessage(b -> b.queueUrl(fifo).messageBody("z").messageGroupId("g").delaySeconds(0)).sequenceNumber());
        assertEquals(1, sqs.sendMessageBatch(b -> b.queueUrl(fifo).entries(SendMessageBatchRequestEntry.builder().id("e")
                .messageBody("y").messageGroupId("g").delaySeconds(0).build())).successful().size());
        SqsException noGroup = assertThrows(SqsException.class, () -> sqs.sendMessageBatch(b -> b.queueUrl(fifo).entries(
                SendMessageBatchRequestEntry.builder().id("ok").messageBody("y").messageGroupId("g").build(),
                SendMessageBatchRequestEntry.builder().id("none").messageBody("y").build())));
        assertEquals("MissingParameter", noGroup.awsErrorDetails().errorCode());
        assertEquals("The request must contain the parameter MessageGroupId.", noGroup.awsErrorDetails().errorMessage());
        SqsException five = assertThrows(SqsException.class,
                () -> sqs.sendMessage(b -> b.queueUrl(fifo).messageBody("z").messageGroupId("g").delaySeconds(5)));
        assertEquals("InvalidParameterValue", five.awsErrorDetails().errorCode());
        assertEquals("Value 5 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.",
                five.awsErrorDetails().errorMessage());

        sqs.createQueue(b -> b.queueName("typed-dlq"));
        String policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:typed-dlq\",\"maxReceiveCount\":\"4\"}";
        String src = sqs.createQueue(b -> b.queueName("typed").attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, policy))).queueUrl();
        assertEquals("{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:typed-dlq\",\"maxReceiveCount\":4}",
                sqs.getQueueAttributes(b -> b.queueUrl(src).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                        .attributes().get(QueueAttributeName.REDRIVE_POLICY));
        assertEquals(src, sqs.createQueue(b -> b.queueName("typed").attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, policy))).queueUrl());

        String doomed = sqs.createQueue(b -> b.queueName("doomed")).queueUrl();
        sqs.deleteQueue(b -> b.queueUrl(doomed));
        QueueDeletedRecentlyException recently = assertThrows(QueueDeletedRecentlyException.class,
                () -> sqs.createQueue(b -> b.queueName("doomed")));
        assertEquals("AWS.SimpleQueueService.QueueDeletedRecently", recently.awsErrorDetails().errorCode());
        assertEquals("You must wait 60 seconds after deleting a queue before you can create another with the same name.",
                recently.awsErrorDetails().errorMessage());
    }

    @Test
    void tagAndPermissionParametersAreValidatedAsAwsDoes(SqsClient sqs) {
        String url = sqs.createQueue(b -> b.queueName("guarded-params")).queueUrl();
        SqsException noTags = assertThrows(SqsException.class, () -> sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of())));
        assertEquals("MissingParameter", noTags.awsErrorDetails().errorCode());
        assertEquals("The request must contain the parameter Tags.", noTags.awsErrorDetails().errorMessage());
        SqsException noKeys = assertThrows(SqsException.class, () -> sqs.untagQueue(b -> b.queueUrl(url).tagKeys(List.of())));
        assertEquals("InvalidParameterValue", noKeys.awsErrorDetails().errorCode());
        assertEquals("Tag keys must be between 1 and 128 characters in length.", noKeys.awsErrorDetails().errorMessage());

        SqsException noActions = assertThrows(SqsException.class, () -> sqs.addPermission(b -> b.queueUrl(url).label("p")
                .awsAccountIds("111111111111").actions(List.of())));
        assertEquals("MissingParameter", noActions.awsErrorDetails().errorCode());
        assertEquals("The request must contain the parameter Actions.", noActions.awsErrorDetails().errorMessage());
        SqsException noAccounts = assertThrows(SqsException.class, () -> sqs.addPermission(b -> b.queueUrl(url).label("p")
                .awsAccountIds(List.of()).actions("SendMessage")));
        assertEquals("InvalidParameterValue", noAccounts.awsErrorDetails().errorCode());
        assertEquals("Value [] for parameter PrincipalId is invalid. Reason: Unable to verify.", noAccounts.awsErrorDetails().errorMessage());
        SqsException ownerOnly = assertThrows(SqsException.class, () -> sqs.addPermission(b -> b.queueUrl(url).label("p")
                .awsAccountIds("111111111111").actions("RemovePermission")));
        assertEquals("InvalidParameterValue", ownerOnly.awsErrorDetails().errorCode());
        assertEquals("Value SQS:RemovePermission for parameter ActionName is invalid. Reason: Only the queue owner is allowed to invoke this action.",
                ownerOnly.awsErrorDetails().errorMessage());
        OverLimitException tooMany = assertThrows(OverLimitException.class, () -> sqs.addPermission(b -> b.queueUrl(url).label("p")
                .awsAccountIds("111111111111").actions("SendMessage", "ReceiveMessage", "DeleteMessage", "GetQueueUrl",
                        "GetQueueAttributes", "PurgeQueue", "ChangeMessageVisibility", "ListDeadLetterSourceQueues")));
        assertEquals("8 Actions were found, maximum allowed is 7.", tooMany.awsErrorDetails().errorMessage());
        sqs.addPermission(b -> b.queueUrl(url).label("p").awsAccountIds("111111111111").actions("*"));
        SqsException again = assertThrows(SqsException.class, () -> sqs.addPermission(b -> b.queueUrl(url).label("p")
                .awsAccountIds("111111111111").actions("SendMessage")));
        assertEquals("Value p for parameter Label is invalid. Reason: Already exists.", again.awsErrorDetails().errorMessage());
    }

    @Test
    void attributeNamePatternsAndReceiptHandleErrors(SqsClient sqs) {
        String url = sqs.createQueue(b -> b.queueName("patterns")).queueUrl();
        MessageAttributeValue v = MessageAttributeValue.builder().dataType("String").stringValue("v").build();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("m").messageAttributes(Map.of("Custom.a", v, "Custom.b", v, "Other", v)));
        Message custom = sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("Custom.*").visibilityTimeout(0)).messages().get(0);
        assertEquals(List.of("Custom.a", "Custom.b"), custom.messageAttributes().keySet().stream().sorted().toList());
        assertEquals(3, sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames(".*").visibilityTimeout(0)).messages().get(0)
                .messageAttributes().size());
        assertEquals(3, sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("All").visibilityTimeout(0)).messages().get(0)
                .messageAttributes().size());
        ReceiptHandleIsInvalidException invalid = assertThrows(ReceiptHandleIsInvalidException.class,
                () -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle("x")));
        assertEquals("ReceiptHandleIsInvalid", invalid.awsErrorDetails().errorCode());
        assertEquals("The input receipt handle \"x\" is not a valid receipt handle.", invalid.awsErrorDetails().errorMessage());
        ReceiptHandleIsInvalidException visibility = assertThrows(ReceiptHandleIsInvalidException.class,
                () -> sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle("x").visibilityTimeout(5)));
        assertEquals("The input receipt handle \"x\" is not a valid receipt handle.", visibility.awsErrorDetails().errorMessage());
    }
}
