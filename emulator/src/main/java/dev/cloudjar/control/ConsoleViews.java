package dev.cloudjar.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.apigateway.ApiGatewayBackend;
import dev.cloudjar.services.dynamodb.DynamoDbBackend;
import dev.cloudjar.services.eventbridge.EventBridgeBackend;
import dev.cloudjar.services.iam.IamBackend;
import dev.cloudjar.services.kinesis.KinesisBackend;
import dev.cloudjar.services.lambda.LambdaBackend;
import dev.cloudjar.services.lambda.model.FunctionConfig;
import dev.cloudjar.services.logs.LogsBackend;
import dev.cloudjar.services.logs.model.OutputEvent;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.sns.SnsBackend;
import dev.cloudjar.services.sns.SnsPage;
import dev.cloudjar.services.sns.SubscriptionSummary;
import dev.cloudjar.services.sqs.SqsBackend;
import dev.cloudjar.services.sqs.engine.QueueName;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The console's read-only data endpoints under {@code /_cloudjar/api/} (docs/console.md). Each reads
 * one backend's public methods in the caller's scope (the default account and region for an unsigned
 * browser request) and never changes state: queues are peeked, never received.
 */
public final class ConsoleViews {
    static final int MAX_ITEMS = 100;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** The composition root's backend lookup. */
    public interface Backends {
        <T> T backend(Class<T> type);
    }

    private final Backends backends;

    private final FlowLog flow;

    private ConsoleViews(Backends backends, FlowLog flow) {
        this.backends = backends;
        this.flow = flow;
    }

    /** Registers every console view (and the flow timeline) on {@code api}. */
    public static ControlApi register(ControlApi api, Backends backends, FlowLog flow) {
        ConsoleViews v = new ConsoleViews(backends, flow);
        ConsoleActions.register(api, backends);
        BucketViews buckets = new BucketViews(() -> backends.backend(S3Backend.class));
        view(api, "api/s3/buckets", buckets::buckets);
        view(api, "api/s3/objects", buckets::objects);
        view(api, "api/s3/object", buckets::object);
        TableViews tables = new TableViews(() -> backends.backend(DynamoDbBackend.class));
        view(api, "api/dynamodb/tables", tables::tables);
        view(api, "api/dynamodb/table", tables::table);
        view(api, "api/dynamodb/items", tables::items);
        StreamViews streams = new StreamViews(() -> backends.backend(KinesisBackend.class));
        view(api, "api/kinesis/streams", streams::streams);
        view(api, "api/kinesis/stream", streams::stream);
        view(api, "api/kinesis/records", streams::records);
        RoleViews roles = new RoleViews(() -> backends.backend(IamBackend.class));
        view(api, "api/iam/roles", roles::roles);
        view(api, "api/iam/role", roles::role);
        view(api, "api/sqs/queues", v::queues);
        view(api, "api/sqs/queue", v::queue);
        view(api, "api/sns/topics", v::topics);
        view(api, "api/lambda/functions", v::functions);
        view(api, "api/lambda/function", v::function);
        view(api, "api/logs/groups", v::logGroups);
        view(api, "api/logs/events", v::logEvents);
        view(api, "api/apigateway/apis", v::apis);
        view(api, "api/events/rules", v::rules);
        view(api, "api/flow", request -> {
            long since = longParam(request, "since", 0);
            long wait = longParam(request, "wait", 0);
            if (wait < 0 || wait > FlowLog.MAX_WAIT_MILLIS / 1000) {
                throw new AwsException(400, "ValidationException", "wait must be 0 to " + FlowLog.MAX_WAIT_MILLIS / 1000 + " seconds");
            }
            if (wait > 0) {
                flow.awaitAfter(since, wait * 1000);
            }
            return flow.since(since, "true".equals(request.queryParameter("newest")), (int) longParam(request, "limit", FlowLog.PAGE),
                    !"false".equals(request.queryParameter("payloads")));
        });
        view(api, "api/flow/hop", request -> {
            long id = longParam(request, "id", -1);
            ObjectNode hop = flow.hop(id);
            if (hop == null) {
                throw new AwsException(404, "ResourceNotFoundException", "The flow no longer holds hop " + id);
            }
            return hop;
        });
        return api;
    }

    private static void view(ControlApi api, String path, Function<AwsRequest, Object> view) {
        api.view(path, view);
    }

    // ---------------------------------------------------------------- SQS

    private Object queues(AwsRequest request) {
        SqsBackend sqs = backends.backend(SqsBackend.class);
        ArrayNode out = F.arrayNode();
        String token = null;
        do {
            SqsBackend.QueuePage page = sqs.listQueues(request.scope(), null, 1000, token);
            for (QueueName q : page.queues()) {
                Map<String, String> a = sqs.getQueueAttributes(request.scope(), q.arn(), List.of("All"));
                out.addObject().put("name", q.name()).put("arn", q.arn())
                        .put("visible", a.get("ApproximateNumberOfMessages"))
                        .put("inFlight", a.get("ApproximateNumberOfMessagesNotVisible"))
                        .put("delayed", a.get("ApproximateNumberOfMessagesDelayed"))
                        .put("deadLetterTargetArn", deadLetterTarget(a.get("RedrivePolicy")));
            }
            token = page.nextToken();
        } while (token != null);
        return F.objectNode().set("queues", out);
    }

    /** The queue a RedrivePolicy sends messages to, or null. */
    private static String deadLetterTarget(String redrivePolicy) {
        if (redrivePolicy == null || redrivePolicy.isEmpty()) {
            return null;
        }
        try {
            return JsonProtocol.MAPPER.readTree(redrivePolicy).path("deadLetterTargetArn").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** A queue's attributes and up to {@code max} (default 20) messages peeked without receiving them. */
    private Object queue(AwsRequest request) {
        String arn = required(request, "arn");
        SqsBackend sqs = backends.backend(SqsBackend.class);
        ObjectNode out = F.objectNode().put("arn", arn);
        out.set("attributes", RecordJson.of(sqs.getQueueAttributes(request.scope(), arn, List.of("All"))));
        out.set("messages", RecordJson.of(sqs.peek(request.scope(), arn, (int) longParam(request, "max", 20))));
        return out;
    }

    // ---------------------------------------------------------------- SNS

    private Object topics(AwsRequest request) {
        SnsBackend sns = backends.backend(SnsBackend.class);
        Scope scope = request.scope();
        List<SubscriptionSummary> subscriptions = new ArrayList<>();
        String token = null;
        do {
            SnsPage<SubscriptionSummary> page = sns.listSubscriptions(scope, token);
            subscriptions.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        ArrayNode out = F.arrayNode();
        token = null;
        do {
            SnsPage<String> page = sns.listTopics(scope, token);
            for (String topicArn : page.items()) {
                ObjectNode topic = out.addObject().put("arn", topicArn);
                topic.set("attributes", RecordJson.of(sns.getTopicAttributes(scope, topicArn)));
                ArrayNode subs = topic.putArray("subscriptions");
                for (SubscriptionSummary s : subscriptions) {
                    if (topicArn.equals(s.topicArn())) {
                        ObjectNode sub = subs.addObject().put("arn", s.subscriptionArn()).put("protocol", s.protocol())
                                .put("endpoint", s.endpoint());
                        if (s.subscriptionArn() != null && s.subscriptionArn().startsWith("arn:")) {
                            sub.set("attributes", RecordJson.of(sns.getSubscriptionAttributes(scope, s.subscriptionArn())));
                        }
                    }
                }
            }
            token = page.nextToken();
        } while (token != null);
        return F.objectNode().set("topics", out);
    }

    // ---------------------------------------------------------------- Lambda and logs

    private Object functions(AwsRequest request) {
        ArrayNode out = F.arrayNode();
        for (FunctionConfig f : backends.backend(LambdaBackend.class).listFunctions(request.scope(), false)) {
            out.addObject().put("name", f.functionName()).put("runtime", f.runtime()).put("handler", f.handler())
                    .put("lastModified", f.lastModified());
        }
        return F.objectNode().set("functions", out);
    }

    /**
     * Configuration, versions, aliases, event source mappings with their state and last result, the
     * newest 20 invocations the flow still holds, and the newest log lines of /aws/lambda/<name>.
     */
    private Object function(AwsRequest request) {
        String name = required(request, "name");
        LambdaBackend lambda = backends.backend(LambdaBackend.class);
        FunctionConfig config = lambda.getFunctionConfiguration(request.scope(), name, null);
        ObjectNode out = F.objectNode().put("name", config.functionName());
        ObjectNode c = (ObjectNode) RecordJson.of(config);
        c.remove("codeBlobId");
        out.set("configuration", c);
        out.set("mappings", RecordJson.of(lambda.mappings().list(request.scope(), name, null)));
        ArrayNode versions = out.putArray("versions");
        for (FunctionConfig version : lambda.listVersionsByFunction(request.scope(), name)) {
            versions.addObject().put("version", version.version()).put("description", version.description())
                    .put("codeSha256", version.codeSha256()).put("lastModified", version.lastModified());
        }
        out.set("aliases", RecordJson.of(lambda.listAliases(request.scope(), name, null)));
        out.set("invocations", flow.invocations(config.functionName(), 20));
        out.set("logs", logLines(request.scope(), "/aws/lambda/" + config.functionName(), 200));
        return out;
    }

    private JsonNode logLines(Scope scope, String group, int limit) {
        ArrayNode out = F.arrayNode();
        try {
            List<OutputEvent> events = backends.backend(LogsBackend.class)
                    .filterLogEvents(scope, group, null, null, null, null, null, null, 10_000).events();
            for (OutputEvent e : events.subList(Math.max(0, events.size() - limit), events.size())) {
                out.addObject().put("stream", e.logStreamName()).put("timestamp", e.timestamp()).put("message", e.message());
            }
        } catch (AwsException e) {
            // no group yet: the function has not run
        }
        return out;
    }

    private Object logGroups(AwsRequest request) {
        var page = backends.backend(LogsBackend.class).describeLogGroups(request.scope(),
                new LogsBackend.GroupQuery(null, null, null, null), 50, request.queryParameter("next"));
        ObjectNode out = F.objectNode();
        out.set("groups", RecordJson.of(page.items()));
        out.put("next", page.nextToken());
        return out;
    }

    private Object logEvents(AwsRequest request) {
        return F.objectNode().set("events", logLines(request.scope(), required(request, "group"), 500));
    }

    // ---------------------------------------------------------------- API Gateway and EventBridge

    private Object apis(AwsRequest request) {
        ApiGatewayBackend apis = backends.backend(ApiGatewayBackend.class);
        ObjectNode out = F.objectNode();
        ArrayNode rest = out.putArray("rest");
        for (var api : apis.restApis().list(request.scope())) {
            rest.add(((ObjectNode) RecordJson.of(api)).put("invokeUrl", apis.apiEndpoint(api.id())));
        }
        ArrayNode http = out.putArray("http");
        for (var api : apis.httpApis().list(request.scope())) {
            http.add(((ObjectNode) RecordJson.of(api)).put("invokeUrl", apis.apiEndpoint(api.apiId())));
        }
        return out;
    }

    private Object rules(AwsRequest request) {
        EventBridgeBackend events = backends.backend(EventBridgeBackend.class);
        ArrayNode out = F.arrayNode();
        for (var rule : events.listRules(request.scope(), null, null, null, 100).items()) {
            ObjectNode r = (ObjectNode) RecordJson.of(rule);
            out.add(r);
        }
        return F.objectNode().set("rules", out);
    }

    // ---------------------------------------------------------------- parameters

    static String required(AwsRequest request, String name) {
        String value = request.queryParameter(name);
        if (value == null || value.isEmpty()) {
            throw new AwsException(400, "ValidationException", "Missing query parameter " + name);
        }
        return value;
    }

    static long longParam(AwsRequest request, String name, long fallback) {
        String value = request.queryParameter(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new AwsException(400, "ValidationException", name + " must be a number");
        }
    }
}
