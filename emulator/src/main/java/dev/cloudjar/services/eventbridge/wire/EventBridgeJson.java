package dev.cloudjar.services.eventbridge.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.eventbridge.EventBridgeErrors;
import dev.cloudjar.services.eventbridge.model.TargetRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading EventBridge request members and writing its shapes (Target, Tag lists). */
final class EventBridgeJson {
    private EventBridgeJson() {
    }

    static String string(JsonNode body, String member) {
        JsonNode v = body.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw JsonProtocol.serializationError("Expected a string for " + member);
        }
        return v.asText();
    }

    static Integer integer(JsonNode body, String member) {
        JsonNode v = body.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            throw JsonProtocol.serializationError("Expected an integer for " + member);
        }
        return v.intValue();
    }

    static Instant timestamp(JsonNode body, String member) {
        JsonNode v = body.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return Instant.ofEpochMilli((long) (v.doubleValue() * 1000));
        }
        try {
            return Instant.parse(v.asText());
        } catch (java.time.DateTimeException e) {
            throw JsonProtocol.serializationError("Expected a timestamp for " + member);
        }
    }

    static List<String> strings(JsonNode body, String member) {
        JsonNode v = body.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw JsonProtocol.serializationError("Expected a list for " + member);
        }
        List<String> out = new ArrayList<>();
        v.forEach(e -> out.add(e.asText()));
        return out;
    }

    static List<JsonNode> objects(JsonNode body, String member) {
        JsonNode v = body.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw JsonProtocol.serializationError("Expected a list for " + member);
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    /** {@code [{"Key":..,"Value":..}]} as a map; AWS wants both members. */
    static Map<String, String> tags(JsonNode body, String member) {
        List<JsonNode> list = objects(body, member);
        if (list == null) {
            return null;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode tag : list) {
            String key = string(tag, "Key");
            String value = string(tag, "Value");
            if (key == null || value == null) {
                throw EventBridgeErrors.constraint("null", key == null ? "tags.member.key" : "tags.member.value", "Member must not be null");
            }
            tags.put(key, value);
        }
        return tags;
    }

    static ArrayNode writeTags(Map<String, String> tags) {
        ArrayNode list = JsonProtocol.MAPPER.createArrayNode();
        tags.forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
        return list;
    }

    static TargetRecord target(JsonNode t) {
        Map<String, String> paths = null;
        String template = null;
        JsonNode transformer = t.get("InputTransformer");
        if (transformer != null && transformer.isObject()) {
            template = string(transformer, "InputTemplate");
            if (template == null) {
                throw EventBridgeErrors.constraint("null", "targets.member.inputTransformer.inputTemplate", "Member must not be null");
            }
            JsonNode map = transformer.get("InputPathsMap");
            if (map != null && map.isObject()) {
                paths = new LinkedHashMap<>();
                Map<String, String> into = paths;
                map.fields().forEachRemaining(e -> into.put(e.getKey(), e.getValue().asText()));
            }
        }
        JsonNode sqs = t.get("SqsParameters");
        ObjectNode others = JsonProtocol.MAPPER.createObjectNode();
        t.fields().forEachRemaining(e -> {
            if (!HANDLED_TARGET_MEMBERS.contains(e.getKey()) && !e.getValue().isNull()) {
                others.set(e.getKey(), e.getValue());
            }
        });
        return new TargetRecord(string(t, "Id"), string(t, "Arn"), string(t, "RoleArn"), string(t, "Input"), string(t, "InputPath"),
                paths, template, sqs == null ? null : string(sqs, "MessageGroupId"), others.isEmpty() ? null : others.toString());
    }

    /** Target members read into TargetRecord's own fields; the others are kept as they came. */
    private static final java.util.Set<String> HANDLED_TARGET_MEMBERS = java.util.Set.of("Id", "Arn", "RoleArn", "Input", "InputPath",
            "InputTransformer", "SqsParameters");

    static ObjectNode writeTarget(TargetRecord t) {
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        out.put("Id", t.id());
        out.put("Arn", t.arn());
        if (t.roleArn() != null) {
            out.put("RoleArn", t.roleArn());
        }
        if (t.input() != null) {
            out.put("Input", t.input());
        }
        if (t.inputPath() != null) {
            out.put("InputPath", t.inputPath());
        }
        if (t.hasTransformer()) {
            ObjectNode transformer = out.putObject("InputTransformer");
            if (t.inputPathsMap() != null) {
                ObjectNode map = transformer.putObject("InputPathsMap");
                t.inputPathsMap().forEach(map::put);
            }
            transformer.put("InputTemplate", t.inputTemplate());
        }
        if (t.messageGroupId() != null) {
            out.putObject("SqsParameters").put("MessageGroupId", t.messageGroupId());
        }
        if (t.otherMembers() != null) {
            try {
                out.setAll((ObjectNode) JsonProtocol.MAPPER.readTree(t.otherMembers()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("stored target members are not JSON", e);
            }
        }
        return out;
    }
}
