package dev.cloudjar.services.apigateway;

import dev.cloudjar.core.Scope;
import dev.cloudjar.services.apigateway.model.HttpApiRecord;
import dev.cloudjar.services.apigateway.model.HttpApiRecord.CorsConfig;
import dev.cloudjar.services.apigateway.model.HttpDeployment;
import dev.cloudjar.services.apigateway.model.HttpIntegration;
import dev.cloudjar.services.apigateway.model.HttpRoute;
import dev.cloudjar.services.apigateway.model.HttpStage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * HTTP APIs (v2): APIs (with quick create), routes, integrations, stages and deployments. A change
 * to routes or integrations deploys itself to every stage with autoDeploy, as AWS does.
 */
public final class HttpApis {
    static final String DEFAULT = "$default";
    private static final Pattern ROUTE_KEY = Pattern.compile("(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|ANY) (/[^ ]*)");
    private static final Pattern LAMBDA_ARN = Pattern.compile("arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_\\-]+(:[A-Za-z0-9_$\\-]+)?");

    private final ApiGatewayState state;

    HttpApis(ApiGatewayState state) {
        this.state = state;
    }

    /** CreateApi's and UpdateApi's settings; target and routeKey make a quick create. */
    public record ApiInput(String name, String protocolType, String description, String routeSelectionExpression,
                           String apiKeySelectionExpression, String version, Boolean disableExecuteApiEndpoint, CorsConfig cors,
                           String target, String routeKey, Map<String, String> tags) {
    }

    /** CreateRoute's settings. */
    public record RouteInput(String routeKey, String target, String authorizationType, Boolean apiKeyRequired, String operationName) {
    }

    /** CreateIntegration's settings. */
    public record IntegrationInput(String integrationType, String integrationUri, String integrationMethod, String payloadFormatVersion,
                                   Integer timeoutInMillis, String connectionType, String description) {
    }

    /** CreateStage's settings. */
    public record StageInput(String stageName, String deploymentId, Boolean autoDeploy, String description,
                             Map<String, String> stageVariables, Map<String, String> tags) {
    }

    public HttpApiRecord create(Scope scope, ApiInput in) {
        if (in.name() == null || in.name().isBlank()) {
            throw ApiGatewayErrors.badRequest("Invalid API name specified");
        }
        if (!"HTTP".equals(in.protocolType())) {
            throw ApiGatewayErrors.badRequest("CloudJar implements HTTP APIs only: ProtocolType must be HTTP, not " + in.protocolType());
        }
        if (in.target() == null && in.routeKey() != null) {
            throw ApiGatewayErrors.badRequest("RouteKey can only be specified when Target is specified");
        }
        String id = state.newId(10);
        long now = state.now();
        HttpApiRecord api = new HttpApiRecord(1, id, in.name(), "HTTP", in.description(),
                in.routeSelectionExpression() == null ? "$request.method $request.path" : in.routeSelectionExpression(),
                in.apiKeySelectionExpression() == null ? "$request.header.x-api-key" : in.apiKeySelectionExpression(),
                in.version(), now, Boolean.TRUE.equals(in.disableExecuteApiEndpoint()), in.cors(), Map.of(), Map.of(), Map.of(), Map.of());
        if (in.target() != null) {
            HttpIntegration integration = integration(state.newId(7), new IntegrationInput(
                    in.target().startsWith("http") ? "HTTP_PROXY" : "AWS_PROXY", in.target(), in.target().startsWith("http") ? "ANY" : "POST",
                    in.target().startsWith("http") ? "1.0" : "2.0", null, null, null), true);
            String routeKey = in.routeKey() == null ? DEFAULT : in.routeKey();
            checkRouteKey(routeKey);
            HttpRoute route = new HttpRoute(state.newId(7), routeKey, "integrations/" + integration.integrationId(), "NONE", false, null, true);
            HttpStage stage = new HttpStage(DEFAULT, null, true, null, Map.of(), now, now, true, null);
            api = deploy(api.with(Map.of(route.routeId(), route), Map.of(integration.integrationId(), integration),
                    Map.of(DEFAULT, stage), Map.of()), null);
        }
        state.putHttp(scope, api);
        state.index(id, scope, "HTTP");
        state.putTags(scope, arn(scope, id), in.tags());
        return api;
    }

    public HttpApiRecord get(Scope scope, String id) {
        HttpApiRecord api = state.http(scope, id);
        if (api == null) {
            throw ApiGatewayErrors.httpApiNotFound(id);
        }
        return api;
    }

    public List<HttpApiRecord> list(Scope scope) {
        List<HttpApiRecord> all = new ArrayList<>(ApiGatewayState.all(state.httpApis, scope));
        all.sort(Comparator.comparingLong(HttpApiRecord::createdMillis).thenComparing(HttpApiRecord::apiId));
        return all;
    }

    public HttpApiRecord updateApi(Scope scope, String id, ApiInput in) {
        return update(scope, id, api -> api.withSettings(in.name() != null ? in.name() : api.name(),
                in.description() != null ? in.description() : api.description(),
                in.routeSelectionExpression() != null ? in.routeSelectionExpression() : api.routeSelectionExpression(),
                in.apiKeySelectionExpression() != null ? in.apiKeySelectionExpression() : api.apiKeySelectionExpression(),
                in.version() != null ? in.version() : api.apiVersion(),
                in.disableExecuteApiEndpoint() != null ? in.disableExecuteApiEndpoint() : api.disableExecuteApiEndpoint(),
                in.cors() != null ? in.cors() : api.cors()));
    }

    public void delete(Scope scope, String id) {
        state.locked(id, () -> {
            HttpApiRecord api = get(scope, id);
            state.removeHttp(scope, id);
            state.putTags(scope, arn(scope, id), null);
            api.stages().keySet().forEach(stage -> state.putTags(scope, arn(scope, id) + "/stages/" + stage, null));
            return api;
        });
    }

    public static String arn(Scope scope, String id) {
        return "arn:aws:apigateway:" + scope.region() + "::/apis/" + id;
    }

    HttpApiRecord update(Scope scope, String id, UnaryOperator<HttpApiRecord> change) {
        return state.locked(id, () -> {
            HttpApiRecord changed = change.apply(get(scope, id));
            state.putHttp(scope, changed);
            return changed;
        });
    }

    /** Applies a change to routes or integrations, then deploys it to the autoDeploy stages. */
    private HttpApiRecord changeAndDeploy(Scope scope, String id, UnaryOperator<HttpApiRecord> change) {
        return update(scope, id, api -> deploy(change.apply(api), null));
    }

    /** A new deployment pointed to by the named stage, or (stageName null) by every autoDeploy stage, if any. */
    private HttpApiRecord deploy(HttpApiRecord api, String description) {
        boolean anyAuto = api.stages().values().stream().anyMatch(HttpStage::autoDeploy);
        if (!anyAuto) {
            return api;
        }
        long now = state.now();
        String deploymentId = state.newId(6);
        Map<String, HttpDeployment> deployments = new LinkedHashMap<>(api.deployments());
        deployments.put(deploymentId, new HttpDeployment(deploymentId, description, now, true, Map.copyOf(api.routes()),
                Map.copyOf(api.integrations())));
        Map<String, HttpStage> stages = new TreeMap<>(api.stages());
        for (HttpStage stage : api.stages().values()) {
            if (stage.autoDeploy()) {
                stages.put(stage.stageName(), stage.withDeployment(deploymentId, now,
                        "Successfully deployed stage with deployment ID '" + deploymentId + "'"));
            }
        }
        return api.with(api.routes(), api.integrations(), stages, deployments);
    }

    // ---- routes ----

    public HttpRoute createRoute(Scope scope, String apiId, RouteInput in) {
        checkRouteKey(in.routeKey());
        String id = state.newId(7);
        HttpApiRecord api = changeAndDeploy(scope, apiId, current -> {
            if (current.routes().values().stream().anyMatch(r -> r.routeKey().equals(in.routeKey()))) {
                throw ApiGatewayErrors.conflict("Route with key " + in.routeKey() + " already exists for this API");
            }
            checkTarget(current, in.target());
            Map<String, HttpRoute> routes = new LinkedHashMap<>(current.routes());
            routes.put(id, new HttpRoute(id, in.routeKey(), in.target(), in.authorizationType() == null ? "NONE" : in.authorizationType(),
                    Boolean.TRUE.equals(in.apiKeyRequired()), in.operationName(), false));
            return current.with(routes, current.integrations(), current.stages(), current.deployments());
        });
        return api.routes().get(id);
    }

    public HttpRoute updateRoute(Scope scope, String apiId, String routeId, RouteInput in) {
        HttpApiRecord api = changeAndDeploy(scope, apiId, current -> {
            HttpRoute old = route(current, routeId);
            String key = in.routeKey() != null ? in.routeKey() : old.routeKey();
            checkRouteKey(key);
            String target = in.target() != null ? in.target() : old.target();
            checkTarget(current, target);
            Map<String, HttpRoute> routes = new LinkedHashMap<>(current.routes());
            routes.put(routeId, new HttpRoute(routeId, key, target, in.authorizationType() != null ? in.authorizationType() : old.authorizationType(),
                    in.apiKeyRequired() != null ? in.apiKeyRequired() : old.apiKeyRequired(),
                    in.operationName() != null ? in.operationName() : old.operationName(), old.apiGatewayManaged()));
            return current.with(routes, current.integrations(), current.stages(), current.deployments());
        });
        return api.routes().get(routeId);
    }

    public HttpRoute route(Scope scope, String apiId, String routeId) {
        return route(get(scope, apiId), routeId);
    }

    private static HttpRoute route(HttpApiRecord api, String routeId) {
        return existing(api.routes(), routeId, "Route");
    }

    /** The item of that id, else NotFoundException naming its kind. */
    private static <V> V existing(Map<String, V> items, String id, String kind) {
        V item = items.get(id);
        if (item == null) {
            throw ApiGatewayErrors.httpNotFound(kind, id);
        }
        return item;
    }

    public List<HttpRoute> routes(Scope scope, String apiId) {
        return List.copyOf(get(scope, apiId).routes().values());
    }

    public void deleteRoute(Scope scope, String apiId, String routeId) {
        changeAndDeploy(scope, apiId, current -> {
            route(current, routeId);
            Map<String, HttpRoute> routes = new LinkedHashMap<>(current.routes());
            routes.remove(routeId);
            return current.with(routes, current.integrations(), current.stages(), current.deployments());
        });
    }

    private static void checkRouteKey(String key) {
        if (key == null || !(key.equals(DEFAULT) || ROUTE_KEY.matcher(key).matches())) {
            throw ApiGatewayErrors.badRequest("Unable to create route. RouteKey must be $default or an HTTP method and a path "
                    + "starting with '/', such as 'GET /items/{id}': " + key);
        }
    }

    private static void checkTarget(HttpApiRecord api, String target) {
        if (target == null) {
            return;
        }
        String id = target.startsWith("integrations/") ? target.substring("integrations/".length()) : null;
        if (id == null || !api.integrations().containsKey(id)) {
            throw ApiGatewayErrors.badRequest("Invalid target specified: " + target + " (expected integrations/<integrationId>)");
        }
    }

    // ---- integrations ----

    public HttpIntegration createIntegration(Scope scope, String apiId, IntegrationInput in) {
        HttpIntegration integration = integration(state.newId(7), in, false);
        changeAndDeploy(scope, apiId, current -> {
            Map<String, HttpIntegration> integrations = new LinkedHashMap<>(current.integrations());
            integrations.put(integration.integrationId(), integration);
            return current.with(current.routes(), integrations, current.stages(), current.deployments());
        });
        return integration;
    }

    private static HttpIntegration integration(String id, IntegrationInput in, boolean managed) {
        String type = in.integrationType();
        if (!Set.of("AWS_PROXY", "HTTP_PROXY").contains(type == null ? "" : type)) {
            throw ApiGatewayErrors.badRequest("CloudJar supports integration types AWS_PROXY and HTTP_PROXY for HTTP APIs, not " + type);
        }
        String uri = in.integrationUri();
        String format = in.payloadFormatVersion();
        String method = in.integrationMethod();
        if (type.equals("AWS_PROXY")) {
            if (uri == null || !(LAMBDA_ARN.matcher(uri).matches() || RestApis.lambdaFunction(uri) != null)) {
                throw ApiGatewayErrors.badRequest("Invalid integration URI specified: " + uri
                        + " (expected a Lambda function ARN or arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<arn>/invocations)");
            }
            if (format == null) {
                throw ApiGatewayErrors.badRequest("PayloadFormatVersion is required for AWS_PROXY integrations in HTTP APIs");
            }
            method = method == null ? "POST" : method;
        } else {
            if (uri == null) {
                throw ApiGatewayErrors.badRequest("Invalid integration URI specified: null");
            }
            HttpTargets.checkLoopback(uri);
            if (method == null) {
                throw ApiGatewayErrors.badRequest("IntegrationMethod is required for HTTP_PROXY integrations");
            }
            format = format == null ? "1.0" : format;
        }
        if (!format.equals("1.0") && !format.equals("2.0") || type.equals("HTTP_PROXY") && !format.equals("1.0")) {
            throw ApiGatewayErrors.badRequest("Invalid payload format version specified: " + format);
        }
        int timeout = in.timeoutInMillis() == null ? 30000 : in.timeoutInMillis();
        if (timeout < 50 || timeout > 30000) {
            throw ApiGatewayErrors.badRequest("Timeout must be between 50 and 30000 milliseconds");
        }
        return new HttpIntegration(id, type, uri, method, format, timeout, in.connectionType() == null ? "INTERNET" : in.connectionType(),
                in.description(), managed);
    }

    public HttpIntegration integration(Scope scope, String apiId, String integrationId) {
        return existing(get(scope, apiId).integrations(), integrationId, "Integration");
    }

    public List<HttpIntegration> integrations(Scope scope, String apiId) {
        return List.copyOf(get(scope, apiId).integrations().values());
    }

    /** UpdateIntegration: the given members over the current ones, checked as CreateIntegration checks them. */
    public HttpIntegration updateIntegration(Scope scope, String apiId, String integrationId, IntegrationInput in) {
        HttpApiRecord api = changeAndDeploy(scope, apiId, current -> {
            HttpIntegration old = existing(current.integrations(), integrationId, "Integration");
            IntegrationInput merged = new IntegrationInput(
                    in.integrationType() != null ? in.integrationType() : old.integrationType(),
                    in.integrationUri() != null ? in.integrationUri() : old.integrationUri(),
                    in.integrationMethod() != null ? in.integrationMethod() : old.integrationMethod(),
                    in.payloadFormatVersion() != null ? in.payloadFormatVersion() : old.payloadFormatVersion(),
                    in.timeoutInMillis() != null ? in.timeoutInMillis() : old.timeoutInMillis(),
                    in.connectionType() != null ? in.connectionType() : old.connectionType(),
                    in.description() != null ? in.description() : old.description());
            Map<String, HttpIntegration> integrations = new LinkedHashMap<>(current.integrations());
            integrations.put(integrationId, integration(integrationId, merged, old.apiGatewayManaged()));
            return current.with(current.routes(), integrations, current.stages(), current.deployments());
        });
        return api.integrations().get(integrationId);
    }

    public void deleteIntegration(Scope scope, String apiId, String integrationId) {
        changeAndDeploy(scope, apiId, current -> {
            if (!current.integrations().containsKey(integrationId)) {
                throw ApiGatewayErrors.httpNotFound("Integration", integrationId);
            }
            if (current.routes().values().stream().anyMatch(r -> integrationId.equals(r.integrationId()))) {
                throw ApiGatewayErrors.conflict("Unable to delete integration " + integrationId + ": a route still targets it");
            }
            Map<String, HttpIntegration> integrations = new LinkedHashMap<>(current.integrations());
            integrations.remove(integrationId);
            return current.with(current.routes(), integrations, current.stages(), current.deployments());
        });
    }

    // ---- stages and deployments ----

    public HttpStage createStage(Scope scope, String apiId, StageInput in) {
        String name = in.stageName();
        if (name == null || !(name.equals(DEFAULT) || name.matches("[A-Za-z0-9_\\-]{1,128}"))) {
            throw ApiGatewayErrors.badRequest("Stage name only allows a-zA-Z0-9_- or $default: " + name);
        }
        long now = state.now();
        HttpApiRecord api = update(scope, apiId, current -> {
            if (current.stages().containsKey(name)) {
                throw ApiGatewayErrors.conflict("Stage " + name + " already exists");
            }
            if (in.deploymentId() != null && !current.deployments().containsKey(in.deploymentId())) {
                throw ApiGatewayErrors.httpNotFound("Deployment", in.deploymentId());
            }
            Map<String, HttpStage> stages = new TreeMap<>(current.stages());
            boolean auto = Boolean.TRUE.equals(in.autoDeploy());
            stages.put(name, new HttpStage(name, in.deploymentId(), auto, in.description(),
                    in.stageVariables() == null ? Map.of() : new TreeMap<>(in.stageVariables()), now, now, false, null));
            HttpApiRecord next = current.with(current.routes(), current.integrations(), stages, current.deployments());
            return auto ? deploy(next, null) : next;
        });
        state.putTags(scope, arn(scope, apiId) + "/stages/" + name, in.tags());
        return api.stages().get(name);
    }

    public HttpStage updateStage(Scope scope, String apiId, String stageName, StageInput in) {
        long now = state.now();
        HttpApiRecord api = update(scope, apiId, current -> {
            HttpStage old = stage(current, stageName);
            if (in.deploymentId() != null && !current.deployments().containsKey(in.deploymentId())) {
                throw ApiGatewayErrors.httpNotFound("Deployment", in.deploymentId());
            }
            Map<String, String> variables = new TreeMap<>(old.stageVariables() == null ? Map.of() : old.stageVariables());
            if (in.stageVariables() != null) {
                in.stageVariables().forEach((k, v) -> {
                    if (v == null || v.isEmpty()) {
                        variables.remove(k);
                    } else {
                        variables.put(k, v);
                    }
                });
            }
            Map<String, HttpStage> stages = new TreeMap<>(current.stages());
            stages.put(stageName, new HttpStage(stageName, in.deploymentId() != null ? in.deploymentId() : old.deploymentId(),
                    in.autoDeploy() != null ? in.autoDeploy() : old.autoDeploy(), in.description() != null ? in.description() : old.description(),
                    variables, old.createdMillis(), now, old.apiGatewayManaged(), old.lastDeploymentStatusMessage()));
            return current.with(current.routes(), current.integrations(), stages, current.deployments());
        });
        return api.stages().get(stageName);
    }

    public HttpStage stage(Scope scope, String apiId, String stageName) {
        return stage(get(scope, apiId), stageName);
    }

    private static HttpStage stage(HttpApiRecord api, String stageName) {
        return existing(api.stages(), stageName, "Stage");
    }

    public List<HttpStage> stages(Scope scope, String apiId) {
        return List.copyOf(get(scope, apiId).stages().values());
    }

    public void deleteStage(Scope scope, String apiId, String stageName) {
        update(scope, apiId, current -> {
            stage(current, stageName);
            Map<String, HttpStage> stages = new TreeMap<>(current.stages());
            stages.remove(stageName);
            return current.with(current.routes(), current.integrations(), stages, current.deployments());
        });
        state.putTags(scope, arn(scope, apiId) + "/stages/" + stageName, null);
    }

    public HttpDeployment createDeployment(Scope scope, String apiId, String description, String stageName) {
        String id = state.newId(6);
        long now = state.now();
        HttpApiRecord api = update(scope, apiId, current -> {
            if (stageName != null) {
                HttpStage stage = stage(current, stageName);
                if (stage.autoDeploy()) {
                    throw ApiGatewayErrors.badRequest("Stage " + stageName + " has autoDeploy enabled: it cannot be deployed manually");
                }
            }
            Map<String, HttpDeployment> deployments = new LinkedHashMap<>(current.deployments());
            deployments.put(id, new HttpDeployment(id, description, now, false, Map.copyOf(current.routes()), Map.copyOf(current.integrations())));
            Map<String, HttpStage> stages = new TreeMap<>(current.stages());
            if (stageName != null) {
                stages.put(stageName, stages.get(stageName).withDeployment(id, now,
                        "Successfully deployed stage with deployment ID '" + id + "'"));
            }
            return current.with(current.routes(), current.integrations(), stages, deployments);
        });
        return api.deployments().get(id);
    }

    public HttpDeployment deployment(Scope scope, String apiId, String deploymentId) {
        return existing(get(scope, apiId).deployments(), deploymentId, "Deployment");
    }

    public void deleteDeployment(Scope scope, String apiId, String deploymentId) {
        update(scope, apiId, current -> {
            existing(current.deployments(), deploymentId, "Deployment");
            if (current.stages().values().stream().anyMatch(s -> deploymentId.equals(s.deploymentId()))) {
                throw ApiGatewayErrors.badRequest("Deployment " + deploymentId + " is in use by a stage; move or delete the stage first");
            }
            Map<String, HttpDeployment> deployments = new LinkedHashMap<>(current.deployments());
            deployments.remove(deploymentId);
            return current.with(current.routes(), current.integrations(), current.stages(), deployments);
        });
    }

    public List<HttpDeployment> deployments(Scope scope, String apiId) {
        return List.copyOf(get(scope, apiId).deployments().values());
    }
}
