package dev.cloudjar.services.apigateway;

import dev.cloudjar.core.Scope;
import dev.cloudjar.services.apigateway.model.HttpApiRecord;
import dev.cloudjar.services.apigateway.model.HttpDeployment;
import dev.cloudjar.services.apigateway.model.HttpIntegration;
import dev.cloudjar.services.apigateway.model.HttpRoute;
import dev.cloudjar.services.apigateway.model.HttpStage;
import dev.cloudjar.services.apigateway.model.RestApiRecord;
import dev.cloudjar.services.apigateway.model.RestDeployment;
import dev.cloudjar.services.apigateway.model.RestMethod;
import dev.cloudjar.services.apigateway.model.RestResource;
import dev.cloudjar.services.apigateway.model.RestStage;
import java.util.List;
import java.util.Map;

/**
 * The invoke path's routing: from an API id and a request path to the deployed method (REST) or
 * route (HTTP) that answers it, with its path parameters, as the stage's current deployment has it.
 */
public final class ExecuteApiRouter {
    private final ApiGatewayState state;

    ExecuteApiRouter(ApiGatewayState state) {
        this.state = state;
    }

    /** Where a request goes. */
    public sealed interface Resolved permits RestTarget, HttpTarget, NoRoute {
    }

    /** A REST API method of a deployed stage. {@code path} is the path after the stage. */
    public record RestTarget(Scope scope, RestApiRecord api, RestStage stage, RestResource resource, RestMethod method,
                             Map<String, String> pathParameters, String path) implements Resolved {
    }

    /** An HTTP API route of a deployed stage; {@code path} is the path after the stage ({@code $default}: all of it). */
    public record HttpTarget(Scope scope, HttpApiRecord api, HttpStage stage, HttpRoute route, HttpIntegration integration,
                             Map<String, String> pathParameters, String path) implements Resolved {
    }

    /** Nothing answers: REST APIs say 403 Missing Authentication Token, HTTP APIs 404 Not Found, unknown APIs 404. */
    public record NoRoute(String kind) implements Resolved {
    }

    /** @param path the decoded path after the API id, starting with "/" (the stage comes first, except for $default) */
    public Resolved resolve(String apiId, String method, String path) {
        ApiGatewayState.ApiIndex where = state.where(apiId);
        if (where == null) {
            return new NoRoute("NONE");
        }
        Scope scope = where.scope();
        List<String> segments = RouteMatcher.segments(path);
        if (where.kind().equals("REST")) {
            RestApiRecord api = state.rest(scope, apiId);
            return api == null ? new NoRoute("NONE") : rest(scope, api, method, segments);
        }
        HttpApiRecord api = state.http(scope, apiId);
        return api == null ? new NoRoute("NONE") : http(scope, api, method, segments);
    }

    /**
     * TestInvokeMethod's target: the method as it is now (not as deployed), in the pseudo-stage
     * {@code test-invoke-stage} with the given stage variables.
     */
    public RestTarget testTarget(Scope scope, RestApiRecord api, RestResource resource, RestMethod method, String path,
                                 Map<String, String> stageVariables) {
        Map<String, String> params = RouteMatcher.match(resource.path(), RouteMatcher.segments(path));
        RestStage stage = new RestStage("test-invoke-stage", null, null, false, null, false,
                stageVariables == null ? Map.of() : stageVariables, 0, 0, Map.of());
        return new RestTarget(scope, api, stage, resource, method, params == null ? Map.of() : params, path);
    }

    private static Resolved rest(Scope scope, RestApiRecord api, String method, List<String> segments) {
        NoRoute none = new NoRoute("REST");
        if (segments.isEmpty() || api.disableExecuteApiEndpoint()) {
            return none;
        }
        RestStage stage = api.stages().get(segments.get(0));
        RestDeployment deployment = stage == null ? null : api.deployments().get(stage.deploymentId());
        if (deployment == null) {
            return none;
        }
        List<String> rest = segments.subList(1, segments.size());
        RestResource best = null;
        Map<String, String> params = null;
        String bestKey = null;
        for (RestResource resource : deployment.resources().values()) {
            Map<String, String> found = RouteMatcher.match(resource.path(), rest);
            if (found != null) {
                String key = RouteMatcher.specificity(resource.path());
                if (best == null || key.compareTo(bestKey) > 0) {
                    best = resource;
                    params = found;
                    bestKey = key;
                }
            }
        }
        if (best == null) {
            return none;
        }
        RestMethod m = best.methods().get(method);
        if (m == null) {
            m = best.methods().get("ANY");
        }
        if (m == null || m.integration() == null) {
            return none;
        }
        return new RestTarget(scope, api, stage, best, m, params, "/" + String.join("/", rest));
    }

    private static Resolved http(Scope scope, HttpApiRecord api, String method, List<String> segments) {
        NoRoute none = new NoRoute("HTTP");
        if (api.disableExecuteApiEndpoint()) {
            return none;
        }
        HttpStage stage = segments.isEmpty() ? null : api.stages().get(segments.get(0));
        List<String> rest;
        if (stage != null && !stage.stageName().equals(HttpApis.DEFAULT)) {
            rest = segments.subList(1, segments.size());
        } else {
            stage = api.stages().get(HttpApis.DEFAULT);
            rest = segments;
        }
        HttpDeployment deployment = stage == null || stage.deploymentId() == null ? null : api.deployments().get(stage.deploymentId());
        if (deployment == null) {
            return none;
        }
        HttpRoute best = null;
        Map<String, String> params = null;
        String bestKey = null;
        for (HttpRoute route : deployment.routes().values()) {
            if (route.routeKey().equals(HttpApis.DEFAULT)) {
                continue;
            }
            int space = route.routeKey().indexOf(' ');
            String routeMethod = route.routeKey().substring(0, space);
            if (!routeMethod.equals(method) && !routeMethod.equals("ANY")) {
                continue;
            }
            String template = route.routeKey().substring(space + 1);
            Map<String, String> found = RouteMatcher.match(template, rest);
            if (found != null) {
                // a literal method beats ANY on the same path
                String key = RouteMatcher.specificity(template) + (routeMethod.equals("ANY") ? "0" : "1");
                if (best == null || key.compareTo(bestKey) > 0) {
                    best = route;
                    params = found;
                    bestKey = key;
                }
            }
        }
        if (best == null) {
            best = deployment.routes().values().stream().filter(r -> r.routeKey().equals(HttpApis.DEFAULT)).findFirst().orElse(null);
            params = Map.of();
        }
        HttpIntegration integration = best == null || best.integrationId() == null ? null : deployment.integrations().get(best.integrationId());
        if (integration == null) {
            return none;
        }
        return new HttpTarget(scope, api, stage, best, integration, params, "/" + String.join("/", rest));
    }
}
