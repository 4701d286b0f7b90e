package dev.cloudjar.services.dynamodb.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.json.JsonProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks a request's top-level members against botocore's model constraints (required, length, range,
 * pattern, enum) before the operation runs, so a bad parameter is reported before any table is looked
 * up, all violations together in one {@code N validation errors detected: ...} message, as DynamoDB
 * does. The constraints are generated from the model by {@code docs/tools/dynamodb_constraints.py};
 * a member of the wrong JSON type is left to the binding, which answers SerializationException.
 */
final class RequestConstraints {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    static final RequestConstraints DYNAMODB = new RequestConstraints("constraints.json");
    static final RequestConstraints STREAMS = new RequestConstraints("streams-constraints.json");
    private final JsonNode model;

    /** A member of a structure: its wire name, its place in AWS's error paths and its shape's constraints. */
    private record Member(String name, String path, String shape, String type, boolean required, Long min, Long max,
                          Pattern pattern, String patternText, List<String> allowed) {
    }

    /** Thrown out of the walk when the body's JSON types do not match the model: the binding reports those. */
    private static final class Mistyped extends RuntimeException {
        Mistyped() {
            super(null, null, false, false);
        }
    }

    private RequestConstraints(String resource) {
        this.model = load(resource);
    }

    void check(String operation, JsonNode body) {
        JsonNode members = model.path("operations").get(operation);
        if (members == null || !body.isObject()) {
            return;
        }
        if ("DescribeTable".equals(operation) && absent(body.get("TableName"))) {
            throw validation("The parameter 'TableName' is required but was not present in the request");
        }
        List<String> errors = new ArrayList<>();
        try {
            structure(members, body, "", errors, true);
        } catch (Mistyped e) {
            return;
        }
        if (!errors.isEmpty()) {
            String head = errors.size() + (errors.size() == 1 ? " validation error detected: " : " validation errors detected: ");
            throw validation(head + String.join("; ", errors));
        }
    }

    private void structure(JsonNode members, JsonNode body, String prefix, List<String> errors, boolean top) {
        for (JsonNode spec : members) {
            Member m = member(spec, prefix);
            JsonNode v = body.get(m.name());
            if (absent(v)) {
                if (m.required()) {
                    errors.add("Value null at '" + m.path() + "' failed to satisfy constraint: Member must not be null");
                }
                continue;
            }
            if (!typed(m, v)) {
                if (top) {
                    throw new Mistyped();
                }
                throw JsonProtocol.serializationError("Unexpected value type in payload");
            }
            check(m, v, errors);
        }
    }

    private void check(Member m, JsonNode v, List<String> errors) {
        JsonNode shape = model.path("shapes").path(m.shape());
        if (shape.has("members") && v.isObject()) {
            structure(shape.get("members"), v, m.path() + ".", errors, false);
        }
        if (shape.has("member") && v.isArray()) {
            JsonNode element = model.path("shapes").path(shape.get("member").textValue());
            if (element.has("members")) {
                int i = 0;
                for (JsonNode e : v) {
                    i++;
                    if (e.isNull()) {
                        continue;
                    }
                    if (!e.isObject()) {
                        throw JsonProtocol.serializationError("Unexpected value type in payload");
                    }
                    structure(element.get("members"), e, m.path() + "." + i + ".member.", errors, false);
                }
            }
        }
        if (shape.has("value") && v.isObject()) {
            JsonNode value = model.path("shapes").path(shape.get("value").textValue());
            if (value.has("members")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    // a null entry is bound as an empty structure, so its required members are missing
                    JsonNode entry = e.getValue().isNull() ? JsonProtocol.MAPPER.createObjectNode() : e.getValue();
                    if (!entry.isObject()) {
                        throw JsonProtocol.serializationError("Unexpected value type in payload");
                    }
                    structure(value.get("members"), entry, m.path() + "." + e.getKey() + ".member.", errors, false);
                }
            }
        }
        switch (m.type()) {
            case "string" -> {
                String s = v.textValue();
                if ("TableArn".equals(m.shape()) && !s.isEmpty() && !s.startsWith("arn:")) {
                    tableName(m, s, errors);
                    return;
                }
                if (m.allowed() != null && !m.allowed().contains(s)) {
                    errors.add(fail(s, m, "Member must satisfy enum value set: " + m.allowed()));
                }
                if (m.pattern() != null && !s.isEmpty() && !m.pattern().matcher(s).matches()) {
                    errors.add(fail(s, m, "Member must satisfy regular expression pattern: " + m.patternText()));
                }
                length(m, s, s.codePointCount(0, s.length()), errors);
            }
            case "integer", "long" -> {
                long n = v.asLong();
                if (m.min() != null && n < m.min()) {
                    errors.add(fail(v.asText(), m, "Member must have value greater than or equal to " + m.min()));
                } else if (m.max() != null && n > m.max()) {
                    errors.add(fail(v.asText(), m, "Member must have value less than or equal to " + m.max()));
                }
            }
            case "list" -> {
                List<String> texts = new ArrayList<>();
                for (JsonNode e : v) {
                    if (!e.isTextual()) {
                        return; // rendered by the operation, which knows the element's toString
                    }
                    texts.add(e.textValue());
                }
                length(m, texts.toString(), texts.size(), errors);
            }
            default -> {
            }
        }
    }

    /** A table given by name, not by ARN, obeys TableName's rules: the pattern, then 3..255 characters. */
    private static void tableName(Member m, String s, List<String> errors) {
        if (!NAME.matcher(s).matches()) {
            errors.add(fail(s, m, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"));
        }
        if (s.length() < 3) {
            errors.add(fail(s, m, "Member must have length greater than or equal to 3"));
        } else if (s.length() > 255) {
            errors.add(fail(s, m, "Member must have length less than or equal to 255"));
        }
    }

    private static void length(Member m, String shown, long length, List<String> errors) {
        if (m.min() != null && length < m.min()) {
            errors.add(fail(shown, m, "Member must have length greater than or equal to " + m.min()));
        } else if (m.max() != null && length > m.max()) {
            errors.add(fail(shown, m, "Member must have length less than or equal to " + m.max()));
        }
    }

    private static String fail(String shown, Member m, String constraint) {
        return "Value '" + shown + "' at '" + m.path() + "' failed to satisfy constraint: " + constraint;
    }

    private static boolean typed(Member m, JsonNode v) {
        return switch (m.type()) {
            case "string" -> v.isTextual();
            case "integer", "long" -> v.isIntegralNumber();
            case "boolean" -> v.isBoolean();
            case "list" -> v.isArray();
            case "map", "structure" -> v.isObject();
            default -> true;
        };
    }

    private static boolean absent(JsonNode v) {
        return v == null || v.isNull();
    }

    private static AwsException validation(String message) {
        return new AwsException(400, "ValidationException", message);
    }

    private Member member(JsonNode spec, String prefix) {
        String name = spec.get("name").textValue();
        String shapeName = spec.get("shape").textValue();
        JsonNode shape = model.path("shapes").path(shapeName);
        List<String> allowed = null;
        if (shape.has("enum")) {
            allowed = new ArrayList<>();
            for (JsonNode e : shape.get("enum")) {
                allowed.add(e.textValue());
            }
        }
        String pattern = shape.has("pattern") ? shape.get("pattern").textValue() : null;
        return new Member(name, prefix + Character.toLowerCase(name.charAt(0)) + name.substring(1), shapeName,
                shape.path("type").asText(), spec.path("required").asBoolean(false),
                shape.has("min") ? shape.get("min").asLong() : null, shape.has("max") ? shape.get("max").asLong() : null,
                pattern == null ? null : PATTERNS.computeIfAbsent(pattern, Pattern::compile), pattern, allowed);
    }

    private static JsonNode load(String resource) {
        try (InputStream in = RequestConstraints.class.getResourceAsStream("/dev/cloudjar/services/dynamodb/" + resource)) {
            return JsonProtocol.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
