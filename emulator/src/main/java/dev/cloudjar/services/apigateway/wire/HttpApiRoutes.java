package dev.cloudjar.services.apigateway.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.Scope;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.apigateway.ApiGatewayBackend;
import dev.cloudjar.services.apigateway.HttpApis;
import dev.cloudjar.services.apigateway.model.HttpApiRecord;
import dev.cloudjar.services.apigateway.model.HttpDeployment;
import dev.cloudjar.services.apigateway.model.HttpIntegration;
import dev.cloudjar.services.apigateway.model.HttpRoute;
import dev.cloudjar.services.apigateway.model.HttpStage;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The {@code /v2/apis...} and {@code /v2/tags} routes of API Gateway v2 (HTTP APIs), with lowerCamel member names. */
final class HttpApiRoutes {
    private final ApiGatewayBackend backend;

    HttpApiRoutes(ApiGatewayBackend backend) {
        this.backend = backend;
    }

    AwsResponse handle(AwsRequest r, String m, String[] seg) {
        if (seg.length == 3 && seg[1].equals("tags")) {
            return tags(r, m, seg[2]);
        }
        if (seg.length < 2 || !seg[1].equals("apis")) {
            return null;
        }
        Scope scope = r.scope();
        HttpApis apis = backend.httpApis();
        if (seg.length == 2) {
            if (m.equals("POST")) {
                return ApiGatewayApi.json(201, api(scope, apis.create(scope, apiInput(JsonProtocol.readTree(r)))), r);
            }
            return m.equals("GET") ? ApiGatewayApi.json(200, items(apis.list(scope), a -> api(scope, a)), r) : null;
        }
        String apiId = seg[2];
        if (seg.length == 3) {
            switch (m) {
                case "GET":
                    return ApiGatewayApi.json(200, api(scope, apis.get(scope, apiId)), r);
                case "PATCH":
                    return ApiGatewayApi.json(200, api(scope, apis.updateApi(scope, apiId, apiInput(JsonProtocol.readTree(r)))), r);
                case "DELETE":
                    apis.delete(scope, apiId);
                    return ApiGatewayApi.empty(204, r);
                default:
                    return null;
            }
        }
        String id = seg.length == 5 ? seg[4] : null;
        if (seg.length > 5) {
            return null;
        }
        switch (seg[3]) {
            case "routes":
                return routes(r, m, scope, apiId, id);
            case "integrations":
                return integrations(r, m, scope, apiId, id);
            case "stages":
                return stages(r, m, scope, apiId, id);
            case "deployments":
                return deployments(r, m, scope, apiId, id);
            default:
                return null;
        }
    }

    private AwsResponse routes(AwsRequest r, String m, Scope scope, String apiId, String id) {
        HttpApis apis = backend.httpApis();
        if (id == null) {
            if (m.equals("POST")) {
                return ApiGatewayApi.json(201, route(apis.createRoute(scope, apiId, routeInput(JsonProtocol.readTree(r)))), r);
            }
            return m.equals("GET") ? ApiGatewayApi.json(200, items(apis.routes(scope, apiId), HttpApiRoutes::route), r) : null;
        }
        switch (m) {
            case "GET":
                return ApiGatewayApi.json(200, route(apis.route(scope, apiId, id)), r);
            case "PATCH":
                return ApiGatewayApi.json(200, route(apis.updateRoute(scope, apiId, id, routeInput(JsonProtocol.readTree(r)))), r);
            case "DELETE":
                apis.deleteRoute(scope, apiId, id);
                return ApiGatewayApi.empty(204, r);
            default:
                return null;
        }
    }

    private AwsResponse integrations(AwsRequest r, String m, Scope scope, String apiId, String id) {
        HttpApis apis = backend.httpApis();
        if (id == null) {
            if (m.equals("POST")) {
                return ApiGatewayApi.json(201, integration(apis.createIntegration(scope, apiId, integrationInput(JsonProtocol.readTree(r)))), r);
            }
            return m.equals("GET") ? ApiGatewayApi.json(200, items(apis.integrations(scope, apiId), HttpApiRoutes::integration), r) : null;
        }
        switch (m) {
            case "GET":
                return ApiGatewayApi.json(200, integration(apis.integration(scope, apiId, id)), r);
            case "PATCH":
                return ApiGatewayApi.json(200, integration(apis.updateIntegration(scope, apiId, id, integrationInput(JsonProtocol.readTree(r)))), r);
            case "DELETE":
                apis.deleteIntegration(scope, apiId, id);
                return ApiGatewayApi.empty(204, r);
            default:
                return null;
        }
    }

    private AwsResponse stages(AwsRequest r, String m, Scope scope, String apiId, String name) {
        HttpApis apis = backend.httpApis();
        if (name == null) {
            if (m.equals("POST")) {
                return ApiGatewayApi.json(201, stage(scope, apiId, apis.createStage(scope, apiId, stageInput(JsonProtocol.readTree(r)))), r);
            }
            return m.equals("GET") ? ApiGatewayApi.json(200, items(apis.stages(scope, apiId), s -> stage(scope, apiId, s)), r) : null;
        }
        switch (m) {
            case "GET":
                return ApiGatewayApi.json(200, stage(scope, apiId, apis.stage(scope, apiId, name)), r);
            case "PATCH":
                return ApiGatewayApi.json(200, stage(scope, apiId, apis.updateStage(scope, apiId, name, stageInput(JsonProtocol.readTree(r)))), r);
            case "DELETE":
                apis.deleteStage(scope, apiId, name);
                return ApiGatewayApi.empty(204, r);
            default:
                return null;
        }
    }

    private AwsResponse deployments(AwsRequest r, String m, Scope scope, String apiId, String id) {
        HttpApis apis = backend.httpApis();
        if (id == null) {
            if (m.equals("POST")) {
                JsonNode b = JsonProtocol.readTree(r);
                return ApiGatewayApi.json(201, deployment(apis.createDeployment(scope, apiId, Bind.text(b, "description"),
                        Bind.text(b, "stageName"))), r);
            }
            return m.equals("GET") ? ApiGatewayApi.json(200, items(apis.deployments(scope, apiId), HttpApiRoutes::deployment), r) : null;
        }
        switch (m) {
            case "GET":
                return ApiGatewayApi.json(200, deployment(apis.deployment(scope, apiId, id)), r);
            case "DELETE":
                apis.deleteDeployment(scope, apiId, id);
                return ApiGatewayApi.empty(204, r);
            default:
                return null;
        }
    }

    private AwsResponse tags(AwsRequest r, String m, String arn) {
        Scope scope = r.scope();
        switch (m) {
            case "GET": {
                ObjectNode out = RestRender.node();
                out.set("tags", JsonProtocol.MAPPER.valueToTree(backend.tags().get(scope, arn)));
                return ApiGatewayApi.json(200, out, r);
            }
            case "POST":
                backend.tags().tag(scope, arn, Bind.strings(JsonProtocol.readTree(r), "tags"));
                return ApiGatewayApi.json(201, RestRender.node(), r);
            case "DELETE":
                backend.tags().untag(scope, arn, r.queryParameters().getOrDefault("tagKeys", List.of()));
                return ApiGatewayApi.empty(204, r);
            default:
                return null;
        }
    }

    private static HttpApis.ApiInput apiInput(JsonNode b) {
        JsonNode c = b.get("corsConfiguration");
        HttpApiRecord.CorsConfig cors = c == null || c.isNull() ? null : new HttpApiRecord.CorsConfig(Bind.bool(c, "allowCredentials"),
                Bind.list(c, "allowHeaders"), Bind.list(c, "allowMethods"), Bind.list(c, "allowOrigins"), Bind.list(c, "exposeHeaders"),
                Bind.integer(c, "maxAge"));
        return new HttpApis.ApiInput(Bind.text(b, "name"), Bind.text(b, "protocolType"), Bind.text(b, "description"),
                Bind.text(b, "routeSelectionExpression"), Bind.text(b, "apiKeySelectionExpression"), Bind.text(b, "version"),
                Bind.bool(b, "disableExecuteApiEndpoint"), cors, Bind.text(b, "target"), Bind.text(b, "routeKey"), Bind.strings(b, "tags"));
    }

    private static HttpApis.IntegrationInput integrationInput(JsonNode b) {
        return new HttpApis.IntegrationInput(Bind.text(b, "integrationType"), Bind.text(b, "integrationUri"),
                Bind.text(b, "integrationMethod"), Bind.text(b, "payloadFormatVersion"), Bind.integer(b, "timeoutInMillis"),
                Bind.text(b, "connectionType"), Bind.text(b, "description"));
    }

    private static HttpApis.RouteInput routeInput(JsonNode b) {
        return new HttpApis.RouteInput(Bind.text(b, "routeKey"), Bind.text(b, "target"), Bind.text(b, "authorizationType"),
                Bind.bool(b, "apiKeyRequired"), Bind.text(b, "operationName"));
    }

    private static HttpApis.StageInput stageInput(JsonNode b) {
        return new HttpApis.StageInput(Bind.text(b, "stageName"), Bind.text(b, "deploymentId"), Bind.bool(b, "autoDeploy"),
                Bind.text(b, "description"), Bind.strings(b, "stageVariables"), Bind.strings(b, "tags"));
    }

    private static <T> ObjectNode items(Collection<T> items, Function<T, ObjectNode> render) {
        ObjectNode out = RestRender.node();
        ArrayNode array = out.putArray("items");
        items.forEach(i -> array.add(render.apply(i)));
        return out;
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    private ObjectNode api(Scope scope, HttpApiRecord a) {
        ObjectNode out = RestRender.node();
        out.put("apiEndpoint", backend.apiEndpoint(a.apiId()));
        out.put("apiId", a.apiId());
        out.put("apiKeySelectionExpression", a.apiKeySelectionExpression());
        if (a.cors() != null) {
            out.set("corsConfiguration", JsonProtocol.MAPPER.valueToTree(a.cors()));
        }
        out.put("createdDate", iso(a.createdMillis()));
        out.put("description", a.description());
        out.put("disableExecuteApiEndpoint", a.disableExecuteApiEndpoint());
        out.put("ipAddressType", "ipv4");
        out.put("name", a.name());
        out.put("protocolType", a.protocolType());
        out.put("routeSelectionExpression", a.routeSelectionExpression());
        RestRender.strings(out, "tags", backend.tagsOf(scope, HttpApis.arn(scope, a.apiId())));
        out.put("version", a.apiVersion());
        return out;
    }

    private static ObjectNode route(HttpRoute route) {
        ObjectNode out = RestRender.node();
        if (route.apiGatewayManaged()) {
            out.put("apiGatewayManaged", true);
        }
        out.put("apiKeyRequired", route.apiKeyRequired());
        out.put("authorizationType", route.authorizationType());
        out.put("operationName", route.operationName());
        out.put("routeId", route.routeId());
        out.put("routeKey", route.routeKey());
        out.put("target", route.target());
        return out;
    }

    private static ObjectNode integration(HttpIntegration i) {
        ObjectNode out = RestRender.node();
        if (i.apiGatewayManaged()) {
            out.put("apiGatewayManaged", true);
        }
        out.put("connectionType", i.connectionType());
        out.put("description", i.description());
        out.put("integrationId", i.integrationId());
        out.put("integrationMethod", i.integrationMethod());
        out.put("integrationType", i.integrationType());
        out.put("integrationUri", i.integrationUri());
        out.put("payloadFormatVersion", i.payloadFormatVersion());
        out.put("timeoutInMillis", i.timeoutInMillis());
        return out;
    }

    private ObjectNode stage(Scope scope, String apiId, HttpStage s) {
        ObjectNode out = RestRender.node();
        if (s.apiGatewayManaged()) {
            out.put("apiGatewayManaged", true);
        }
        out.put("autoDeploy", s.autoDeploy());
        out.put("createdDate", iso(s.createdMillis()));
        out.putObject("defaultRouteSettings").put("detailedMetricsEnabled", false);
        out.put("deploymentId", s.deploymentId());
        out.put("description", s.description());
        out.put("lastDeploymentStatusMessage", s.lastDeploymentStatusMessage());
        out.put("lastUpdatedDate", iso(s.lastUpdatedMillis()));
        out.putObject("routeSettings");
        out.put("stageName", s.stageName());
        out.set("stageVariables", JsonProtocol.MAPPER.valueToTree(s.stageVariables() == null ? Map.of() : s.stageVariables()));
        out.set("tags", JsonProtocol.MAPPER.valueToTree(backend.tagsOf(scope, HttpApis.arn(scope, apiId) + "/stages/" + s.stageName())));
        return out;
    }

    private static ObjectNode deployment(HttpDeployment d) {
        ObjectNode out = RestRender.node();
        out.put("autoDeployed", d.autoDeployed());
        out.put("createdDate", iso(d.createdMillis()));
        out.put("deploymentId", d.deploymentId());
        out.put("deploymentStatus", "DEPLOYED");
        out.put("description", d.description());
        return out;
    }
}
