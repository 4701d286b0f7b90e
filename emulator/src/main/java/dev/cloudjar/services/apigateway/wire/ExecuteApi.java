package dev.cloudjar.services.apigateway.wire;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.services.apigateway.ApiGatewayBackend;
import dev.cloudjar.services.apigateway.ExecuteApiRouter;
import dev.cloudjar.services.apigateway.ExecuteApiRouter.HttpTarget;
import dev.cloudjar.services.apigateway.ExecuteApiRouter.RestTarget;
import dev.cloudjar.services.apigateway.RestApis;
import dev.cloudjar.services.apigateway.model.LambdaProxy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The invoke path: a deployed stage answers plain, unsigned HTTP at
 * {@code http://<api-id>.execute-api.localhost:<port>/<stage>/<path>} or
 * {@code /_aws/execute-api/<api-id>/<stage>/<path>}; the matched method or route runs its integration.
 */
public final class ExecuteApi implements AwsService {
    /** Where the path form of an invoke URL starts. */
    public static final String PATH_PREFIX = "/_aws/execute-api/";
    /** The host suffix of the host form. */
    public static final String HOST_SUFFIX = ".execute-api.localhost";
    private static final int MAX_BODY = 10 * 1024 * 1024;

    private final ApiGatewayBackend backend;
    private final Clock clock;
    private final IdGenerator ids;
    private final HttpForwarder forwarder = new HttpForwarder();
    private final RestInvoker restInvoker;

    public ExecuteApi(ApiGatewayBackend backend, Clock clock, IdGenerator ids) {
        this.backend = backend;
        this.clock = clock;
        this.ids = ids;
        this.restInvoker = new RestInvoker(backend, forwarder);
    }

    @Override
    public String serviceName() {
        return "execute-api";
    }

    @Override
    public AwsResponse handle(AwsRequest r) {
        String apiId;
        String rawRest;
        String domain;
        if (r.rawPath().startsWith(PATH_PREFIX)) {
            String after = r.rawPath().substring(PATH_PREFIX.length());
            int slash = after.indexOf('/');
            apiId = slash < 0 ? after : after.substring(0, slash);
            rawRest = slash < 0 ? "/" : after.substring(slash);
            domain = apiId + HOST_SUFFIX;
        } else {
            String host = r.header("Host");
            String name = host == null ? "" : host.toLowerCase(Locale.ROOT);
            int colon = name.lastIndexOf(':');
            domain = colon > 0 ? name.substring(0, colon) : name;
            apiId = domain.endsWith(HOST_SUFFIX) ? domain.substring(0, domain.length() - HOST_SUFFIX.length()) : "";
            rawRest = r.rawPath();
        }
        String path = URLDecoder.decode(rawRest.replace("+", "%2B"), StandardCharsets.UTF_8);
        ExecuteApiRouter.Resolved resolved = backend.router().resolve(apiId, r.method(), path);
        byte[] body = readBody(r);
        long now = clock.millis();
        if (resolved instanceof RestTarget t && t.method().apiKeyRequired()
                && !backend.apiKeys().allows(t.scope(), apiId, t.stage().stageName(), r.header("x-api-key"))) {
            return decorate(AwsResponse.status(403).header("x-amzn-ErrorType", "ForbiddenException")
                    .body("{\"message\":\"Forbidden\"}", "application/json"), r, false);
        }
        if (resolved instanceof RestTarget t) {
            boolean binary = isBinary(r.header("Content-Type"), t.api().binaryMediaTypes());
            ProxyEvents.Call call = new ProxyEvents.Call(r, apiId, t.scope().account(), t.stage().stageName(), domain,
                    t.path(), r.requestId(), ids.base32(16), now, body, binary);
            return decorate(restInvoker.invoke(t, call), r, false);
        }
        if (resolved instanceof HttpTarget t) {
            boolean binary = body.length > 0 && !isText(r.header("Content-Type"));
            ProxyEvents.Call call = new ProxyEvents.Call(r, apiId, t.scope().account(), t.stage().stageName(), domain,
                    t.path(), r.requestId(), ids.base32(16), now, body, binary);
            return decorate(http(t, call), r, true);
        }
        if (((ExecuteApiRouter.NoRoute) resolved).kind().equals("REST")) {
            return decorate(AwsResponse.status(403).header("x-amzn-ErrorType", "MissingAuthenticationTokenException")
                    .body("{\"message\":\"Missing Authentication Token\"}", "application/json"), r, false);
        }
        return decorate(AwsResponse.status(404).body("{\"message\":\"Not Found\"}", "application/json"), r, true);
    }

    private AwsResponse http(HttpTarget t, ProxyEvents.Call call) {
        var integration = t.integration();
        Map<String, String> variables = t.stage().stageVariables();
        if (integration.integrationType().equals("HTTP_PROXY")) {
            return forwarder.forward(call, integration.integrationMethod(), integration.integrationUri(), t.pathParameters(), variables,
                    true, integration.timeoutInMillis());
        }
        String function = RestApis.lambdaFunction(integration.integrationUri());
        String target = function != null ? function : integration.integrationUri();
        boolean v2 = integration.payloadFormatVersion().equals("2.0");
        byte[] event = v2 ? ProxyEvents.version2(call, t.route().routeKey(), t.pathParameters(), variables)
                : ProxyEvents.version1(call, t.route().routeKey().equals("$default") ? "$default" : t.route().routeKey().substring(
                        t.route().routeKey().indexOf(' ') + 1), t.route().routeId(), t.pathParameters(), variables, true);
        LambdaProxy.Result result;
        try {
            result = backend.lambda().invoke(t.scope(), substitute(target, variables), event);
        } catch (AwsException e) {
            return ProxyResponses.httpError();
        }
        if (result.failed()) {
            return ProxyResponses.httpError();
        }
        return v2 ? ProxyResponses.version2(result.payload()) : ProxyResponses.version1(result.payload(), true);
    }

    /** {@code ${stageVariables.name}} in an integration URI, as AWS resolves it per stage. */
    static String substitute(String text, Map<String, String> variables) {
        if (text == null || !text.contains("${stageVariables.")) {
            return text;
        }
        String out = text;
        for (Map.Entry<String, String> v : variables == null ? Map.<String, String>of().entrySet() : variables.entrySet()) {
            out = out.replace("${stageVariables." + v.getKey() + "}", v.getValue());
        }
        return out;
    }

    private static AwsResponse decorate(AwsResponse response, AwsRequest r, boolean httpApi) {
        if (httpApi) {
            response.header("apigw-requestid", r.requestId());
        } else {
            response.header("x-amzn-RequestId", r.requestId()).header("x-amz-apigw-id", r.requestId().substring(0, 8) + "=");
        }
        return response;
    }

    private static byte[] readBody(AwsRequest r) {
        if (r.contentLength() > MAX_BODY) {
            throw new AwsException(413, "RequestEntityTooLarge", "HTTP content length exceeded 10485760 bytes.");
        }
        try {
            byte[] bytes = r.body().readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new AwsException(413, "RequestEntityTooLarge", "HTTP content length exceeded 10485760 bytes.");
            }
            return bytes;
        } catch (java.io.IOException e) {
            throw AwsRequest.bodyCutOff(e);
        }
    }

    /** REST APIs pass a body as base64 when its type is one of the API's binaryMediaTypes. */
    private static boolean isBinary(String contentType, List<String> binaryTypes) {
        if (contentType == null || binaryTypes == null) {
            return false;
        }
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (String type : binaryTypes) {
            String t = type.toLowerCase(Locale.ROOT);
            if (t.equals("*/*") || t.equals(media) || t.endsWith("/*") && media.startsWith(t.substring(0, t.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** HTTP APIs pass text bodies as they are and everything else as base64. */
    private static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.startsWith("text/") || media.endsWith("/json") || media.endsWith("+json") || media.endsWith("/xml")
                || media.endsWith("+xml") || media.equals("application/javascript");
    }

    @Override
    public AwsResponse error(AwsException e, AwsRequest r) {
        String message = e.status() == 413 ? "Request Too Long" : e.getMessage();
        return AwsResponse.status(e.status()).header("x-amzn-ErrorType", e.code())
                .body(ProxyEvents.WRITER.createObjectNode().put("message", message).toString(), "application/json");
    }
}
