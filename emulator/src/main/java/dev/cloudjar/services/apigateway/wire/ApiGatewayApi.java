package dev.cloudjar.services.apigateway.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.apigateway.ApiGatewayBackend;
import dev.cloudjar.services.apigateway.ApiKeys;
import dev.cloudjar.services.apigateway.model.ApiKeyRecord;
import dev.cloudjar.services.apigateway.model.ApiStageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * API Gateway's REST-JSON control plane, v1 ({@code /restapis}, {@code /apikeys}, {@code /usageplans},
 * {@code /tags}) and v2 ({@code /v2/...}). Errors carry {@code x-amzn-ErrorType} and
 * {@code {"message": ...}}, as API Gateway answers them.
 */
public final class ApiGatewayApi implements AwsService {
    static final String JSON_TYPE = "application/json";
    private final ApiGatewayBackend backend;
    private final RestApiRoutes rest;
    private final HttpApiRoutes http;

    public ApiGatewayApi(ApiGatewayBackend backend, java.time.Clock clock, dev.cloudjar.core.IdGenerator ids) {
        this.backend = backend;
        this.rest = new RestApiRoutes(backend, new TestInvoke(backend, new RestInvoker(backend, new HttpForwarder()), clock, ids));
        this.http = new HttpApiRoutes(backend);
    }

    @Override
    public String serviceName() {
        return "apigateway";
    }

    @Override
    public AwsResponse handle(AwsRequest r) {
        String[] seg = Bind.segments(r.rawPath());
        String m = r.method();
        AwsResponse response = null;
        if (seg.length >= 1) {
            switch (seg[0]) {
                case "restapis":
                    response = rest.handle(r, m, seg);
                    break;
                case "apikeys":
                    response = apiKeys(r, m, seg);
                    break;
                case "usageplans":
                    response = usagePlans(r, m, seg);
                    break;
                case "tags":
                    response = tags(r, m, seg);
                    break;
                case "v2":
                    response = http.handle(r, m, seg);
                    break;
                default:
                    break;
            }
        }
        if (response == null) {
            throw new AwsException(404, "UnknownOperationException", "CloudJar does not implement the API Gateway operation "
                    + m + " " + r.rawPath() + "; docs/coverage.md lists the operations it implements");
        }
        return response;
    }

    private AwsResponse apiKeys(AwsRequest r, String m, String[] seg) {
        Scope scope = r.scope();
        ApiKeys keys = backend.apiKeys();
        if (seg.length == 1) {
            if (m.equals("POST") && r.queryParameter("mode") == null) {
                JsonNode b = JsonProtocol.readTree(r);
                List<String> stageKeys = new ArrayList<>();
                JsonNode list = b.get("stageKeys");
                if (list != null && list.isArray()) {
                    list.forEach(k -> stageKeys.add(Bind.text(k, "restApiId") + "/" + Bind.text(k, "stageName")));
                }
                Boolean enabled = Bind.bool(b, "enabled");
                ApiKeyRecord key = keys.create(scope, Bind.text(b, "name"), Bind.text(b, "description"), Boolean.TRUE.equals(enabled),
                        Bind.text(b, "value"), Bind.text(b, "customerId"), stageKeys, Bind.strings(b, "tags"));
                return json(201, RestRender.apiKey(key, true, backend.tagsOf(scope, ApiKeys.keyArn(scope, key.id()))), r);
            }
            if (m.equals("GET")) {
                boolean values = "true".equals(r.queryParameter("includeValues"));
                return json(200, RestRender.items(keys.list(scope, r.queryParameter("name"), r.queryParameter("customerId")),
                        k -> RestRender.apiKey(k, values, backend.tagsOf(scope, ApiKeys.keyArn(scope, k.id())))), r);
            }
            return null;
        }
        if (seg.length != 2) {
            return null;
        }
        switch (m) {
            case "GET": {
                ApiKeyRecord key = keys.get(scope, seg[1]);
                return json(200, RestRender.apiKey(key, "true".equals(r.queryParameter("includeValue")),
                        backend.tagsOf(scope, ApiKeys.keyArn(scope, key.id()))), r);
            }
            case "DELETE":
                keys.delete(scope, seg[1]);
                return empty(202, r);
            default:
                return null;
        }
    }

    private AwsResponse usagePlans(AwsRequest r, String m, String[] seg) {
        Scope scope = r.scope();
        ApiKeys keys = backend.apiKeys();
        if (seg.length == 1) {
            if (m.equals("POST")) {
                JsonNode b = JsonProtocol.readTree(r);
                List<ApiStageRef> stages = new ArrayList<>();
                JsonNode list = b.get("apiStages");
                if (list != null && list.isArray()) {
                    list.forEach(s -> stages.add(new ApiStageRef(Bind.text(s, "apiId"), Bind.text(s, "stage"))));
                }
                JsonNode throttle = b.get("throttle");
                JsonNode quota = b.get("quota");
                var plan = keys.createPlan(scope, new ApiKeys.UsagePlanInput(Bind.text(b, "name"), Bind.text(b, "description"), stages,
                        Bind.number(throttle, "rateLimit"), Bind.integer(throttle, "burstLimit"), Bind.integer(quota, "limit"),
                        Bind.integer(quota, "offset"), Bind.text(quota, "period"), Bind.strings(b, "tags")));
                return json(201, RestRender.usagePlan(plan, backend.tagsOf(scope, ApiKeys.planArn(scope, plan.id()))), r);
            }
            return m.equals("GET") ? json(200, RestRender.items(keys.plans(scope, r.queryParameter("keyId")),
                    p -> RestRender.usagePlan(p, backend.tagsOf(scope, ApiKeys.planArn(scope, p.id())))), r) : null;
        }
        String planId = seg[1];
        if (seg.length == 2) {
            switch (m) {
                case "GET":
                    return json(200, RestRender.usagePlan(keys.plan(scope, planId), backend.tagsOf(scope, ApiKeys.planArn(scope, planId))), r);
                case "DELETE":
                    keys.deletePlan(scope, planId);
                    return empty(202, r);
                default:
                    return null;
            }
        }
        if (!seg[2].equals("keys")) {
            return null;
        }
        if (seg.length == 3) {
            if (m.equals("POST")) {
                JsonNode b = JsonProtocol.readTree(r);
                return json(201, RestRender.usagePlanKey(keys.addKey(scope, planId, Bind.text(b, "keyId"), Bind.text(b, "keyType"))), r);
            }
            return m.equals("GET") ? json(200, RestRender.items(keys.planKeys(scope, planId), RestRender::usagePlanKey), r) : null;
        }
        if (seg.length != 4) {
            return null;
        }
        switch (m) {
            case "GET":
                return json(200, RestRender.usagePlanKey(keys.planKey(scope, planId, seg[3])), r);
            case "DELETE":
                keys.removeKey(scope, planId, seg[3]);
                return empty(202, r);
            default:
                return null;
        }
    }

    private AwsResponse tags(AwsRequest r, String m, String[] seg) {
        if (seg.length != 2) {
            return null;
        }
        Scope scope = r.scope();
        String arn = seg[1];
        switch (m) {
            case "GET": {
                ObjectNode out = RestRender.node();
                out.set("tags", JsonProtocol.MAPPER.valueToTree(backend.tags().get(scope, arn)));
                return json(200, out, r);
            }
            case "PUT":
                backend.tags().tag(scope, arn, Bind.strings(JsonProtocol.readTree(r), "tags"));
                return empty(204, r);
            case "DELETE":
                backend.tags().untag(scope, arn, r.queryParameters().getOrDefault("tagKeys", List.of()));
                return empty(204, r);
            default:
                return null;
        }
    }

    static AwsResponse json(int status, Object body, AwsRequest r) {
        return AwsResponse.status(status).header("x-amzn-RequestId", r.requestId()).body(JsonProtocol.encode(body), JSON_TYPE);
    }

    static AwsResponse empty(int status, AwsRequest r) {
        return AwsResponse.status(status).header("x-amzn-RequestId", r.requestId()).body(new byte[0], JSON_TYPE);
    }

    @Override
    public AwsResponse error(AwsException e, AwsRequest r) {
        ObjectNode body = JsonProtocol.MAPPER.createObjectNode();
        body.put("message", e.getMessage());
        for (Map.Entry<String, Object> detail : e.details().entrySet()) {
            body.set(detail.getKey(), JsonProtocol.MAPPER.valueToTree(detail.getValue()));
        }
        return AwsResponse.status(e.status()).header("x-amzn-RequestId", r.requestId())
                .header("x-amzn-ErrorType", e.code()).body(JsonProtocol.encode(body), JSON_TYPE);
    }
}
