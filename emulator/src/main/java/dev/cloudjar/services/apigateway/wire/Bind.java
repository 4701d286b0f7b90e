package dev.cloudjar.services.apigateway.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.services.apigateway.ApiGatewayErrors;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads request members; a member of the wrong JSON type is API Gateway's BadRequestException. */
final class Bind {
    private Bind() {
    }

    static String text(JsonNode body, String field) {
        JsonNode n = body == null ? null : body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isContainerNode()) {
            throw ApiGatewayErrors.badRequest("Invalid value for " + field + ": expected a string");
        }
        return n.asText();
    }

    static Boolean bool(JsonNode body, String field) {
        JsonNode n = body == null ? null : body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw ApiGatewayErrors.badRequest("Invalid value for " + field + ": expected a boolean");
        }
        return n.asBoolean();
    }

    static boolean flag(JsonNode body, String field) {
        return Boolean.TRUE.equals(bool(body, field));
    }

    static Integer integer(JsonNode body, String field) {
        JsonNode n = body == null ? null : body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToInt()) {
            throw ApiGatewayErrors.badRequest("Invalid value for " + field + ": expected an integer");
        }
        return n.asInt();
    }

    static Double number(JsonNode body, String field) {
        JsonNode n = body == null ? null : body.get(field);
        return n == null || n.isNull() ? null : n.asDouble();
    }

    static Map<String, String> strings(JsonNode body, String field) {
        JsonNode n = body == null ? null : body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw ApiGatewayErrors.badRequest("Invalid value for " + field + ": expected a map");
        }
        Map<String, String> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return out;
    }

    static Map<String, Boolean> booleans(JsonNode body, String field) {
        JsonNode n = body == null ? null : body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        Map<String, Boolean> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asBoolean()));
        return out;
    }

    static List<String> list(JsonNode body, String field) {
        JsonNode n = body == null ? null : body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw ApiGatewayErrors.badRequest("Invalid value for " + field + ": expected a list");
        }
        List<String> out = new ArrayList<>();
        n.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** The decoded segments of a raw path, without empty ones. */
    static String[] segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String part : rawPath.split("/")) {
            if (!part.isEmpty()) {
                out.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out.toArray(String[]::new);
    }
}
