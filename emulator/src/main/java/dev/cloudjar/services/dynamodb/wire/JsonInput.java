package dev.cloudjar.services.dynamodb.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.protocol.json.JsonProtocol;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads members of a JSON request with the types botocore's model gives them; a member of the wrong
 * JSON type is a SerializationException, as DynamoDB answers.
 */
final class JsonInput {
    private JsonInput() {
    }

    static boolean has(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    static String string(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw JsonProtocol.serializationError("NUMBER_VALUE cannot be converted to String");
        }
        return v.textValue();
    }

    static Long longValue(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            if (v.isTextual()) {
                try {
                    return Long.parseLong(v.textValue());
                } catch (NumberFormatException e) {
                    throw JsonProtocol.serializationError("STRING_VALUE can not be converted to Long");
                }
            }
            throw JsonProtocol.serializationError("Unexpected value type in payload");
        }
        return v.longValue();
    }

    static Integer intValue(JsonNode node, String field) {
        Long v = longValue(node, field);
        return v == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            if (v.isTextual() && (v.textValue().equals("true") || v.textValue().equals("false"))) {
                return Boolean.parseBoolean(v.textValue());
            }
            throw JsonProtocol.serializationError("Unexpected value type in payload");
        }
        return v.booleanValue();
    }

    static JsonNode object(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw JsonProtocol.serializationError("Start of list found where not expected");
        }
        return v;
    }

    static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> element) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw JsonProtocol.serializationError("Start of structure or map found where not expected.");
        }
        List<T> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            if (e.isNull()) {
                continue;
            }
            out.add(element.apply(e));
        }
        return out;
    }

    static List<String> strings(JsonNode node, String field) {
        return list(node, field, e -> {
            if (!e.isTextual()) {
                throw JsonProtocol.serializationError("Unexpected value type in payload");
            }
            return e.textValue();
        });
    }

    static Map<String, String> stringMap(JsonNode node, String field) {
        JsonNode v = object(node, field);
        if (v == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw JsonProtocol.serializationError("Unexpected value type in payload");
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }
}
