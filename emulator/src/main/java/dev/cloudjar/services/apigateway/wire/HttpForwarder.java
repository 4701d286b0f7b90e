package dev.cloudjar.services.apigateway.wire;

import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.services.apigateway.HttpTargets;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** HTTP and HTTP_PROXY integrations: the request goes on to a loopback URL and its answer comes back as it is. */
final class HttpForwarder {
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "transfer-encoding", "expect",
            "upgrade", "keep-alive", "te", "trailer");
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    AwsResponse forward(ProxyEvents.Call call, String method, String uriTemplate, Map<String, String> pathParameters,
                        Map<String, String> variables, boolean proxy, int timeoutMillis) {
        AwsRequest r = call.request();
        String uri = ExecuteApi.substitute(uriTemplate, variables);
        if (pathParameters != null) {
            for (Map.Entry<String, String> p : pathParameters.entrySet()) {
                String encoded = URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
                uri = uri.replace("{" + p.getKey() + "+}", encoded).replace("{" + p.getKey() + "}", encoded);
            }
        }
        if (proxy && !r.rawQuery().isEmpty()) {
            uri = uri + (uri.contains("?") ? "&" : "?") + r.rawQuery();
        }
        try {
            HttpTargets.checkLoopback(uri);
            String verb = method == null || method.equals("ANY") ? r.method() : method;
            HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofMillis(timeoutMillis))
                    .method(verb, call.body().length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(call.body()));
            if (proxy) {
                for (Map.Entry<String, List<String>> h : r.headers().asMap().entrySet()) {
                    if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                        h.getValue().forEach(v -> out.header(h.getKey(), v));
                    }
                }
            }
            HttpResponse<byte[]> answer = client.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
            AwsResponse response = AwsResponse.status(answer.statusCode());
            String type = answer.headers().firstValue("Content-Type").orElse(null);
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase("Content-Type") && !name.startsWith(":")) {
                    values.forEach(v -> response.header(name, v));
                }
            });
            return response.body(answer.body(), type);
        } catch (IOException | IllegalArgumentException | dev.cloudjar.core.AwsException e) {
            return AwsResponse.status(502).body("{\"message\": \"Internal server error\"}", "application/json");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AwsResponse.status(504).body("{\"message\": \"Endpoint request timed out\"}", "application/json");
        }
    }
}
