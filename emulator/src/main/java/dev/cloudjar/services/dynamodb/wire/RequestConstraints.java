package dev.cloudjar.services.dynamodb.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.json.JsonProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static final Map<String, List<Member>> BY_OPERATION = load();

    private record Member(String name, String shape, String type, boolean required, Long min, Long max,
                          Pattern pattern, String patternText, List<String> allowed) {
        String path() {
            return Character.toLowerCase(name.charAt(0)) + name.substring(1);
        }
    }

    private RequestConstraints() {
    }

    static void check(String operation, JsonNode body) {
        List<Member> members = BY_OPERATION.get(operation);
        if (members == null || !body.isObject()) {
            return;
        }
        if ("DescribeTable".equals(operation) && absent(body.get("TableName"))) {
            throw validation("The parameter 'TableName' is required but was not present in the request");
        }
        List<String> errors = new ArrayList<>();
        for (Member m : members) {
            JsonNode v = body.get(m.name());
            if (absent(v)) {
                if (m.required()) {
                    errors.add("Value null at '" + m.path() + "' failed to satisfy constraint: Member must not be null");
                }
                continue;
            }
            if (!typed(m, v)) {
                return;
            }
            check(m, v, errors);
        }
        if (!errors.isEmpty()) {
            String head = errors.size() + (errors.size() == 1 ? " validation error detected: " : " validation errors detected: ");
            throw validation(head + String.join("; ", errors));
        }
    }

    private static void check(Member m, JsonNode v, List<String> errors) {
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

    private static Map<String, List<Member>> load() {
        try (InputStream in = RequestConstraints.class.getResourceAsStream("/dev/cloudjar/services/dynamodb/constraints.json")) {
            JsonNode root = JsonProtocol.MAPPER.readTree(in);
            Map<String, List<Member>> out = new HashMap<>();
            root.fields().forEachRemaining(op -> {
                List<Member> members = new ArrayList<>();
                for (JsonNode m : op.getValue()) {
                    List<String> allowed = null;
                    if (m.has("enum")) {
                        allowed = new ArrayList<>();
                        for (JsonNode e : m.get("enum")) {
                            allowed.add(e.textValue());
                        }
                    }
                    String pattern = m.has("pattern") ? m.get("pattern").textValue() : null;
                    members.add(new Member(m.get("name").textValue(), m.get("shape").textValue(), m.get("type").textValue(),
                            m.path("required").asBoolean(false), m.has("min") ? m.get("min").asLong() : null,
                            m.has("max") ? m.get("max").asLong() : null, pattern == null ? null : Pattern.compile(pattern),
                            pattern, allowed == null ? null : List.copyOf(allowed)));
                }
                out.put(op.getKey(), List.copyOf(members));
            });
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
