package dev.cloudjar.services.apigateway.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.protocol.AwsRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Lambda proxy events API Gateway sends: REST's (and HTTP API payload 1.0's) with
 * {@code multiValueHeaders} and nulls for absent parts, and HTTP API payload 2.0's with lower-case
 * headers, {@code cookies} and {@code rawPath}, absent parts left out.
 */
final class ProxyEvents {
    /** Writes explicit nulls, as AWS's 1.0 events carry them. */
    static final ObjectMapper WRITER = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final String[] IDENTITY = {"cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller", "accessKey",
        "principalOrgId", "cognitoAuthenticationType", "cognitoAuthenticationProvider", "userArn", "user"};

    private ProxyEvents() {
    }

    /** What every event is built from. */
    record Call(AwsRequest request, String apiId, String accountId, String stage, String domainName, String path,
                String requestId, String extendedRequestId, long epochMillis, byte[] body, boolean base64) {
        String sourceIp() {
            return request.remoteAddress();
        }

        String userAgent() {
            return request.header("User-Agent");
        }

        String bodyText() {
            if (body.length == 0) {
                return null;
            }
            return base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8);
        }
    }

    static byte[] version1(Call c, String resourcePath, String resourceId, Map<String, String> pathParameters,
                           Map<String, String> stageVariables, boolean httpApi) {
        AwsRequest r = c.request();
        ObjectNode e = WRITER.createObjectNode();
        if (httpApi) {
            e.put("version", "1.0");
        }
        e.put("resource", resourcePath);
        e.put("path", httpApi && !c.stage().equals("$default") ? "/" + c.stage() + c.path() : c.path());
        e.put("httpMethod", r.method());
        ObjectNode headers = WRITER.createObjectNode();
        ObjectNode multiHeaders = WRITER.createObjectNode();
        for (Map.Entry<String, List<String>> h : eventHeaders(c).entrySet()) {
            headers.put(h.getKey(), h.getValue().get(h.getValue().size() - 1));
            ArrayNode all = multiHeaders.putArray(h.getKey());
            h.getValue().forEach(all::add);
        }
        e.set("headers", headers);
        e.set("multiValueHeaders", multiHeaders);
        Map<String, List<String>> query = r.queryParameters();
        if (query.isEmpty()) {
            e.putNull("queryStringParameters");
            e.putNull("multiValueQueryStringParameters");
        } else {
            ObjectNode single = e.putObject("queryStringParameters");
            ObjectNode multi = e.putObject("multiValueQueryStringParameters");
            query.forEach((k, v) -> {
                single.put(k, v.get(v.size() - 1));
                ArrayNode all = multi.putArray(k);
                v.forEach(all::add);
            });
        }
        ObjectNode ctx = e.putObject("requestContext");
        ctx.put("resourceId", resourceId);
        ctx.put("resourcePath", resourcePath);
        ctx.put("httpMethod", r.method());
        ctx.put("extendedRequestId", c.extendedRequestId());
        ctx.put("requestTime", REQUEST_TIME.format(Instant.ofEpochMilli(c.epochMillis())));
        ctx.put("path", c.stage().equals("$default") ? c.path() : "/" + c.stage() + c.path());
        ctx.put("accountId", c.accountId());
        ctx.put("protocol", "HTTP/1.1");
        ctx.put("stage", c.stage());
        ctx.put("domainPrefix", c.apiId());
        ctx.put("requestTimeEpoch", c.epochMillis());
        ctx.put("requestId", c.requestId());
        ObjectNode identity = ctx.putObject("identity");
        for (String name : IDENTITY) {
            identity.putNull(name);
        }
        identity.put("sourceIp", c.sourceIp());
        identity.put("userAgent", c.userAgent());
        ctx.put("domainName", c.domainName());
        ctx.put("apiId", c.apiId());
        putMap(e, "pathParameters", pathParameters);
        putMap(e, "stageVariables", stageVariables);
        e.put("body", c.bodyText());
        e.put("isBase64Encoded", c.base64());
        return encode(e);
    }

    static byte[] version2(Call c, String routeKey, Map<String, String> pathParameters, Map<String, String> stageVariables) {
        AwsRequest r = c.request();
        ObjectNode e = WRITER.createObjectNode();
        e.put("version", "2.0");
        e.put("routeKey", routeKey);
        String rawPath = c.stage().equals("$default") ? c.path() : "/" + c.stage() + c.path();
        e.put("rawPath", rawPath);
        e.put("rawQueryString", r.rawQuery());
        List<String> cookies = new ArrayList<>();
        for (String header : r.headers().all("Cookie")) {
            for (String cookie : header.split(";")) {
                if (!cookie.isBlank()) {
                    cookies.add(cookie.trim());
                }
            }
        }
        if (!cookies.isEmpty()) {
            ArrayNode array = e.putArray("cookies");
            cookies.forEach(array::add);
        }
        ObjectNode headers = e.putObject("headers");
        eventHeaders(c).forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Cookie")) {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        if (!r.queryParameters().isEmpty()) {
            ObjectNode query = e.putObject("queryStringParameters");
            r.queryParameters().forEach((k, v) -> query.put(k, String.join(",", v)));
        }
        ObjectNode ctx = e.putObject("requestContext");
        ctx.put("accountId", c.accountId());
        ctx.put("apiId", c.apiId());
        ctx.put("domainName", c.domainName());
        ctx.put("domainPrefix", c.apiId());
        ObjectNode http = ctx.putObject("http");
        http.put("method", r.method());
        http.put("path", rawPath);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", c.sourceIp());
        http.put("userAgent", c.userAgent() == null ? "" : c.userAgent());
        ctx.put("requestId", c.extendedRequestId());
        ctx.put("routeKey", routeKey);
        ctx.put("stage", c.stage());
        ctx.put("time", REQUEST_TIME.format(Instant.ofEpochMilli(c.epochMillis())));
        ctx.put("timeEpoch", c.epochMillis());
        String body = c.bodyText();
        if (body != null) {
            e.put("body", body);
        }
        if (pathParameters != null && !pathParameters.isEmpty()) {
            e.set("pathParameters", WRITER.valueToTree(pathParameters));
        }
        e.put("isBase64Encoded", c.base64());
        if (stageVariables != null && !stageVariables.isEmpty()) {
            e.set("stageVariables", WRITER.valueToTree(stageVariables));
        }
        return encode(e);
    }

    /** The request's headers plus the Content-Length, X-Forwarded-* and X-Amzn-Trace-Id ones API Gateway adds. */
    private static Map<String, List<String>> eventHeaders(Call c) {
        Map<String, List<String>> out = new LinkedHashMap<>(c.request().headers().asMap());
        if (!c.request().headers().has("Content-Length") && !c.request().headers().has("Transfer-Encoding")) {
            out.put("Content-Length", List.of(Integer.toString(c.body().length)));
        }
        out.putIfAbsent("X-Forwarded-For", List.of(c.sourceIp()));
        String host = c.request().header("Host");
        int colon = host == null ? -1 : host.lastIndexOf(':');
        out.putIfAbsent("X-Forwarded-Port", List.of(colon > 0 && host.indexOf(']') < colon ? host.substring(colon + 1) : "80"));
        out.putIfAbsent("X-Forwarded-Proto", List.of("http"));
        String hex = c.requestId().replace("-", "");
        if (hex.length() >= 32) {
            out.putIfAbsent("X-Amzn-Trace-Id", List.of("Root=1-" + hex.substring(0, 8) + "-" + hex.substring(8, 32)));
        }
        return out;
    }

    private static void putMap(ObjectNode e, String name, Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            e.putNull(name);
        } else {
            e.set(name, WRITER.valueToTree(map));
        }
    }

    private static byte[] encode(ObjectNode node) {
        try {
            return WRITER.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("cannot render event", ex);
        }
    }
}
