package dev.cloudjar.services.apigateway;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.services.apigateway.model.LambdaProxy;
import java.util.function.Supplier;

/**
 * Amazon API Gateway: REST APIs (v1: resources, methods, integrations, deployments, stages, API keys
 * and usage plans) and HTTP APIs (v2: routes, integrations, stages with auto-deploy, quick create),
 * plus the routing of the invoke path. Each part is its own class, reached through this one; the
 * invoke path reaches Lambda through the {@link LambdaProxy} port that integration/ fills.
 *
 * <p>LIMITATIONS: no authorizers (Lambda, Cognito, IAM or JWT): every method and route is open, whatever
 * its authorizationType. API keys are checked on methods with apiKeyRequired (an enabled key of a
 * usage plan covering the stage), never throttled or metered.
 * No request validation, models, VTL mapping templates (a MOCK integration answers the integration
 * response's template text as is), request/response parameter mappings, caching, canaries, custom
 * domains, VPC links, WebSocket APIs, CORS handling by the gateway, or access logs. Integrations are
 * Lambda (proxy, and non-proxy as a pass-through of the body), MOCK and HTTP/HTTP_PROXY to loopback
 * URLs only; an integration's timeoutInMillis bounds HTTP integrations, while a Lambda integration
 * waits for the function's own timeout. UpdateStage supports the stage's variables, description,
 * deploymentId, flags and method settings (stored, not applied). Lists return everything in one page.
 */
public final class ApiGatewayBackend {
    private final ApiGatewayState state;
    private final RestApis restApis;
    private final RestStages restStages;
    private final RestMethodPatches restPatches;
    private final HttpApis httpApis;
    private final ApiKeys apiKeys;
    private final ApiGatewayTags tags;
    private final ExecuteApiRouter router;
    private final Supplier<String> endpoint;
    private volatile LambdaProxy lambda;

    /** @param endpoint CloudJar's own base URL ({@code http://127.0.0.1:4566}), for the invoke URLs */
    public ApiGatewayBackend(ServiceContext ctx, Supplier<String> endpoint) {
        this.state = new ApiGatewayState(ctx);
        this.restApis = new RestApis(state);
        this.restStages = new RestStages(state, restApis);
        this.restPatches = new RestMethodPatches(restApis);
        this.httpApis = new HttpApis(state);
        this.apiKeys = new ApiKeys(state);
        this.tags = new ApiGatewayTags(state);
        this.router = new ExecuteApiRouter(state);
        this.endpoint = endpoint;
    }

    public void useLambda(LambdaProxy proxy) {
        this.lambda = proxy;
    }

    public LambdaProxy lambda() {
        LambdaProxy proxy = lambda;
        if (proxy == null) {
            throw new IllegalStateException("API Gateway has no Lambda port");
        }
        return proxy;
    }

    public RestApis restApis() {
        return restApis;
    }

    public RestStages restStages() {
        return restStages;
    }

    public RestMethodPatches restPatches() {
        return restPatches;
    }

    public HttpApis httpApis() {
        return httpApis;
    }

    public ApiKeys apiKeys() {
        return apiKeys;
    }

    public ApiGatewayTags tags() {
        return tags;
    }

    public ExecuteApiRouter router() {
        return router;
    }

    public java.util.Map<String, String> tagsOf(dev.cloudjar.core.Scope scope, String arn) {
        return state.tagsOf(scope, arn);
    }

    /** {@code http://<api-id>.execute-api.localhost:<port>}: where an API answers on this CloudJar. */
    public String apiEndpoint(String apiId) {
        String base = endpoint.get();
        int colon = base.lastIndexOf(':');
        String port = colon > base.indexOf("//") + 2 ? base.substring(colon) : "";
        return "http://" + apiId + ".execute-api.localhost" + port;
    }
}
