package dev.cloudjar.services.apigateway.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.apigateway.model.ApiKeyRecord;
import dev.cloudjar.services.apigateway.model.IntegrationResponse;
import dev.cloudjar.services.apigateway.model.MethodResponse;
import dev.cloudjar.services.apigateway.model.RestApiRecord;
import dev.cloudjar.services.apigateway.model.RestDeployment;
import dev.cloudjar.services.apigateway.model.RestIntegration;
import dev.cloudjar.services.apigateway.model.RestMethod;
import dev.cloudjar.services.apigateway.model.RestResource;
import dev.cloudjar.services.apigateway.model.RestStage;
import dev.cloudjar.services.apigateway.model.UsagePlanRecord;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** REST API (v1) shapes with the model's member names; timestamps are epoch seconds, lists sit under "item". */
final class RestRender {
    private RestRender() {
    }

    static ObjectNode node() {
        return JsonProtocol.MAPPER.createObjectNode();
    }

    static <T> ObjectNode items(Collection<T> items, Function<T, JsonNode> render) {
        ObjectNode out = node();
        ArrayNode array = out.putArray("item");
        items.forEach(i -> array.add(render.apply(i)));
        return out;
    }

    static void strings(ObjectNode out, String name, Map<String, ?> map) {
        if (map != null && !map.isEmpty()) {
            out.set(name, JsonProtocol.MAPPER.valueToTree(map));
        }
    }

    static void list(ObjectNode out, String name, List<String> values) {
        if (values != null) {
            ArrayNode array = out.putArray(name);
            values.forEach(array::add);
        }
    }

    static ObjectNode restApi(RestApiRecord api, Map<String, String> tags) {
        ObjectNode out = node();
        out.put("id", api.id());
        out.put("name", api.name());
        out.put("description", api.description());
        out.put("createdDate", api.createdMillis() / 1000);
        out.put("version", api.apiVersion());
        list(out, "binaryMediaTypes", api.binaryMediaTypes());
        out.put("apiKeySource", api.apiKeySource());
        ObjectNode endpoint = out.putObject("endpointConfiguration");
        list(endpoint, "types", api.endpointTypes());
        endpoint.put("ipAddressType", "ipv4");
        out.put("policy", api.policy());
        strings(out, "tags", tags);
        out.put("disableExecuteApiEndpoint", api.disableExecuteApiEndpoint());
        out.put("rootResourceId", api.rootResourceId());
        return out;
    }

    static ObjectNode resource(RestResource r, boolean embedMethods) {
        ObjectNode out = node();
        out.put("id", r.id());
        out.put("parentId", r.parentId());
        out.put("pathPart", r.pathPart());
        out.put("path", r.path());
        if (!r.methods().isEmpty()) {
            ObjectNode methods = out.putObject("resourceMethods");
            r.methods().forEach((verb, m) -> methods.set(verb, embedMethods ? method(m) : node()));
        }
        return out;
    }

    static ObjectNode method(RestMethod m) {
        ObjectNode out = node();
        out.put("httpMethod", m.httpMethod());
        out.put("authorizationType", m.authorizationType());
        out.put("authorizerId", m.authorizerId());
        out.put("apiKeyRequired", m.apiKeyRequired());
        out.put("operationName", m.operationName());
        strings(out, "requestParameters", m.requestParameters());
        strings(out, "requestModels", m.requestModels());
        if (m.methodResponses() != null && !m.methodResponses().isEmpty()) {
            ObjectNode responses = out.putObject("methodResponses");
            m.methodResponses().forEach((code, r) -> responses.set(code, methodResponse(r)));
        }
        if (m.integration() != null) {
            out.set("methodIntegration", integration(m.integration()));
        }
        return out;
    }

    static ObjectNode methodResponse(MethodResponse r) {
        ObjectNode out = node();
        out.put("statusCode", r.statusCode());
        strings(out, "responseParameters", r.responseParameters());
        strings(out, "responseModels", r.responseModels());
        return out;
    }

    static ObjectNode integration(RestIntegration i) {
        ObjectNode out = node();
        out.put("type", i.type());
        out.put("httpMethod", i.httpMethod());
        out.put("uri", i.uri());
        out.put("connectionType", i.connectionType());
        out.put("credentials", i.credentials());
        strings(out, "requestParameters", i.requestParameters());
        strings(out, "requestTemplates", i.requestTemplates());
        out.put("passthroughBehavior", i.passthroughBehavior());
        out.put("contentHandling", i.contentHandling());
        out.put("timeoutInMillis", i.timeoutInMillis());
        out.put("cacheNamespace", i.cacheNamespace());
        list(out, "cacheKeyParameters", i.cacheKeyParameters());
        if (i.integrationResponses() != null && !i.integrationResponses().isEmpty()) {
            ObjectNode responses = out.putObject("integrationResponses");
            i.integrationResponses().forEach((code, r) -> responses.set(code, integrationResponse(r)));
        }
        return out;
    }

    static ObjectNode integrationResponse(IntegrationResponse r) {
        ObjectNode out = node();
        out.put("statusCode", r.statusCode());
        out.put("selectionPattern", r.selectionPattern());
        strings(out, "responseParameters", r.responseParameters());
        strings(out, "responseTemplates", r.responseTemplates());
        out.put("contentHandling", r.contentHandling());
        return out;
    }

    static ObjectNode deployment(RestDeployment d) {
        ObjectNode out = node();
        out.put("id", d.id());
        out.put("description", d.description());
        out.put("createdDate", d.createdMillis() / 1000);
        return out;
    }

    static ObjectNode stage(RestStage s, Map<String, String> tags) {
        ObjectNode out = node();
        out.put("deploymentId", s.deploymentId());
        out.put("stageName", s.stageName());
        out.put("description", s.description());
        out.put("cacheClusterEnabled", s.cacheClusterEnabled());
        out.put("cacheClusterSize", s.cacheClusterSize());
        out.put("cacheClusterStatus", "NOT_AVAILABLE");
        ObjectNode settings = out.putObject("methodSettings");
        if (s.methodSettings() != null) {
            s.methodSettings().forEach((key, values) -> settings.set(key, methodSetting(values)));
        }
        strings(out, "variables", s.variables());
        out.put("tracingEnabled", s.tracingEnabled());
        strings(out, "tags", tags);
        out.put("createdDate", s.createdMillis() / 1000);
        out.put("lastUpdatedDate", s.lastUpdatedMillis() / 1000);
        return out;
    }

    /** A MethodSetting with AWS's defaults for what UpdateStage did not set. */
    private static ObjectNode methodSetting(Map<String, String> set) {
        ObjectNode out = node();
        out.put("metricsEnabled", Boolean.parseBoolean(set.getOrDefault("metrics/enabled", "false")));
        out.put("loggingLevel", set.getOrDefault("logging/loglevel", "OFF"));
        out.put("dataTraceEnabled", Boolean.parseBoolean(set.getOrDefault("logging/dataTrace", "false")));
        out.put("throttlingBurstLimit", parseInt(set.get("throttling/burstLimit"), 5000));
        out.put("throttlingRateLimit", parseDouble(set.get("throttling/rateLimit"), 10000.0));
        out.put("cachingEnabled", Boolean.parseBoolean(set.getOrDefault("caching/enabled", "false")));
        out.put("cacheTtlInSeconds", parseInt(set.get("caching/ttlInSeconds"), 300));
        out.put("cacheDataEncrypted", Boolean.parseBoolean(set.getOrDefault("caching/dataEncrypted", "false")));
        out.put("requireAuthorizationForCacheControl",
                Boolean.parseBoolean(set.getOrDefault("caching/requireAuthorizationForCacheControl", "true")));
        out.put("unauthorizedCacheControlHeaderStrategy",
                set.getOrDefault("caching/unauthorizedCacheControlHeaderStrategy", "SUCCEED_WITH_RESPONSE_HEADER"));
        return out;
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double parseDouble(String value, double fallback) {
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static ObjectNode apiKey(ApiKeyRecord k, boolean includeValue, Map<String, String> tags) {
        ObjectNode out = node();
        out.put("id", k.id());
        if (includeValue) {
            out.put("value", k.value());
        }
        out.put("name", k.name());
        out.put("customerId", k.customerId());
        out.put("description", k.description());
        out.put("enabled", k.enabled());
        out.put("createdDate", k.createdMillis() / 1000);
        out.put("lastUpdatedDate", k.lastUpdatedMillis() / 1000);
        list(out, "stageKeys", k.stageKeys());
        strings(out, "tags", tags);
        return out;
    }

    static ObjectNode usagePlan(UsagePlanRecord p, Map<String, String> tags) {
        ObjectNode out = node();
        out.put("id", p.id());
        out.put("name", p.name());
        out.put("description", p.description());
        ArrayNode stages = out.putArray("apiStages");
        p.apiStages().forEach(s -> stages.addObject().put("apiId", s.apiId()).put("stage", s.stage()));
        if (p.throttleRateLimit() != null || p.throttleBurstLimit() != null) {
            ObjectNode throttle = out.putObject("throttle");
            if (p.throttleBurstLimit() != null) {
                throttle.put("burstLimit", p.throttleBurstLimit());
            }
            if (p.throttleRateLimit() != null) {
                throttle.put("rateLimit", p.throttleRateLimit());
            }
        }
        if (p.quotaLimit() != null) {
            ObjectNode quota = out.putObject("quota").put("limit", p.quotaLimit()).put("period", p.quotaPeriod());
            quota.put("offset", p.quotaOffset() == null ? 0 : p.quotaOffset());
        }
        strings(out, "tags", tags);
        return out;
    }

    static ObjectNode usagePlanKey(ApiKeyRecord k) {
        return node().put("id", k.id()).put("type", "API_KEY").put("value", k.value()).put("name", k.name());
    }
}
