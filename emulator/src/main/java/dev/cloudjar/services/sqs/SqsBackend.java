package dev.cloudjar.services.sqs;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.sqs.engine.BatchResult;
import dev.cloudjar.services.sqs.engine.BatchRules;
import dev.cloudjar.services.sqs.engine.MessageDigests;
import dev.cloudjar.services.sqs.engine.MessageMoveTasks;
import dev.cloudjar.services.sqs.engine.MessageQueue;
import dev.cloudjar.services.sqs.engine.MessageStore;
import dev.cloudjar.services.sqs.engine.MessageValidator;
import dev.cloudjar.services.sqs.engine.QueueAttributes;
import dev.cloudjar.services.sqs.engine.QueueName;
import dev.cloudjar.services.sqs.engine.QueueSettings;
import dev.cloudjar.services.sqs.engine.ReceiveRequest;
import dev.cloudjar.services.sqs.engine.ReceivedMessage;
import dev.cloudjar.services.sqs.engine.SendRequest;
import dev.cloudjar.services.sqs.engine.SendResult;
import dev.cloudjar.services.sqs.engine.SqsErrors;
import dev.cloudjar.services.sqs.engine.StoredQueue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Amazon SQS in domain terms: queues ({@link SqsQueues}), messages (this class), dead-letter redrive
 * and move tasks. Queue references are URLs in any form, ARNs or names ({@link QueueName#parse}).
 * Thread-safe; long polls park futures in the queue core instead of threads.
 *
 * <p>Java API for other parts of CloudJar (integration), with queue references as URL, ARN or name:
 * <pre>{@code
 * // SNS -> SQS delivery (attributes optional; FIFO queues also need a group and a deduplication id)
 * SendResult r = sqs.sendMessage(scope, queueArnOrUrl, SendRequest.of(body,
 *         Map.of("event", MessageAttribute.string("String", "created"))).withGroup(groupId, dedupId));
 * // Lambda SQS event-source poller: long-poll up to 10 messages (all attributes), then acknowledge
 * sqs.receiveAsync(scope, queueArn, 10, null, 20).thenAccept(messages -> {
 *     for (ReceivedMessage m : messages) { ...; sqs.delete(scope, queueArn, m.receiptHandle()); }
 * });
 * }</pre>
 * {@link #changeMessageVisibility}, {@link #deleteMessageBatch} and {@link #getQueueAttributes} are
 * public too. Validation failures are thrown as {@link dev.cloudjar.core.AwsException}.
 *
 * <p>LIMITATIONS: Policy, KMS and SSE attributes are stored and returned but not enforced;
 * the QueueDeletedRecently 60 s wait after DeleteQueue is kept in memory (a restart forgets it); after a restart the FIFO
 * deduplication window only knows messages still stored (not those already deleted); receive-attempt
 * ids and message move tasks are kept in memory only; FifoThroughputLimit does not throttle;
 * throttling (RequestThrottled, OverLimit for in-flight counts) is not simulated.
 */
public final class SqsBackend implements AutoCloseable {
    static final int MAX_BATCH_BYTES = QueueAttributes.MAX_MESSAGE_SIZE;

    private final ServiceContext ctx;
    private final ScheduledThreadPoolExecutor timers;
    private final ThreadPoolExecutor deliveries;
    private final MessageStore messageStore;
    private final AtomicLong sequences;
    private final SqsQueues queues;
    private final MessageMoveTasks moveTasks;

    public SqsBackend(ServiceContext ctx) {
        this.ctx = ctx;
        this.timers = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "cloudjar-sqs-timers");
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true);
        this.deliveries = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "cloudjar-sqs-deliveries");
            thread.setDaemon(true);
            return thread;
        });
        deliveries.allowCoreThreadTimeOut(true);
        this.messageStore = new MessageStore(ctx.store());
        PersistentMap<StoredQueue> queueMap = ctx.store().map("sqs.queues", StoredQueue.class);
        this.queues = new SqsQueues(queueMap, ctx.clock(),
                stored -> new MessageQueue(stored, messageStore, ctx.clock(), ctx.ids(), timers, deliveries, this::queueByArn),
                messageStore);
        this.sequences = new AtomicLong(Math.max(ctx.ids().sequence(), messageStore.restore(queues::byStoreKey)));
        this.moveTasks = new MessageMoveTasks(timers, ctx.clock(), ctx.ids(), ctx.events(), this::queueByArn);
        timers.scheduleWithFixedDelay(queues::sweepExpired, 30, 30, TimeUnit.SECONDS);
    }

    // ---- queues ------------------------------------------------------------------------------

    public QueueName createQueue(Scope scope, String name, Map<String, String> attributes, Map<String, String> tags) {
        Map<String, String> validated = validateForCreate(scope, name, attributes);
        return queues.create(scope, name, validated, tags == null ? Map.of() : tags);
    }

    private Map<String, String> validateForCreate(Scope scope, String name, Map<String, String> attributes) {
        if (name == null || name.isEmpty()) {
            throw SqsErrors.missingParameter("QueueName");
        }
        String fifoFlag = attributes == null ? null : attributes.get("FifoQueue");
        boolean fifoName = name.endsWith(".fifo");
        boolean wantsFifo = fifoFlag != null && "true".equalsIgnoreCase(fifoFlag);
        String base = fifoName ? name.substring(0, name.length() - 5) : name;
        boolean validChars = !base.isEmpty() && name.length() <= 80 && base.chars().allMatch(c ->
                c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_');
        if (wantsFifo && (!fifoName || !validChars)) {
            throw SqsErrors.invalidParameterValue("The name of a FIFO queue can only include alphanumeric characters, "
                    + "hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.");
        }
        if (!wantsFifo && (fifoName || !validChars)) {
            if (fifoFlag != null && !fifoName && validChars) {
                throw SqsErrors.invalidAttributeName("FifoQueue");
            }
            throw SqsErrors.invalidParameterValue("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
        Map<String, String> validated = QueueAttributes.validate(attributes, wantsFifo, true);
        checkRedrive(new QueueName(scope.account(), scope.region(), name), wantsFifo, validated.get("RedrivePolicy"));
        return validated;
    }

    private void checkRedrive(QueueName source, boolean fifo, String policy) {
        if (policy == null || policy.isEmpty()) {
            return;
        }
        QueueSettings.RedrivePolicy redrive = QueueAttributes.parseRedrivePolicyStrict(policy);
        MessageQueue target = queueByArn(redrive.deadLetterTargetArn());
        if (target == null) {
            throw SqsErrors.invalidParameter(policy, "RedrivePolicy", "Dead letter target does not exist.");
        }
        if (target.settings().fifo() != fifo) {
            throw SqsErrors.invalidParameter(policy, "RedrivePolicy",
                    "Dead-letter queue must be same type of queue as the source.");
        }
        QueueAttributes.RedriveAllowPolicy allow =
                QueueAttributes.parseRedriveAllowPolicy(target.stored().attributes().get("RedriveAllowPolicy"));
        if (allow != null && !allow.allows(source.arn())) {
            throw SqsErrors.invalidParameter(policy, "RedrivePolicy", "Queue " + target.name().arn()
                    + " does not allow this queue to use it as a dead-letter queue.");
        }
    }

    public QueueName getQueueUrl(Scope scope, String name, String ownerAccount) {
        if (name == null || name.isEmpty()) {
            throw SqsErrors.missingParameter("QueueName");
        }
        String account = ownerAccount == null || ownerAccount.isEmpty() ? scope.account() : ownerAccount;
        MessageQueue queue = queues.find(new QueueName(account, scope.region(), name));
        if (queue == null) {
            throw SqsErrors.queueDoesNotExist();
        }
        return queue.name();
    }

    /** A page of queue names and the token for the next page (null at the end). */
    public record QueuePage(List<QueueName> queues, String nextToken) {
    }

    public QueuePage listQueues(Scope scope, String prefix, Integer maxResults, String nextToken) {
        return queues.list(scope, prefix, maxResults, nextToken, q -> true);
    }

    public QueuePage listDeadLetterSourceQueues(Scope scope, String queueRef, Integer maxResults, String nextToken) {
        String arn = queue(scope, queueRef).name().arn();
        return queues.list(scope, null, maxResults, nextToken, q -> {
            QueueSettings.RedrivePolicy redrive = q.settings().redrivePolicy();
            return redrive != null && arn.equals(redrive.deadLetterTargetArn());
        });
    }

    public void deleteQueue(Scope scope, String queueRef) {
        queues.delete(queue(scope, queueRef));
    }

    public void purgeQueue(Scope scope, String queueRef) {
        queue(scope, queueRef).purge();
    }

    public Map<String, String> getQueueAttributes(Scope scope, String queueRef, List<String> names) {
        return queues.attributes(queue(scope, queueRef), names);
    }

    public void setQueueAttributes(Scope scope, String queueRef, Map<String, String> attributes) {
        MessageQueue queue = queue(scope, queueRef);
        if (attributes == null) {
            throw SqsErrors.missingParameter("Attributes");
        }
        Map<String, String> validated = QueueAttributes.validate(attributes, queue.settings().fifo(), false);
        checkRedrive(queue.name(), queue.settings().fifo(), validated.get("RedrivePolicy"));
        queues.setAttributes(queue, validated);
    }

    public void tagQueue(Scope scope, String queueRef, Map<String, String> tags) {
        queues.tag(queue(scope, queueRef), tags);
    }

    public void untagQueue(Scope scope, String queueRef, List<String> keys) {
        queues.untag(queue(scope, queueRef), keys);
    }

    public Map<String, String> listQueueTags(Scope scope, String queueRef) {
        return queue(scope, queueRef).stored().tags();
    }

    public void addPermission(Scope scope, String queueRef, String label, List<String> accounts, List<String> actions) {
        queues.addPermission(queue(scope, queueRef), label, accounts, actions);
    }

    public void removePermission(Scope scope, String queueRef, String label) {
        queues.removePermission(queue(scope, queueRef), label);
    }

    // ---- messages ----------------------------------------------------------------------------

    /** Sends one message (validated as AWS does) and returns what SendMessage answers. */
    public SendResult sendMessage(Scope scope, String queueRef, SendRequest request) {
        return send(queue(scope, queueRef), request);
    }

    private SendResult send(MessageQueue queue, SendRequest request) {
        String deduplicationId = MessageValidator.validate(request, queue.settings());
        MessageQueue.SendOutcome outcome = queue.send(request, deduplicationId, ctx.ids().uuid(), sequences.incrementAndGet());
        String traceMd5 = MessageDigests.md5OfAttributes(request.systemAttributes());
        return new SendResult(outcome.messageId(), MessageDigests.md5Hex(request.body()),
                MessageDigests.md5OfAttributes(request.attributes()), traceMd5,
                queue.settings().fifo() ? outcome.sequenceNumber() : null);
    }

    public BatchResult<SendResult> sendMessageBatch(Scope scope, String queueRef, List<BatchResult.Entry<SendRequest>> entries) {
        MessageQueue queue = queue(scope, queueRef);
        BatchRules.check(entries, "SendMessageBatchRequestEntry");
        long total = 0;
        for (BatchResult.Entry<SendRequest> e : entries) {
            total += BatchRules.size(e.value());
        }
        if (total > MAX_BATCH_BYTES) {
            throw SqsErrors.batchRequestTooLong(total, MAX_BATCH_BYTES);
        }
        // AWS fails the whole batch, not the entry, when a FIFO entry has no MessageGroupId.
        if (queue.settings().fifo() && entries.stream().anyMatch(e -> e.value().groupId() == null || e.value().groupId().isEmpty())) {
            throw SqsErrors.missingParameter("MessageGroupId");
        }
        return BatchRules.each(entries, request -> send(queue, request));
    }

    /**
     * Receives messages; the future completes at once when messages are available or no wait was
     * asked, otherwise when one arrives or the wait ends. Validation errors are thrown, not returned.
     */
    public CompletableFuture<List<ReceivedMessage>> receiveMessage(Scope scope, String queueRef, ReceiveRequest request) {
        MessageQueue queue = queue(scope, queueRef);
        int max = request.maxNumberOfMessages() == null ? 1 : request.maxNumberOfMessages();
        if (max < 1 || max > 10) {
            throw SqsErrors.invalidParameter(max, "MaxNumberOfMessages", "Must be between 1 and 10, if provided.");
        }
        Integer wait = request.waitTimeSeconds();
        if (wait != null && (wait < 0 || wait > 20)) {
            throw SqsErrors.invalidParameter(wait, "WaitTimeSeconds", "Must be >= 0 and <= 20, if provided.");
        }
        Integer visibility = request.visibilityTimeout();
        if (visibility != null && (visibility < 0 || visibility > QueueAttributes.MAX_VISIBILITY_TIMEOUT)) {
            throw SqsErrors.invalidParameter(visibility, "VisibilityTimeout", "Must be >= 0 and <= 43200, if provided.");
        }
        QueueSettings settings = queue.settings();
        int waitSeconds = wait != null ? wait : settings.receiveMessageWaitTimeSeconds();
        return queue.receive(max, visibility != null ? visibility : settings.visibilityTimeout(),
                request.systemAttributeNames(), request.messageAttributeNames(), request.receiveRequestAttemptId(),
                waitSeconds * 1000L);
    }

    /**
     * For pollers: receive up to {@code max} messages with all attributes, waiting up to
     * {@code waitSeconds}. A parked poll completes on one of SQS's two delivery threads: continue with
     * {@code thenAcceptAsync(..., yourExecutor)} and never block in the callback.
     */
    public CompletableFuture<List<ReceivedMessage>> receiveAsync(Scope scope, String queueRef, int max,
                                                                 Integer visibilityTimeout, int waitSeconds) {
        return receiveMessage(scope, queueRef, ReceiveRequest.all(max, visibilityTimeout, waitSeconds));
    }

    /** Up to {@code max} (1..100) of a queue's messages, oldest first, without receiving them or changing their visibility. */
    public List<dev.cloudjar.services.sqs.engine.PeekedMessage> peek(Scope scope, String queueRef, int max) {
        return queue(scope, queueRef).peek(Math.max(1, Math.min(100, max)));
    }

    /** For pollers: deletes a received message by its receipt handle. */
    public void delete(Scope scope, String queueRef, String receiptHandle) {
        deleteMessage(scope, queueRef, receiptHandle);
    }

    public void deleteMessage(Scope scope, String queueRef, String receiptHandle) {
        MessageQueue queue = queue(scope, queueRef);
        if (receiptHandle == null || receiptHandle.isEmpty()) {
            throw SqsErrors.missingParameter("ReceiptHandle");
        }
        queue.delete(receiptHandle);
    }

    public BatchResult<Void> deleteMessageBatch(Scope scope, String queueRef, List<BatchResult.Entry<String>> entries) {
        MessageQueue queue = queue(scope, queueRef);
        BatchRules.check(entries, "DeleteMessageBatchRequestEntry");
        return BatchRules.each(entries, handle -> {
            queue.delete(handle);
            return null;
        });
    }

    public void changeMessageVisibility(Scope scope, String queueRef, String receiptHandle, Integer visibilityTimeout) {
        changeVisibility(queue(scope, queueRef), receiptHandle, visibilityTimeout);
    }

    private void changeVisibility(MessageQueue queue, String receiptHandle, Integer visibilityTimeout) {
        if (receiptHandle == null || receiptHandle.isEmpty()) {
            throw SqsErrors.missingParameter("ReceiptHandle");
        }
        if (visibilityTimeout == null) {
            throw SqsErrors.missingParameter("VisibilityTimeout");
        }
        if (visibilityTimeout < 0 || visibilityTimeout > QueueAttributes.MAX_VISIBILITY_TIMEOUT) {
            throw SqsErrors.invalidParameter(visibilityTimeout, "VisibilityTimeout",
                    "Total VisibilityTimeout for the message is beyond the limit [43200 seconds]");
        }
        queue.changeVisibility(receiptHandle, visibilityTimeout);
    }

    /** One ChangeMessageVisibilityBatch entry. */
    public record VisibilityChange(String receiptHandle, Integer visibilityTimeout) {
    }

    public BatchResult<Void> changeMessageVisibilityBatch(Scope scope, String queueRef,
                                                          List<BatchResult.Entry<VisibilityChange>> entries) {
        MessageQueue queue = queue(scope, queueRef);
        BatchRules.check(entries, "ChangeMessageVisibilityBatchRequestEntry");
        return BatchRules.each(entries, change -> {
            changeVisibility(queue, change.receiptHandle(), change.visibilityTimeout());
            return null;
        });
    }

    // ---- dead-letter redrive -------------------------------------------------------------------

    public String startMessageMoveTask(Scope scope, String sourceArn, String destinationArn, Integer maxPerSecond) {
        MessageQueue source = moveSource(sourceArn, "SourceArn");
        if (queues.all().noneMatch(q -> q.settings().redrivePolicy() != null
                && source.name().arn().equals(q.settings().redrivePolicy().deadLetterTargetArn()))) {
            throw SqsErrors.invalidParameterValue("Source queue must be configured as a Dead Letter Queue.");
        }
        if (destinationArn != null) {
            moveSource(destinationArn, "DestinationArn");
        }
        if (maxPerSecond != null && (maxPerSecond < 1 || maxPerSecond > 500)) {
            throw SqsErrors.invalidParameter(maxPerSecond, "MaxNumberOfMessagesPerSecond", "Must be between 1 and 500.");
        }
        return moveTasks.start(source, destinationArn, maxPerSecond);
    }

    private MessageQueue moveSource(String arn, String parameter) {
        if (arn == null || dev.cloudjar.core.Arn.parseOrNull(arn) == null) {
            throw SqsErrors.invalidParameterValue("You must use this format to specify the " + parameter
                    + ": arn:<partition>:<service>:<region>:<account-id>:<resource-id>");
        }
        MessageQueue queue = queueByArn(arn);
        if (queue == null) {
            throw SqsErrors.resourceNotFound("The resource that you specified for the " + parameter + " parameter doesn't exist.");
        }
        return queue;
    }

    public List<MessageMoveTasks.MoveTask> listMessageMoveTasks(Scope scope, String sourceArn, Integer maxResults) {
        MessageQueue source = moveSource(sourceArn, "SourceArn");
        int max = maxResults == null ? 1 : maxResults;
        if (max < 1 || max > 10) {
            throw SqsErrors.invalidParameter(max, "MaxResults", "Must be between 1 and 10, if provided.");
        }
        return moveTasks.list(source.name().arn(), max);
    }

    public long cancelMessageMoveTask(Scope scope, String taskHandle) {
        return moveTasks.cancel(taskHandle);
    }

    // ---- lookups -----------------------------------------------------------------------------

    private MessageQueue queue(Scope scope, String queueRef) {
        if (queueRef == null || queueRef.isEmpty()) {
            throw SqsErrors.missingParameter("QueueUrl");
        }
        MessageQueue queue = queues.find(QueueName.parse(scope, queueRef));
        if (queue == null) {
            throw SqsErrors.queueDoesNotExist();
        }
        return queue;
    }

    private MessageQueue queueByArn(String arn) {
        dev.cloudjar.core.Arn parsed = dev.cloudjar.core.Arn.parseOrNull(arn);
        if (parsed == null || !"sqs".equals(parsed.service())) {
            return null;
        }
        return queues.find(new QueueName(parsed.account(), parsed.region(), parsed.resource()));
    }

    /** Forgets every queue and message (CloudJar reset). */
    public void reset() {
        queues.clear();
        moveTasks.clear();
    }

    @Override
    public void close() {
        queues.all().forEach(MessageQueue::endWaits);
        timers.shutdownNow();
        deliveries.shutdown();
    }
}
