package dev.cloudjar.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.protocol.json.JsonProtocol;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * CloudJar's own JSON endpoints under {@code /_cloudjar/} (docs/control-api.md): health, reset, and read-only views that
 * other parts register ({@code /_cloudjar/api/outbox}, ...). Errors are JSON with
 * {@code x-amzn-ErrorType}, like the REST-JSON services.
 */
public final class ControlApi implements AwsService {
    private final HealthView health;
    private final Runnable reset;
    private final boolean persistent;
    private final Map<String, Function<AwsRequest, Object>> views = new ConcurrentHashMap<>();
    private final Map<String, Function<AwsRequest, Object>> actions = new ConcurrentHashMap<>();
    private volatile java.util.function.BiFunction<AwsRequest, String, AwsResponse> pages;

    /** {@code persistent}: state lives in a data directory, which reset erases only when asked to. */
    public ControlApi(HealthView health, Runnable reset, boolean persistent) {
        this.health = health;
        this.reset = reset;
        this.persistent = persistent;
    }

    /** Adds a GET view at {@code /_cloudjar/<path>} answering the function's result as JSON. */
    public ControlApi view(String path, Function<AwsRequest, Object> view) {
        views.put(path, view);
        return this;
    }

    /**
     * Adds a POST action for every path under {@code /_cloudjar/<pathPrefix>}; like reset it takes
     * only JSON requests, and answers the function's result as JSON.
     */
    public ControlApi action(String pathPrefix, Function<AwsRequest, Object> action) {
        actions.put(pathPrefix, action);
        return this;
    }

    /**
     * Serves {@code GET /_cloudjar/} and everything under {@code /_cloudjar/console} with {@code pages}
     * (called with the path after {@code /_cloudjar/}).
     */
    public ControlApi pages(java.util.function.BiFunction<AwsRequest, String, AwsResponse> value) {
        this.pages = value;
        return this;
    }

    @Override
    public String serviceName() {
        return "cloudjar";
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        String path = request.rawPath().substring("/_cloudjar".length());
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (pages != null && isRead(request) && (path.isEmpty() || path.equals("console") || path.startsWith("console/"))) {
            return pages.apply(request, path);
        }
        if (path.equals("health") && isRead(request)) {
            return AwsResponse.ok().body(HealthJson.render(health.snapshot()), "application/json");
        }
        if (path.equals("reset") && "POST".equals(request.method())) {
            return reset(request);
        }
        if ("POST".equals(request.method())) {
            for (Map.Entry<String, Function<AwsRequest, Object>> action : actions.entrySet()) {
                if (path.startsWith(action.getKey())) {
                    requireJson(request, "/_cloudjar/" + path);
                    return json(action.getValue().apply(request));
                }
            }
        }
        Function<AwsRequest, Object> view = views.get(path);
        if (view != null && isRead(request)) {
            return json(view.apply(request));
        }
        throw new AwsException(404, "ResourceNotFoundException", "No CloudJar endpoint " + request.method() + " /_cloudjar/" + path);
    }

    /**
     * Erases all state. Only a JSON request may (a web page cannot send one to another origin without
     * a preflight CloudJar refuses), and a data directory is erased only when the body says
     * {@code "dataDir": true}.
     */
    private AwsResponse reset(AwsRequest request) {
        requireJson(request, "/_cloudjar/reset");
        JsonNode body = jsonObject(request, "reset");
        boolean dataDir = body.path("dataDir").asBoolean(false);
        if (persistent && !dataDir) {
            throw new AwsException(400, "ValidationException", "CloudJar keeps its state in a data directory; "
                    + "reset erases it only when the body says {\"dataDir\": true}");
        }
        reset.run();
        return json(JsonProtocol.MAPPER.createObjectNode().put("reset", true).put("dataDir", persistent));
    }

    /** The request's JSON object body (an empty body is {}); {@code what} names the request in errors. */
    static JsonNode jsonObject(AwsRequest request, String what) {
        JsonNode body;
        try {
            byte[] bytes = request.bodyBytes();
            body = bytes.length == 0 ? JsonProtocol.MAPPER.createObjectNode() : JsonProtocol.MAPPER.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new AwsException(400, "SerializationException", "The " + what + " request body is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw new AwsException(400, "SerializationException", "The " + what + " request body must be a JSON object");
        }
        return body;
    }

    private static void requireJson(AwsRequest request, String path) {
        String type = request.header("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new AwsException(415, "UnsupportedMediaTypeException",
                    "POST " + path + " takes a JSON body: Content-Type: application/json");
        }
    }

    private static boolean isRead(AwsRequest request) {
        return "GET".equals(request.method()) || "HEAD".equals(request.method());
    }

    private static AwsResponse json(Object body) {
        return AwsResponse.ok().body(JsonProtocol.encode(body), "application/json");
    }

    @Override
    public AwsResponse error(AwsException error, AwsRequest request) {
        ObjectNode body = JsonProtocol.MAPPER.createObjectNode().put("Type", error.senderFault() ? "User" : "Service")
                .put("message", error.getMessage());
        return AwsResponse.status(error.status()).header("x-amzn-ErrorType", error.code())
                .body(JsonProtocol.encode(body), "application/json");
    }
}
