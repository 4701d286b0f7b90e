package dev.cloudjar.services.apigateway.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.json.JsonProtocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a proxied function returned into the HTTP answer as API Gateway does: the REST (and
 * payload 1.0) shape strictly, payload 2.0 with its shortcut for values that are not a proxy response.
 * Anything unusable is the gateway's own error: REST's 502 "Internal server error", HTTP APIs' 500.
 */
final class ProxyResponses {
    private static final Set<String> V1_MEMBERS = Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");

    private ProxyResponses() {
    }

    static AwsResponse restError() {
        return AwsResponse.status(502).header("x-amzn-ErrorType", "InternalServerErrorException")
                .body("{\"message\": \"Internal server error\"}", "application/json");
    }

    static AwsResponse httpError() {
        return AwsResponse.status(500).body("{\"message\":\"Internal Server Error\"}", "application/json");
    }

    /** REST APIs and payload 1.0: an object with statusCode and only the known members; body a string. */
    static AwsResponse version1(byte[] payload, boolean httpApi) {
        JsonNode node = parse(payload);
        AwsResponse error = httpApi ? httpError() : restError();
        if (node == null || !node.isObject() || !validStatus(node.get("statusCode"))) {
            return error;
        }
        for (Iterator<String> names = node.fieldNames(); !httpApi && names.hasNext(); ) {
            if (!V1_MEMBERS.contains(names.next())) {
                return error;
            }
        }
        AwsResponse response = AwsResponse.status(node.get("statusCode").asInt());
        String type = null;
        JsonNode headers = node.get("headers");
        if (headers != null && !headers.isNull()) {
            if (!headers.isObject()) {
                return error;
            }
            for (Map.Entry<String, JsonNode> h : iterable(headers)) {
                if (h.getValue().isContainerNode()) {
                    return error;
                }
                if (h.getKey().equalsIgnoreCase("Content-Type")) {
                    type = h.getValue().asText();
                } else {
                    response.header(h.getKey(), h.getValue().asText());
                }
            }
        }
        JsonNode multi = node.get("multiValueHeaders");
        if (multi != null && !multi.isNull()) {
            if (!multi.isObject()) {
                return error;
            }
            for (Map.Entry<String, JsonNode> h : iterable(multi)) {
                if (!h.getValue().isArray()) {
                    return error;
                }
                for (JsonNode v : h.getValue()) {
                    if (h.getKey().equalsIgnoreCase("Content-Type")) {
                        type = type == null ? v.asText() : type;
                    } else if (headers == null || !headers.has(h.getKey())) {
                        response.header(h.getKey(), v.asText());
                    }
                }
            }
        }
        return withBody(response, node, type == null ? "application/json" : type, error);
    }

    /** Payload 2.0: an object with statusCode is a proxy response; any other JSON value is a 200 with that JSON as body. */
    static AwsResponse version2(byte[] payload) {
        JsonNode node = parse(payload);
        if (node == null) {
            return httpError();
        }
        if (!node.isObject() || !node.has("statusCode")) {
            String body = node.isTextual() ? node.asText() : new String(payload, StandardCharsets.UTF_8).trim();
            return AwsResponse.ok().body(body, "application/json");
        }
        if (!validStatus(node.get("statusCode"))) {
            return httpError();
        }
        AwsResponse response = AwsResponse.status(node.get("statusCode").asInt());
        String type = null;
        JsonNode headers = node.get("headers");
        if (headers != null && headers.isObject()) {
            for (Map.Entry<String, JsonNode> h : iterable(headers)) {
                if (h.getKey().equalsIgnoreCase("Content-Type")) {
                    type = h.getValue().asText();
                } else {
                    // a comma-separated value stays one header, as HTTP APIs send it
                    response.header(h.getKey(), h.getValue().asText());
                }
            }
        }
        JsonNode cookies = node.get("cookies");
        if (cookies != null && cookies.isArray()) {
            cookies.forEach(c -> response.header("Set-Cookie", c.asText()));
        }
        return withBody(response, node, type == null ? "application/json" : type, httpError());
    }

    private static AwsResponse withBody(AwsResponse response, JsonNode node, String type, AwsResponse error) {
        JsonNode body = node.get("body");
        if (body == null || body.isNull()) {
            return response.body(new byte[0], type);
        }
        if (!body.isTextual()) {
            return error;
        }
        JsonNode base64 = node.get("isBase64Encoded");
        if (base64 != null && base64.asBoolean(false)) {
            try {
                return response.body(Base64.getMimeDecoder().decode(body.asText()), type);
            } catch (IllegalArgumentException e) {
                return error;
            }
        }
        return response.body(body.asText(), type);
    }

    private static boolean validStatus(JsonNode status) {
        if (status == null) {
            return false;
        }
        int code = status.isInt() ? status.asInt() : status.isTextual() && status.asText().matches("\\d{3}") ? Integer.parseInt(status.asText()) : -1;
        return code >= 100 && code <= 599;
    }

    private static JsonNode parse(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return null;
        }
        try {
            return JsonProtocol.MAPPER.readTree(payload);
        } catch (IOException e) {
            return null;
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
