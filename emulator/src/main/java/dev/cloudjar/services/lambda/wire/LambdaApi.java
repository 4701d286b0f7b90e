package dev.cloudjar.services.lambda.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.lambda.LambdaBackend;
import dev.cloudjar.services.lambda.model.FunctionConfig;
import dev.cloudjar.services.lambda.model.FunctionDetails;
import dev.cloudjar.services.lambda.model.InvokeOutput;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Lambda's REST-JSON API: routes {@code /<date>/functions/...}, {@code /event-source-mappings},
 * {@code /layers}, {@code /tags} and {@code /account-settings} to one backend call each and renders AWS's shapes.
 * Errors carry {@code x-amzn-ErrorType} and {@code {"Type":"User","message":...}}.
 */
public final class LambdaApi implements AwsService {
    static final String JSON_TYPE = "application/json";
    private final LambdaBackend backend;
    private final LambdaExtrasApi extras;
    private final LambdaMappingsApi mappings;
    private final LambdaLayersApi layers;

    public LambdaApi(LambdaBackend backend) {
        this.backend = backend;
        this.extras = new LambdaExtrasApi(backend);
        this.mappings = new LambdaMappingsApi(backend);
        this.layers = new LambdaLayersApi(backend.layers());
    }

    @Override
    public String serviceName() {
        return "lambda";
    }

    @Override
    public AwsResponse handle(AwsRequest r) {
        String[] seg = segments(r.rawPath());
        String m = r.method();
        if (seg.length >= 2 && seg[1].equals("functions")) {
            AwsResponse response = functions(r, m, seg);
            if (response != null) {
                return response;
            }
        } else if (seg.length >= 2 && seg[1].equals("event-source-mappings")) {
            AwsResponse response = mappings.handle(r, m, seg);
            if (response != null) {
                return response;
            }
        } else if (seg.length >= 2 && seg[1].equals("layers")) {
            AwsResponse response = layers.handle(r, m, seg);
            if (response != null) {
                return response;
            }
        } else if (seg.length >= 3 && seg[1].equals("tags")) {
            AwsResponse response = extras.tags(r, m, String.join("/", List.of(seg).subList(2, seg.length)));
            if (response != null) {
                return response;
            }
        } else if (seg.length == 2 && seg[1].equals("account-settings") && m.equals("GET")) {
            return extras.accountSettings(r);
        }
        throw new AwsException(404, "UnknownOperationException", "Unknown operation " + m + " " + r.rawPath());
    }

    private AwsResponse functions(AwsRequest r, String m, String[] seg) {
        Scope scope = r.scope();
        if (seg.length == 2) {
            if (m.equals("POST")) {
                return create(r);
            }
            if (m.equals("GET")) {
                return list(r);
            }
            return null;
        }
        String fn = seg[2];
        String qualifier = r.queryParameter("Qualifier");
        if (seg.length == 3) {
            if (m.equals("GET")) {
                FunctionDetails d = backend.getFunction(scope, fn, qualifier);
                ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
                out.set("Configuration", LambdaRender.configuration(d.configuration(), d.functionArn(), backend.state(d.configuration())));
                ObjectNode code = out.putObject("Code");
                code.put("RepositoryType", "S3");
                code.put("Location", r.endpoint() + "/2015-03-31/functions/"
                        + URLEncoder.encode(d.functionArn(), StandardCharsets.UTF_8) + "/code");
                if (!d.tags().isEmpty()) {
                    ObjectNode tags = out.putObject("Tags");
                    d.tags().forEach(tags::put);
                }
                if (d.reservedConcurrency() != null) {
                    out.putObject("Concurrency").put("ReservedConcurrentExecutions", d.reservedConcurrency());
                }
                return json(200, out, r);
            }
            if (m.equals("DELETE")) {
                backend.deleteFunction(scope, fn, qualifier);
                return AwsResponse.status(204).header("x-amzn-RequestId", r.requestId());
            }
            return null;
        }
        String sub = seg[3];
        if (seg.length == 4) {
            switch (sub + " " + m) {
                case "configuration GET":
                    return config(backend.getFunctionConfiguration(scope, fn, qualifier), scope, r, 200);
                case "configuration PUT":
                    return updateConfiguration(r, fn);
                case "code GET":
                    // not an AWS operation: where GetFunction's Code.Location points, like AWS's presigned S3 link
                    return AwsResponse.ok().header("x-amzn-RequestId", r.requestId())
                            .stream(backend.functionCode(scope, fn, qualifier), -1, "application/zip");
                case "code PUT":
                    return updateCode(r, fn);
                case "invocations POST":
                    return invoke(r, fn, qualifier);
                case "invoke-async POST":
                    backend.invokeAsync(scope, fn, r.bodyBytes());
                    ObjectNode status = JsonProtocol.MAPPER.createObjectNode().put("Status", 202);
                    return json(202, status, r);
                case "versions POST": {
                    JsonNode body = JsonProtocol.readTree(r);
                    return config(backend.publishVersion(scope, fn, text(body, "CodeSha256"), text(body, "Description"),
                            text(body, "RevisionId")), scope, r, 201);
                }
                case "versions GET": {
                    ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
                    List<FunctionConfig> page = LambdaRender.page(backend.listVersionsByFunction(scope, fn),
                            r.queryParameter("Marker"), r.queryParameter("MaxItems"), out, "NextMarker");
                    ArrayNode versions = out.putArray("Versions");
                    // here even $LATEST carries its qualifier in FunctionArn, as AWS lists it
                    String base = dev.cloudjar.services.lambda.FunctionRef.parse(scope, fn, null).unqualifiedArn();
                    page.forEach(c -> versions.add(LambdaRender.configuration(c, base + ":" + c.version(), backend.state(c))));
                    return json(200, out, r);
                }
                default:
                    return extras.functionSubresource(r, m, fn, sub, null);
            }
        }
        if (seg.length == 5) {
            return extras.functionSubresource(r, m, fn, sub, seg[4]);
        }
        return null;
    }

    /** The scope a function name or ARN lives in. */
    static Scope scope(Scope requestScope, String fn) {
        return dev.cloudjar.services.lambda.FunctionRef.parse(requestScope, fn, null).scope();
    }

    private AwsResponse create(AwsRequest r) {
        JsonNode body = JsonProtocol.readTree(r);
        FunctionConfig c = backend.createFunction(r.scope(), text(body, "FunctionName"), LambdaBinding.settings(body),
                LambdaBinding.code(body.get("Code")), body.path("Publish").asBoolean(false), LambdaBinding.stringMap(body.get("Tags")));
        return config(c, scope(r.scope(), c.functionName()), r, 201);
    }

    private AwsResponse list(AwsRequest r) {
        boolean all = "ALL".equals(r.queryParameter("FunctionVersion"));
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        List<FunctionConfig> page = LambdaRender.page(backend.listFunctions(r.scope(), all), r.queryParameter("Marker"),
                r.queryParameter("MaxItems"), out, "NextMarker");
        ArrayNode functions = out.putArray("Functions");
        page.forEach(c -> functions.add(LambdaRender.configuration(c, backend.functionArn(r.scope(), c), backend.state(c))));
        return json(200, out, r);
    }

    private AwsResponse updateConfiguration(AwsRequest r, String fn) {
        JsonNode body = JsonProtocol.readTree(r);
        return config(backend.updateFunctionConfiguration(r.scope(), fn, LambdaBinding.settings(body), text(body, "RevisionId")),
                scope(r.scope(), fn), r, 200);
    }

    private AwsResponse updateCode(AwsRequest r, String fn) {
        JsonNode body = JsonProtocol.readTree(r);
        return config(backend.updateFunctionCode(r.scope(), fn, LambdaBinding.code(body), body.path("Publish").asBoolean(false),
                text(body, "RevisionId")), scope(r.scope(), fn), r, 200);
    }

    private AwsResponse invoke(AwsRequest r, String fn, String qualifier) {
        InvokeOutput out = backend.invoke(r.scope(), fn, qualifier, r.header("X-Amz-Invocation-Type"),
                "Tail".equals(r.header("X-Amz-Log-Type")), r.bodyBytes(), r.header("X-Amz-Client-Context"), r.requestId());
        AwsResponse response = AwsResponse.status(out.status()).header("x-amzn-RequestId", r.requestId());
        if (out.status() == 200) {
            response.header("X-Amz-Executed-Version", out.executedVersion())
                    .header("X-Amz-Function-Error", out.functionError())
                    .header("X-Amz-Log-Result", out.logResult());
            return response.body(out.payload(), JSON_TYPE);
        }
        return response;
    }

    private AwsResponse config(FunctionConfig c, Scope scope, AwsRequest r, int status) {
        return json(status, LambdaRender.configuration(c, backend.functionArn(scope, c), backend.state(c)), r);
    }

    static AwsResponse json(int status, Object body, AwsRequest r) {
        return AwsResponse.status(status).header("x-amzn-RequestId", r.requestId()).body(JsonProtocol.encode(body), JSON_TYPE);
    }

    static String text(JsonNode body, String field) {
        JsonNode n = body == null ? null : body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String[] segments(String rawPath) {
        String path = rawPath;
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length; i++) {
            parts[i] = URLDecoder.decode(parts[i].replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        return parts;
    }

    @Override
    public AwsResponse error(AwsException e, AwsRequest r) {
        ObjectNode body = JsonProtocol.MAPPER.createObjectNode();
        body.put("Type", e.status() >= 500 ? "Service" : "User");
        boolean capital = e.code().equals("ResourceNotFoundException") || e.code().equals("ServiceException")
                || e.code().equals("ResourceInUseException");
        body.put(capital ? "Message" : "message", e.getMessage());
        e.details().forEach((k, v) -> body.set(k, JsonProtocol.MAPPER.valueToTree(v)));
        return AwsResponse.status(e.status()).header("x-amzn-RequestId", r.requestId())
                .header("x-amzn-ErrorType", e.code()).body(JsonProtocol.encode(body), JSON_TYPE);
    }
}
