package dev.cloudjar.services.lambda.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.Scope;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.lambda.LambdaBackend;
import dev.cloudjar.services.lambda.model.AliasRecord;
import dev.cloudjar.services.lambda.model.EventInvokeConfig;
import java.util.List;

/** Aliases, policy, concurrency, event invoke configs, tags and account settings. */
final class LambdaExtrasApi {
    private final LambdaBackend backend;

    LambdaExtrasApi(LambdaBackend backend) {
        this.backend = backend;
    }

    AwsResponse functionSubresource(AwsRequest r, String m, String fn, String sub, String id) {
        Scope scope = r.scope();
        String qualifier = r.queryParameter("Qualifier");
        switch (sub) {
            case "aliases":
                return aliases(r, m, fn, id);
            case "policy":
                if (id == null && m.equals("POST")) {
                    JsonNode b = JsonProtocol.readTree(r);
                    String statement = backend.addPermission(scope, fn, qualifier, LambdaApi.text(b, "StatementId"),
                            LambdaApi.text(b, "Action"), LambdaApi.text(b, "Principal"), LambdaApi.text(b, "SourceArn"),
                            LambdaApi.text(b, "SourceAccount"), LambdaApi.text(b, "PrincipalOrgID"), LambdaApi.text(b, "RevisionId"));
                    return LambdaApi.json(201, JsonProtocol.MAPPER.createObjectNode().put("Statement", statement), r);
                }
                if (id == null && m.equals("GET")) {
                    String[] policy = backend.getPolicy(scope, fn, qualifier);
                    ObjectNode out = JsonProtocol.MAPPER.createObjectNode().put("Policy", policy[0]).put("RevisionId", policy[1]);
                    return LambdaApi.json(200, out, r);
                }
                if (id != null && m.equals("DELETE")) {
                    backend.removePermission(scope, fn, qualifier, id, r.queryParameter("RevisionId"));
                    return noContent(r);
                }
                return null;
            case "concurrency":
                if (m.equals("PUT")) {
                    int reserved = backend.putFunctionConcurrency(scope, fn,
                            LambdaBinding.integer(JsonProtocol.readTree(r), "ReservedConcurrentExecutions"));
                    return LambdaApi.json(200, JsonProtocol.MAPPER.createObjectNode().put("ReservedConcurrentExecutions", reserved), r);
                }
                if (m.equals("GET")) {
                    Integer reserved = backend.getFunctionConcurrency(scope, fn);
                    ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
                    if (reserved != null) {
                        out.put("ReservedConcurrentExecutions", reserved);
                    }
                    return LambdaApi.json(200, out, r);
                }
                if (m.equals("DELETE")) {
                    backend.deleteFunctionConcurrency(scope, fn);
                    return noContent(r);
                }
                return null;
            case "event-invoke-config":
                return eventInvokeConfig(r, m, fn, qualifier, id);
            default:
                return null;
        }
    }

    private AwsResponse aliases(AwsRequest r, String m, String fn, String name) {
        Scope scope = r.scope();
        if (name == null && m.equals("POST")) {
            JsonNode b = JsonProtocol.readTree(r);
            AliasRecord a = backend.createAlias(scope, fn, LambdaApi.text(b, "Name"), LambdaApi.text(b, "FunctionVersion"),
                    LambdaApi.text(b, "Description"), LambdaBinding.weights(b.get("RoutingConfig")));
            return LambdaApi.json(201, LambdaRender.alias(a, backend.aliasArn(scope, fn, a.name())), r);
        }
        if (name == null && m.equals("GET")) {
            ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
            List<AliasRecord> page = LambdaRender.page(backend.listAliases(scope, fn, r.queryParameter("FunctionVersion")),
                    r.queryParameter("Marker"), r.queryParameter("MaxItems"), out, "NextMarker");
            ArrayNode list = out.putArray("Aliases");
            page.forEach(a -> list.add(LambdaRender.alias(a, backend.aliasArn(scope, fn, a.name()))));
            return LambdaApi.json(200, out, r);
        }
        if (name != null && m.equals("GET")) {
            return LambdaApi.json(200, LambdaRender.alias(backend.getAlias(scope, fn, name), backend.aliasArn(scope, fn, name)), r);
        }
        if (name != null && m.equals("PUT")) {
            JsonNode b = JsonProtocol.readTree(r);
            AliasRecord a = backend.updateAlias(scope, fn, name, LambdaApi.text(b, "FunctionVersion"), LambdaApi.text(b, "Description"),
                    LambdaBinding.weights(b.get("RoutingConfig")), LambdaApi.text(b, "RevisionId"));
            return LambdaApi.json(200, LambdaRender.alias(a, backend.aliasArn(scope, fn, name)), r);
        }
        if (name != null && m.equals("DELETE")) {
            backend.deleteAlias(scope, fn, name);
            return noContent(r);
        }
        return null;
    }

    private AwsResponse eventInvokeConfig(AwsRequest r, String m, String fn, String qualifier, String id) {
        Scope scope = r.scope();
        if ("list".equals(id) && m.equals("GET")) {
            ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
            List<EventInvokeConfig> page = LambdaRender.page(backend.listEventInvokeConfigs(scope, fn), r.queryParameter("Marker"),
                    r.queryParameter("MaxItems"), out, "NextMarker");
            ArrayNode list = out.putArray("FunctionEventInvokeConfigs");
            page.forEach(c -> list.add(LambdaRender.eventInvokeConfig(c, backend.eventInvokeConfigArn(scope, fn, c))));
            return LambdaApi.json(200, out, r);
        }
        if (id != null) {
            return null;
        }
        switch (m) {
            case "PUT":
            case "POST": {
                JsonNode b = JsonProtocol.readTree(r);
                JsonNode dest = b.path("DestinationConfig");
                EventInvokeConfig c = backend.putEventInvokeConfig(scope, fn, qualifier, LambdaBinding.integer(b, "MaximumRetryAttempts"),
                        LambdaBinding.integer(b, "MaximumEventAgeInSeconds"), LambdaApi.text(dest.path("OnSuccess"), "Destination"),
                        LambdaApi.text(dest.path("OnFailure"), "Destination"), m.equals("POST"));
                return LambdaApi.json(200, LambdaRender.eventInvokeConfig(c, backend.eventInvokeConfigArn(scope, fn, c)), r);
            }
            case "GET": {
                EventInvokeConfig c = backend.getEventInvokeConfig(scope, fn, qualifier);
                return LambdaApi.json(200, LambdaRender.eventInvokeConfig(c, backend.eventInvokeConfigArn(scope, fn, c)), r);
            }
            case "DELETE":
                backend.deleteEventInvokeConfig(scope, fn, qualifier);
                return noContent(r);
            default:
                return null;
        }
    }

    AwsResponse tags(AwsRequest r, String m, String resource) {
        switch (m) {
            case "POST":
                backend.tagResource(r.scope(), resource, LambdaBinding.stringMap(JsonProtocol.readTree(r).get("Tags")));
                return noContent(r);
            case "GET":
                return LambdaApi.json(200, LambdaRender.tags(backend.listTags(r.scope(), resource)), r);
            case "DELETE":
                List<String> keys = r.queryParameters().getOrDefault("tagKeys", List.of());
                backend.untagResource(r.scope(), resource, keys);
                return noContent(r);
            default:
                return null;
        }
    }

    AwsResponse accountSettings(AwsRequest r) {
        long[] usage = backend.accountUsage(r.scope());
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        ObjectNode limit = out.putObject("AccountLimit");
        limit.put("TotalCodeSize", 80_530_636_800L);
        limit.put("CodeSizeUnzipped", 262_144_000L);
        limit.put("CodeSizeZipped", 52_428_800L);
        limit.put("ConcurrentExecutions", 1000);
        limit.put("UnreservedConcurrentExecutions", 1000);
        ObjectNode used = out.putObject("AccountUsage");
        used.put("TotalCodeSize", usage[1]);
        used.put("FunctionCount", usage[0]);
        return LambdaApi.json(200, out, r);
    }

    static AwsResponse noContent(AwsRequest r) {
        return AwsResponse.status(204).header("x-amzn-RequestId", r.requestId());
    }
}
