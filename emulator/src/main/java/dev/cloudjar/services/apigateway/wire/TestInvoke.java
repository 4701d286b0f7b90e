package dev.cloudjar.services.apigateway.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.Headers;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.apigateway.ApiGatewayBackend;
import dev.cloudjar.services.apigateway.ExecuteApiRouter.RestTarget;
import dev.cloudjar.services.apigateway.model.RestApiRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TestInvokeMethod: runs a method as it is now (deployed or not) with the request the caller
 * describes, in the pseudo-stage {@code test-invoke-stage}, and reports status, headers, body and a log.
 */
final class TestInvoke {
    private final ApiGatewayBackend backend;
    private final RestInvoker invoker;
    private final Clock clock;
    private final IdGenerator ids;

    TestInvoke(ApiGatewayBackend backend, RestInvoker invoker, Clock clock, IdGenerator ids) {
        this.backend = backend;
        this.invoker = invoker;
        this.clock = clock;
        this.ids = ids;
    }

    ObjectNode run(AwsRequest r, String apiId, String resourceId, String httpMethod) {
        JsonNode b = JsonProtocol.readTree(r);
        RestApiRecord api = backend.restApis().get(r.scope(), apiId);
        var resource = backend.restApis().resource(r.scope(), apiId, resourceId);
        var method = backend.restApis().method(r.scope(), apiId, resourceId, httpMethod);
        if (method.integration() == null) {
            throw dev.cloudjar.services.apigateway.ApiGatewayErrors.badRequest("No integration defined for method");
        }
        String pathWithQuery = Bind.text(b, "pathWithQueryString");
        if (pathWithQuery == null || pathWithQuery.isEmpty()) {
            pathWithQuery = resource.path();
        }
        int q = pathWithQuery.indexOf('?');
        String path = q < 0 ? pathWithQuery : pathWithQuery.substring(0, q);
        String query = q < 0 ? "" : pathWithQuery.substring(q + 1);
        Headers headers = new Headers();
        Map<String, String> single = Bind.strings(b, "headers");
        if (single != null) {
            single.forEach(headers::add);
        }
        JsonNode multi = b.get("multiValueHeaders");
        if (multi != null && multi.isObject()) {
            multi.fields().forEachRemaining(e -> e.getValue().forEach(v -> headers.add(e.getKey(), v.asText())));
        }
        String bodyText = Bind.text(b, "body");
        byte[] body = bodyText == null ? new byte[0] : bodyText.getBytes(StandardCharsets.UTF_8);
        AwsRequest synthetic = AwsRequest.builder().method(httpMethod.equals("ANY") ? "GET" : httpMethod).rawPath(path)
                .rawQuery(query).headers(headers).body(body).requestId(r.requestId()).remoteAddress("test-invoke-source-ip")
                .scope(r.scope()).build();
        RestTarget target = backend.router().testTarget(r.scope(), api, resource, method, path, Bind.strings(b, "stageVariables"));
        long started = clock.millis();
        ProxyEvents.Call call = new ProxyEvents.Call(synthetic, apiId, r.scope().account(), "test-invoke-stage",
                "testPrefix.testDomainName", path, r.requestId(), ids.base32(16), started, body, false);
        AwsResponse response = invoker.invoke(target, call);
        long latency = clock.millis() - started;

        ObjectNode out = RestRender.node();
        out.put("status", response.status());
        out.put("body", response.bytes() == null ? "" : new String(response.bytes(), StandardCharsets.UTF_8));
        Map<String, String> outHeaders = new LinkedHashMap<>();
        Map<String, List<String>> outMulti = new LinkedHashMap<>();
        if (response.contentType() != null) {
            outHeaders.put("Content-Type", response.contentType());
            outMulti.put("Content-Type", List.of(response.contentType()));
        }
        for (Map.Entry<String, String> h : response.headers()) {
            outHeaders.put(h.getKey(), h.getValue());
            outMulti.computeIfAbsent(h.getKey(), k -> new java.util.ArrayList<>()).add(h.getValue());
        }
        out.set("headers", JsonProtocol.MAPPER.valueToTree(outHeaders));
        out.set("multiValueHeaders", JsonProtocol.MAPPER.valueToTree(outMulti));
        out.put("log", "Execution log for request " + r.requestId() + "\n"
                + "Starting execution for request: " + r.requestId() + "\n"
                + "HTTP Method: " + httpMethod + ", Resource Path: " + path + "\n"
                + "Method completed with status: " + response.status() + "\n");
        out.put("latency", latency);
        return out;
    }
}
