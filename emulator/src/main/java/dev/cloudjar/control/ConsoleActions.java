package dev.cloudjar.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.integration.init.InitFile;
import dev.cloudjar.integration.init.InitFileException;
import dev.cloudjar.integration.init.InitFileLoader;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.services.lambda.LambdaBackend;
import dev.cloudjar.services.lambda.model.InvokeOutput;
import dev.cloudjar.services.sqs.SqsBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What the console changes, and only when the attendee presses the button: invoke a function with a
 * test event, purge a queue, load an init file's resources. Each is a POST under
 * {@code /_cloudjar/api/} that ControlApi accepts only with {@code Content-Type: application/json},
 * so a page of another origin cannot send one without a preflight CloudJar refuses.
 */
final class ConsoleActions {
    /** The name uploaded init files have in messages: the browser's file name never becomes a path. */
    private static final Path UPLOADED = Path.of("uploaded-init-file.json");

    private final ConsoleViews.Backends backends;

    private ConsoleActions(ConsoleViews.Backends backends) {
        this.backends = backends;
    }

    static void register(ControlApi api, ConsoleViews.Backends backends) {
        ConsoleActions a = new ConsoleActions(backends);
        api.action("api/lambda/invoke", a::invoke);
        api.action("api/sqs/purge", a::purge);
        api.action("api/init", a::init);
    }

    /**
     * {@code {"name": "f", "qualifier": "live", "payload": "<the event as JSON text>"}}: a
     * RequestResponse invoke; answers the status, result, error and the log tail, decoded.
     */
    private Object invoke(AwsRequest request) {
        JsonNode body = ControlApi.jsonObject(request, "invoke");
        String name = text(body, "name", true);
        String payload = text(body, "payload", false);
        InvokeOutput out = backends.backend(LambdaBackend.class).invoke(request.scope(), name, text(body, "qualifier", false),
                "RequestResponse", true, payload == null ? new byte[0] : payload.getBytes(StandardCharsets.UTF_8), null,
                request.requestId());
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("status", out.status())
                .put("functionError", out.functionError()).put("executedVersion", out.executedVersion())
                .put("payload", out.payload() == null ? null : new String(out.payload(), StandardCharsets.UTF_8));
        result.put("log", out.logResult() == null ? null
                : new String(java.util.Base64.getDecoder().decode(out.logResult()), StandardCharsets.UTF_8));
        return result;
    }

    /** {@code {"arn": "<queue ARN>"}}: PurgeQueue, with SQS's rules (one purge a minute per queue). */
    private Object purge(AwsRequest request) {
        String arn = text(ControlApi.jsonObject(request, "purge"), "arn", true);
        backends.backend(SqsBackend.class).purgeQueue(request.scope(), arn);
        return JsonNodeFactory.instance.objectNode().put("purged", arn);
    }

    /**
     * The body is an init file (docs/init-file.md) the attendee chose in the browser. Its functions are
     * refused: their code is a path on this machine, and a request never names a file CloudJar reads.
     */
    private Object init(AwsRequest request) {
        JsonNode file = ControlApi.jsonObject(request, "init");
        JsonNode functions = file.path("functions");
        if (functions.isArray() && !functions.isEmpty()) {
            throw new AwsException(400, "ValidationException", "The console does not create functions: an init file names "
                    + "their code by a path on this machine. Start CloudJar with --init FILE for them, or use aws lambda "
                    + "create-function; remove \"functions\" to load the rest here.");
        }
        InitFile init;
        try {
            init = InitFile.parse(UPLOADED, file.toString(), Path.of("."));
            new InitFileLoader(backends::backend, request.scope(), request.endpoint()).apply(init);
        } catch (InitFileException e) {
            throw new AwsException(400, "ValidationException", e.getMessage());
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.putObject("loaded").put("queues", init.queues().size()).put("topics", init.topics().size())
                .put("tables", init.tables().size()).put("eventSourceMappings", init.eventSourceMappings().size())
                .put("buckets", init.buckets().size());
        return out;
    }

    private static String text(JsonNode body, String member, boolean required) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            if (required) {
                throw new AwsException(400, "ValidationException", "The request body needs \"" + member + "\"");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new AwsException(400, "ValidationException", "\"" + member + "\" must be a string");
        }
        return value.asText();
    }
}
