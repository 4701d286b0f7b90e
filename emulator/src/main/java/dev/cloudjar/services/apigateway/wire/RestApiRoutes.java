package dev.cloudjar.services.apigateway.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.Scope;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.apigateway.ApiGatewayBackend;
import dev.cloudjar.services.apigateway.RestApis;
import dev.cloudjar.services.apigateway.RestStages;
import dev.cloudjar.services.apigateway.model.IntegrationResponse;
import dev.cloudjar.services.apigateway.model.MethodResponse;
import dev.cloudjar.services.apigateway.model.RestIntegration;
import dev.cloudjar.services.apigateway.model.RestMethod;
import dev.cloudjar.services.apigateway.model.RestStage;
import java.util.ArrayList;
import java.util.List;

/** The {@code /restapis/...} routes of API Gateway v1: APIs, resources, methods, integrations, deployments, stages. */
final class RestApiRoutes {
    private final ApiGatewayBackend backend;
    private final TestInvoke testInvoke;

    RestApiRoutes(ApiGatewayBackend backend, TestInvoke testInvoke) {
        this.backend = backend;
        this.testInvoke = testInvoke;
    }

    /** Null when no operation has this path and method. */
    AwsResponse handle(AwsRequest r, String m, String[] seg) {
        Scope scope = r.scope();
        RestApis apis = backend.restApis();
        if (seg.length == 1) {
            if (m.equals("POST")) {
                return ApiGatewayApi.json(201, restApi(scope, apis.create(scope, restApiInput(JsonProtocol.readTree(r)))), r);
            }
            return m.equals("GET") ? ApiGatewayApi.json(200, RestRender.items(apis.list(scope),
                    api -> RestRender.restApi(api, backend.tagsOf(scope, RestApis.arn(scope, api.id())))), r) : null;
        }
        String apiId = seg[1];
        if (seg.length == 2) {
            switch (m) {
                case "GET":
                    return ApiGatewayApi.json(200, restApi(scope, apis.get(scope, apiId)), r);
                case "PATCH":
                    return ApiGatewayApi.json(200, restApi(scope, apis.updateApi(scope, apiId, patchOperations(JsonProtocol.readTree(r)))), r);
                case "DELETE":
                    apis.delete(scope, apiId);
                    return ApiGatewayApi.empty(202, r);
                default:
                    return null;
            }
        }
        switch (seg[2]) {
            case "resources":
                return resources(r, m, seg, scope, apiId);
            case "deployments":
                return deployments(r, m, seg, scope, apiId);
            case "stages":
                return stages(r, m, seg, scope, apiId);
            default:
                return null;
        }
    }

    private ObjectNode restApi(Scope scope, dev.cloudjar.services.apigateway.model.RestApiRecord api) {
        return RestRender.restApi(api, backend.tagsOf(scope, RestApis.arn(scope, api.id())));
    }

    private static RestApis.RestApiInput restApiInput(JsonNode b) {
        JsonNode endpoint = b.get("endpointConfiguration");
        return new RestApis.RestApiInput(Bind.text(b, "name"), Bind.text(b, "description"), Bind.text(b, "version"),
                Bind.list(b, "binaryMediaTypes"), Bind.text(b, "apiKeySource"), endpoint == null ? null : Bind.list(endpoint, "types"),
                Bind.text(b, "policy"), Bind.flag(b, "disableExecuteApiEndpoint"), Bind.strings(b, "tags"));
    }

    private AwsResponse resources(AwsRequest r, String m, String[] seg, Scope scope, String apiId) {
        RestApis apis = backend.restApis();
        boolean embed = r.queryParameters().getOrDefault("embed", List.of()).contains("methods");
        if (seg.length == 3) {
            return m.equals("GET") ? ApiGatewayApi.json(200, RestRender.items(apis.resources(scope, apiId),
                    res -> RestRender.resource(res, embed)), r) : null;
        }
        String resourceId = seg[3];
        if (seg.length == 4) {
            switch (m) {
                case "GET":
                    return ApiGatewayApi.json(200, RestRender.resource(apis.resource(scope, apiId, resourceId), embed), r);
                case "POST": {
                    JsonNode b = JsonProtocol.readTree(r);
                    return ApiGatewayApi.json(201, RestRender.resource(apis.createResource(scope, apiId, resourceId,
                            Bind.text(b, "pathPart")), false), r);
                }
                case "DELETE":
                    apis.deleteResource(scope, apiId, resourceId);
                    return ApiGatewayApi.empty(202, r);
                default:
                    return null;
            }
        }
        if (!seg[4].equals("methods") || seg.length < 6) {
            return null;
        }
        String verb = seg[5];
        if (seg.length == 6) {
            switch (m) {
                case "PUT": {
                    JsonNode b = JsonProtocol.readTree(r);
                    RestMethod method = new RestMethod(verb, Bind.text(b, "authorizationType"), Bind.text(b, "authorizerId"),
                            Bind.flag(b, "apiKeyRequired"), Bind.text(b, "operationName"), Bind.booleans(b, "requestParameters"),
                            Bind.strings(b, "requestModels"), null, null);
                    return ApiGatewayApi.json(201, RestRender.method(apis.putMethod(scope, apiId, resourceId, method)), r);
                }
                case "GET":
                    return ApiGatewayApi.json(200, RestRender.method(apis.method(scope, apiId, resourceId, verb)), r);
                case "POST":
                    return ApiGatewayApi.json(200, testInvoke.run(r, apiId, resourceId, verb), r);
                case "PATCH":
                    return ApiGatewayApi.json(200, RestRender.method(backend.restPatches().updateMethod(scope, apiId, resourceId, verb,
                            patchOperations(JsonProtocol.readTree(r)))), r);
                case "DELETE":
                    apis.deleteMethod(scope, apiId, resourceId, verb);
                    return ApiGatewayApi.empty(204, r);
                default:
                    return null;
            }
        }
        if (seg[6].equals("responses") && seg.length == 8) {
            String code = seg[7];
            switch (m) {
                case "PUT": {
                    JsonNode b = JsonProtocol.readTree(r);
                    MethodResponse response = new MethodResponse(code, Bind.booleans(b, "responseParameters"), Bind.strings(b, "responseModels"));
                    return ApiGatewayApi.json(201, RestRender.methodResponse(apis.putMethodResponse(scope, apiId, resourceId, verb, response)), r);
                }
                case "GET":
                    return ApiGatewayApi.json(200, RestRender.methodResponse(apis.methodResponse(scope, apiId, resourceId, verb, code)), r);
                default:
                    return null;
            }
        }
        if (!seg[6].equals("integration")) {
            return null;
        }
        if (seg.length == 7) {
            switch (m) {
                case "PUT": {
                    JsonNode b = JsonProtocol.readTree(r);
                    Integer timeout = Bind.integer(b, "timeoutInMillis");
                    RestIntegration in = new RestIntegration(Bind.text(b, "type"), Bind.text(b, "httpMethod"), Bind.text(b, "uri"),
                            Bind.text(b, "connectionType"), Bind.text(b, "credentials"), Bind.strings(b, "requestParameters"),
                            Bind.strings(b, "requestTemplates"), Bind.text(b, "passthroughBehavior"), Bind.text(b, "contentHandling"),
                            timeout == null ? 0 : timeout, null, Bind.list(b, "cacheKeyParameters"), null);
                    return ApiGatewayApi.json(201, RestRender.integration(apis.putIntegration(scope, apiId, resourceId, verb, in)), r);
                }
                case "GET":
                    return ApiGatewayApi.json(200, RestRender.integration(apis.integration(scope, apiId, resourceId, verb)), r);
                case "PATCH":
                    return ApiGatewayApi.json(200, RestRender.integration(backend.restPatches().updateIntegration(scope, apiId, resourceId, verb,
                            patchOperations(JsonProtocol.readTree(r)))), r);
                case "DELETE":
                    apis.deleteIntegration(scope, apiId, resourceId, verb);
                    return ApiGatewayApi.empty(204, r);
                default:
                    return null;
            }
        }
        if (seg.length == 9 && seg[7].equals("responses")) {
            String code = seg[8];
            switch (m) {
                case "PUT": {
                    JsonNode b = JsonProtocol.readTree(r);
                    IntegrationResponse response = new IntegrationResponse(code, Bind.text(b, "selectionPattern"),
                            Bind.strings(b, "responseParameters"), Bind.strings(b, "responseTemplates"), Bind.text(b, "contentHandling"));
                    return ApiGatewayApi.json(201, RestRender.integrationResponse(
                            apis.putIntegrationResponse(scope, apiId, resourceId, verb, response)), r);
                }
                case "GET":
                    return ApiGatewayApi.json(200, RestRender.integrationResponse(
                            apis.integrationResponse(scope, apiId, resourceId, verb, code)), r);
                default:
                    return null;
            }
        }
        return null;
    }

    private AwsResponse deployments(AwsRequest r, String m, String[] seg, Scope scope, String apiId) {
        RestStages stages = backend.restStages();
        if (seg.length == 3) {
            if (m.equals("POST")) {
                JsonNode b = JsonProtocol.readTree(r);
                RestStages.DeploymentInput in = new RestStages.DeploymentInput(Bind.text(b, "description"), Bind.text(b, "stageName"),
                        Bind.text(b, "stageDescription"), Bind.strings(b, "variables"), Bind.flag(b, "tracingEnabled"));
                return ApiGatewayApi.json(201, RestRender.deployment(stages.createDeployment(scope, apiId, in)), r);
            }
            return m.equals("GET") ? ApiGatewayApi.json(200, RestRender.items(stages.deployments(scope, apiId), RestRender::deployment), r) : null;
        }
        if (seg.length != 4) {
            return null;
        }
        switch (m) {
            case "GET":
                return ApiGatewayApi.json(200, RestRender.deployment(stages.deployment(scope, apiId, seg[3])), r);
            case "DELETE":
                stages.deleteDeployment(scope, apiId, seg[3]);
                return ApiGatewayApi.empty(202, r);
            default:
                return null;
        }
    }

    private AwsResponse stages(AwsRequest r, String m, String[] seg, Scope scope, String apiId) {
        RestStages stages = backend.restStages();
        if (seg.length == 3) {
            if (m.equals("POST")) {
                JsonNode b = JsonProtocol.readTree(r);
                RestStages.StageInput in = new RestStages.StageInput(Bind.text(b, "stageName"), Bind.text(b, "deploymentId"),
                        Bind.text(b, "description"), Bind.flag(b, "cacheClusterEnabled"), Bind.text(b, "cacheClusterSize"),
                        Bind.flag(b, "tracingEnabled"), Bind.strings(b, "variables"), Bind.strings(b, "tags"));
                return ApiGatewayApi.json(201, stage(scope, apiId, stages.createStage(scope, apiId, in)), r);
            }
            if (!m.equals("GET")) {
                return null;
            }
            ObjectNode out = RestRender.node();
            var array = out.putArray("item");
            stages.stages(scope, apiId, r.queryParameter("deploymentId")).forEach(s -> array.add(stage(scope, apiId, s)));
            return ApiGatewayApi.json(200, out, r);
        }
        if (seg.length != 4) {
            return null;
        }
        String name = seg[3];
        switch (m) {
            case "GET":
                return ApiGatewayApi.json(200, stage(scope, apiId, stages.stage(scope, apiId, name)), r);
            case "PATCH": {
                List<RestStages.PatchOperation> ops = patchOperations(JsonProtocol.readTree(r));
                return ApiGatewayApi.json(200, stage(scope, apiId, stages.updateStage(scope, apiId, name, ops)), r);
            }
            case "DELETE":
                stages.deleteStage(scope, apiId, name);
                return ApiGatewayApi.empty(202, r);
            default:
                return null;
        }
    }

    private static List<RestStages.PatchOperation> patchOperations(JsonNode b) {
        List<RestStages.PatchOperation> ops = new ArrayList<>();
        JsonNode list = b.get("patchOperations");
        if (list != null && list.isArray()) {
            list.forEach(op -> ops.add(new RestStages.PatchOperation(Bind.text(op, "op"), Bind.text(op, "path"), Bind.text(op, "value"))));
        }
        return ops;
    }

    private ObjectNode stage(Scope scope, String apiId, RestStage s) {
        return RestRender.stage(s, backend.tagsOf(scope, RestStages.stageArn(scope, apiId, s.stageName())));
    }
}
