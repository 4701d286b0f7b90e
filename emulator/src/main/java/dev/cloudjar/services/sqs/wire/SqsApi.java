package dev.cloudjar.services.sqs.wire;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.Protocol;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.protocol.query.QueryProtocol;
import dev.cloudjar.services.sqs.SqsBackend;
import dev.cloudjar.services.sqs.engine.MessageMoveTasks;
import dev.cloudjar.services.sqs.engine.QueueName;
import dev.cloudjar.services.sqs.engine.ReceiveRequest;
import dev.cloudjar.services.sqs.engine.SendResult;
import dev.cloudjar.services.sqs.wire.SqsInputs.*;
import dev.cloudjar.services.sqs.wire.SqsOutputs.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * SQS on the wire: the AWS JSON 1.0 protocol ({@code X-Amz-Target: AmazonSQS.<Op>}) and the Query
 * protocol (form in, XML out) on the same port, both bound into {@link SqsInputs} records, calling
 * one {@link SqsBackend} method and rendering {@link SqsOutputs} records. Queue URLs are built from
 * the endpoint the client addressed; with Query requests that carry no {@code QueueUrl} (SDK v1),
 * the queue comes from the request path {@code /<account>/<name>}.
 */
public final class SqsApi implements AwsService {
    static final String XMLNS = "http://queue.amazonaws.com/doc/2012-11-05/";
    static final String JSON_NAMESPACE = "com.amazonaws.sqs";

    private final SqsBackend backend;
    private final OperationTable operations = new OperationTable();

    /** How one operation binds (JSON class or Query reader), and what it calls. */
    private record Operation<I>(Class<I> input, Function<SqsQueryReader, I> query, BiFunction<AwsRequest, I, Object> call) {
        Object run(AwsRequest request, SqsQueryReader reader) {
            I in = reader == null ? JsonProtocol.read(request, input) : query.apply(reader);
            return call.apply(request, in);
        }
    }

    public SqsApi(SqsBackend backend) {
        this.backend = backend;
        SqsWireMapping map = new SqsWireMapping();
        op("CreateQueue", CreateQueueInput.class,
                q -> new CreateQueueInput(q.string("QueueName"), q.pairs("Attribute", "Name", "Value"), q.pairs("Tag", "Key", "Value")),
                (r, in) -> new QueueUrlOutput(url(r, backend.createQueue(r.scope(), in.QueueName(), in.Attributes(), in.tags()))));
        op("GetQueueUrl", GetQueueUrlInput.class,
                q -> new GetQueueUrlInput(q.string("QueueName"), q.string("QueueOwnerAWSAccountId")),
                (r, in) -> new QueueUrlOutput(url(r, backend.getQueueUrl(r.scope(), in.QueueName(), in.QueueOwnerAWSAccountId()))));
        op("ListQueues", ListQueuesInput.class,
                q -> new ListQueuesInput(q.string("QueueNamePrefix"), q.string("NextToken"), q.integer("MaxResults")),
                (r, in) -> {
                    SqsBackend.QueuePage page = backend.listQueues(r.scope(), in.QueueNamePrefix(), in.MaxResults(), in.NextToken());
                    // AWS leaves QueueUrls out when no queue matches (scripts use .get('QueueUrls', []))
                    return new ListQueuesOutput(page.queues().isEmpty() ? null : urls(r, page.queues()), page.nextToken());
                });
        op("DeleteQueue", QueueUrlInput.class, q -> new QueueUrlInput(q.string("QueueUrl")),
                (r, in) -> empty(() -> backend.deleteQueue(r.scope(), queue(r, in.QueueUrl()))));
        op("PurgeQueue", QueueUrlInput.class, q -> new QueueUrlInput(q.string("QueueUrl")),
                (r, in) -> empty(() -> backend.purgeQueue(r.scope(), queue(r, in.QueueUrl()))));
        op("GetQueueAttributes", GetQueueAttributesInput.class,
                q -> new GetQueueAttributesInput(q.string("QueueUrl"), q.list("AttributeName")),
                (r, in) -> new GetQueueAttributesOutput(nullIfEmpty(backend.getQueueAttributes(r.scope(), queue(r, in.QueueUrl()), in.AttributeNames()))));
        op("SetQueueAttributes", SetQueueAttributesInput.class,
                q -> new SetQueueAttributesInput(q.string("QueueUrl"), q.pairs("Attribute", "Name", "Value")),
                (r, in) -> empty(() -> backend.setQueueAttributes(r.scope(), queue(r, in.QueueUrl()), in.Attributes())));
        op("TagQueue", TagQueueInput.class,
                q -> new TagQueueInput(q.string("QueueUrl"), q.pairs("Tag", "Key", "Value")),
                (r, in) -> empty(() -> backend.tagQueue(r.scope(), queue(r, in.QueueUrl()), in.Tags())));
        op("UntagQueue", UntagQueueInput.class,
                q -> new UntagQueueInput(q.string("QueueUrl"), q.list("TagKey")),
                (r, in) -> empty(() -> backend.untagQueue(r.scope(), queue(r, in.QueueUrl()), in.TagKeys())));
        op("ListQueueTags", QueueUrlInput.class, q -> new QueueUrlInput(q.string("QueueUrl")),
                (r, in) -> new ListQueueTagsOutput(nullIfEmpty(backend.listQueueTags(r.scope(), queue(r, in.QueueUrl())))));
        op("AddPermission", AddPermissionInput.class,
                q -> new AddPermissionInput(q.string("QueueUrl"), q.string("Label"), q.list("AWSAccountId"), q.list("ActionName")),
                (r, in) -> empty(() -> backend.addPermission(r.scope(), queue(r, in.QueueUrl()), in.Label(), in.AWSAccountIds(), in.Actions())));
        op("RemovePermission", RemovePermissionInput.class,
                q -> new RemovePermissionInput(q.string("QueueUrl"), q.string("Label")),
                (r, in) -> empty(() -> backend.removePermission(r.scope(), queue(r, in.QueueUrl()), in.Label())));
        op("SendMessage", SendMessageInput.class,
                q -> new SendMessageInput(q.string("QueueUrl"), q.string("MessageBody"), q.integer("DelaySeconds"),
                        q.messageAttributes("MessageAttribute"), q.messageAttributes("MessageSystemAttribute"),
                        q.string("MessageDeduplicationId"), q.string("MessageGroupId")),
                (r, in) -> {
                    SendResult sent = backend.sendMessage(r.scope(), queue(r, in.QueueUrl()), map.send(r, in.MessageBody(), in.DelaySeconds(),
                            in.MessageAttributes(), in.MessageSystemAttributes(), in.MessageGroupId(), in.MessageDeduplicationId()));
                    return new SendMessageOutput(sent.md5OfMessageBody(), sent.md5OfMessageAttributes(),
                            sent.md5OfMessageSystemAttributes(), sent.messageId(), sent.sequenceNumber());
                });
        op("SendMessageBatch", SendMessageBatchInput.class,
                q -> new SendMessageBatchInput(q.string("QueueUrl"), q.sendEntries()),
                (r, in) -> map.sendBatch(backend.sendMessageBatch(r.scope(), queue(r, in.QueueUrl()), map.sendEntries(r, in.Entries()))));
        op("ReceiveMessage", ReceiveMessageInput.class,
                q -> new ReceiveMessageInput(q.string("QueueUrl"), q.list("AttributeName"), q.list("MessageSystemAttributeName"),
                        q.list("MessageAttributeName"), q.integer("MaxNumberOfMessages"), q.integer("VisibilityTimeout"),
                        q.integer("WaitTimeSeconds"), q.string("ReceiveRequestAttemptId")),
                (r, in) -> backend.receiveMessage(r.scope(), queue(r, in.QueueUrl()), new ReceiveRequest(in.MaxNumberOfMessages(),
                        in.VisibilityTimeout(), in.WaitTimeSeconds(), SqsWireMapping.union(in.AttributeNames(), in.MessageSystemAttributeNames()),
                        in.MessageAttributeNames(), in.ReceiveRequestAttemptId())).thenApply(SqsWireMapping::received));
        op("DeleteMessage", DeleteMessageInput.class,
                q -> new DeleteMessageInput(q.string("QueueUrl"), q.string("ReceiptHandle")),
                (r, in) -> empty(() -> backend.deleteMessage(r.scope(), queue(r, in.QueueUrl()), in.ReceiptHandle())));
        op("DeleteMessageBatch", DeleteMessageBatchInput.class,
                q -> new DeleteMessageBatchInput(q.string("QueueUrl"), q.deleteEntries()),
                (r, in) -> SqsWireMapping.ids(backend.deleteMessageBatch(r.scope(), queue(r, in.QueueUrl()), SqsWireMapping.entries(in.Entries(),
                        DeleteMessageBatchRequestEntry::Id, DeleteMessageBatchRequestEntry::ReceiptHandle))));
        op("ChangeMessageVisibility", ChangeMessageVisibilityInput.class,
                q -> new ChangeMessageVisibilityInput(q.string("QueueUrl"), q.string("ReceiptHandle"), q.integer("VisibilityTimeout")),
                (r, in) -> empty(() -> backend.changeMessageVisibility(r.scope(), queue(r, in.QueueUrl()), in.ReceiptHandle(), in.VisibilityTimeout())));
        op("ChangeMessageVisibilityBatch", ChangeMessageVisibilityBatchInput.class,
                q -> new ChangeMessageVisibilityBatchInput(q.string("QueueUrl"), q.visibilityEntries()),
                (r, in) -> SqsWireMapping.ids(backend.changeMessageVisibilityBatch(r.scope(), queue(r, in.QueueUrl()),
                        SqsWireMapping.entries(in.Entries(), ChangeMessageVisibilityBatchRequestEntry::Id,
                                e -> new SqsBackend.VisibilityChange(e.ReceiptHandle(), e.VisibilityTimeout())))));
        op("ListDeadLetterSourceQueues", ListDeadLetterSourceQueuesInput.class,
                q -> new ListDeadLetterSourceQueuesInput(q.string("QueueUrl"), q.string("NextToken"), q.integer("MaxResults")),
                (r, in) -> {
                    SqsBackend.QueuePage page = backend.listDeadLetterSourceQueues(r.scope(), queue(r, in.QueueUrl()), in.MaxResults(), in.NextToken());
                    return new ListDeadLetterSourceQueuesOutput(urls(r, page.queues()), page.nextToken());
                });
        op("StartMessageMoveTask", StartMessageMoveTaskInput.class,
                q -> new StartMessageMoveTaskInput(q.string("SourceArn"), q.string("DestinationArn"), q.integer("MaxNumberOfMessagesPerSecond")),
                (r, in) -> new StartMessageMoveTaskOutput(backend.startMessageMoveTask(r.scope(), in.SourceArn(), in.DestinationArn(),
                        in.MaxNumberOfMessagesPerSecond())));
        op("ListMessageMoveTasks", ListMessageMoveTasksInput.class,
                q -> new ListMessageMoveTasksInput(q.string("SourceArn"), q.integer("MaxResults")),
                (r, in) -> {
                    List<ListMessageMoveTasksResultEntry> results = new ArrayList<>();
                    for (MessageMoveTasks.MoveTask t : backend.listMessageMoveTasks(r.scope(), in.SourceArn(), in.MaxResults())) {
                        results.add(new ListMessageMoveTasksResultEntry(t.taskHandle(), t.status(), t.sourceArn(), t.destinationArn(),
                                t.maxNumberOfMessagesPerSecond(), t.approximateNumberOfMessagesMoved(),
                                t.approximateNumberOfMessagesToMove(), t.failureReason(), t.startedTimestamp()));
                    }
                    return new ListMessageMoveTasksOutput(results);
                });
        op("CancelMessageMoveTask", CancelMessageMoveTaskInput.class,
                q -> new CancelMessageMoveTaskInput(q.string("TaskHandle")),
                (r, in) -> new CancelMessageMoveTaskOutput(backend.cancelMessageMoveTask(r.scope(), in.TaskHandle())));
    }

    private <I> void op(String name, Class<I> input, Function<SqsQueryReader, I> query, BiFunction<AwsRequest, I, Object> call) {
        Operation<I> operation = new Operation<>(input, query, call);
        operations.register(name, request -> respond(request, name, operation));
    }

    @Override
    public String serviceName() {
        return "sqs";
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        OperationTable.Operation operation = operations.find(request.target());
        if (operation == null) {
            return request.protocol() == Protocol.JSON
                    ? JsonProtocol.unknownOperation(request, JSON_NAMESPACE) : QueryProtocol.invalidAction(request, XMLNS);
        }
        return operation.handle(request);
    }

    private static AwsResponse respond(AwsRequest request, String action, Operation<?> operation) {
        SqsQueryReader reader = request.protocol() == Protocol.JSON ? null : new SqsQueryReader(QueryProtocol.params(request));
        Object output = operation.run(request, reader);
        if (output instanceof CompletableFuture<?> pending) {
            if (pending.isDone() && !pending.isCompletedExceptionally()) {
                return render(request, action, pending.join());
            }
            return AwsResponse.deferred(pending.thenApply(result -> render(request, action, result)));
        }
        return render(request, action, output);
    }

    private static AwsResponse render(AwsRequest request, String action, Object output) {
        if (request.protocol() == Protocol.JSON) {
            return JsonProtocol.ok(output == null ? Map.of() : output);
        }
        if (output == null) {
            return QueryProtocol.okNoResult(action, XMLNS, request);
        }
        if (output instanceof BatchIdsOutput batch) {
            String entry = action.equals("DeleteMessageBatch") ? "DeleteMessageBatchResultEntry" : "ChangeMessageVisibilityBatchResultEntry";
            return QueryProtocol.ok(action, XMLNS, request, xml -> SqsXml.writeBatch(batch, entry, xml));
        }
        return QueryProtocol.ok(action, XMLNS, request, xml -> SqsXml.write(output, xml));
    }

    @Override
    public AwsResponse error(AwsException error, AwsRequest request) {
        if (request != null && request.protocol() == Protocol.JSON) {
            return JsonProtocol.error(error, request, JSON_NAMESPACE);
        }
        String code = error.legacyCode() != null ? error.legacyCode() : error.code();
        String message = "AWS.SimpleQueueService.NonExistentQueue".equals(code)
                ? "The specified queue does not exist for this wsdl version." : error.getMessage();
        return QueryProtocol.error(new AwsException(error.status(), code, message, error.senderFault()), XMLNS, request);
    }

    // ---- queue URLs ----------------------------------------------------------------------------

    /** The queue reference: the given QueueUrl, else the request path {@code /<account>/<name>} (SDK v1). */
    private static String queue(AwsRequest request, String given) {
        if (given != null && !given.isEmpty()) {
            return given;
        }
        String path = request.rawPath();
        int second = path.indexOf('/', 1);
        if (second > 1 && second < path.length() - 1 && path.indexOf('/', second + 1) < 0) {
            return request.endpoint() + path;
        }
        return null;
    }

    static String url(AwsRequest request, QueueName name) {
        return request.endpoint() + "/" + name.account() + "/" + name.name();
    }

    private static List<String> urls(AwsRequest request, List<QueueName> names) {
        List<String> out = new ArrayList<>(names.size());
        names.forEach(n -> out.add(url(request, n)));
        return out;
    }

    private static <K, V> Map<K, V> nullIfEmpty(Map<K, V> map) {
        return map == null || map.isEmpty() ? null : map;
    }

    private static Object empty(Runnable action) {
        action.run();
        return null;
    }
}
