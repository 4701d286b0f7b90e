package dev.cloudjar.services.apigateway.wire;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.services.apigateway.ApiGatewayBackend;
import dev.cloudjar.services.apigateway.ExecuteApiRouter.RestTarget;
import dev.cloudjar.services.apigateway.RestApis;
import dev.cloudjar.services.apigateway.model.LambdaProxy;
import dev.cloudjar.services.apigateway.model.RestIntegration;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs a REST API method's integration: for the invoke URLs and for TestInvokeMethod alike. */
final class RestInvoker {
    private final ApiGatewayBackend backend;
    private final HttpForwarder forwarder;

    RestInvoker(ApiGatewayBackend backend, HttpForwarder forwarder) {
        this.backend = backend;
        this.forwarder = forwarder;
    }

    AwsResponse invoke(RestTarget t, ProxyEvents.Call call) {
        RestIntegration integration = t.method().integration();
        Map<String, String> variables = t.stage().variables();
        switch (integration.type()) {
            case "AWS_PROXY": {
                byte[] event = ProxyEvents.version1(call, t.resource().path(), t.resource().id(), t.pathParameters(), variables, false);
                LambdaProxy.Result result = invoke(t, integration.uri(), variables, event);
                if (result == null) {
                    return configurationError();
                }
                return result.failed() ? ProxyResponses.restError() : ProxyResponses.version1(result.payload(), false);
            }
            case "AWS": {
                byte[] event = call.body().length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : call.body();
                LambdaProxy.Result result = invoke(t, integration.uri(), variables, event);
                if (result == null) {
                    return configurationError();
                }
                return MockResponses.select(integration, result.failed() ? MockResponses.errorMessage(result.payload()) : "",
                        AwsResponse.ok().body(result.payload(), "application/json"));
            }
            case "MOCK":
                return MockResponses.mock(integration, call.request().header("Content-Type"), call.body());
            default:
                return forwarder.forward(call, integration.httpMethod(), integration.uri(), t.pathParameters(), variables,
                        integration.type().equals("HTTP_PROXY"), integration.timeoutInMillis());
        }
    }

    /** The function is missing or cannot be called: AWS's "Execution failed due to configuration error", a 500. */
    private static AwsResponse configurationError() {
        return AwsResponse.status(500).header("x-amzn-ErrorType", "InternalServerErrorException")
                .body("{\"message\": \"Internal server error\"}", "application/json");
    }

    private LambdaProxy.Result invoke(RestTarget t, String uri, Map<String, String> variables, byte[] event) {
        String function = RestApis.lambdaFunction(ExecuteApi.substitute(uri, variables));
        try {
            return backend.lambda().invoke(t.scope(), function, event);
        } catch (AwsException e) {
            return null;
        }
    }
}
