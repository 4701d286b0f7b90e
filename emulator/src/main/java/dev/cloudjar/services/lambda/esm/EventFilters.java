package dev.cloudjar.services.lambda.esm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * FilterCriteria: a record goes to the function when it matches any filter pattern (EventBridge
 * pattern syntax: nested keys, arrays of alternatives, {@code prefix}, {@code suffix},
 * {@code anything-but}, {@code numeric}, {@code exists}, {@code equals-ignore-case}). An SQS body that
 * is JSON is matched as JSON, as Lambda does.
 */
final class EventFilters {
    private static final EventFilters ALL = new EventFilters(List.of());
    private final List<JsonNode> patterns;

    private EventFilters(List<JsonNode> patterns) {
        this.patterns = patterns;
    }

    static EventFilters of(List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            return ALL;
        }
        List<JsonNode> parsed = new ArrayList<>();
        for (String p : patterns) {
            try {
                parsed.add(BatchResponses.JSON.readTree(p));
            } catch (IOException e) {
                throw EventSourceMappings.invalid("Invalid filter pattern definition.");
            }
        }
        return new EventFilters(parsed);
    }

    /** Validates patterns at create/update time. */
    static void check(List<String> patterns) {
        of(patterns);
    }

    List<StreamRecord> keepStream(List<StreamRecord> records) {
        if (patterns.isEmpty()) {
            return records;
        }
        List<StreamRecord> kept = new ArrayList<>();
        for (StreamRecord r : records) {
            try {
                if (matches(BatchResponses.JSON.readTree(r.lambdaRecordJson()))) {
                    kept.add(r);
                }
            } catch (IOException e) {
                kept.add(r);
            }
        }
        return kept;
    }

    boolean matchesMessage(QueueMessage m) {
        if (patterns.isEmpty()) {
            return true;
        }
        ObjectNode event = BatchResponses.JSON.createObjectNode();
        event.put("messageId", m.messageId());
        try {
            JsonNode body = BatchResponses.JSON.readTree(m.body());
            event.set("body", body == null || !body.isContainerNode() ? BatchResponses.JSON.getNodeFactory().textNode(m.body()) : body);
        } catch (IOException e) {
            event.put("body", m.body());
        }
        ObjectNode attributes = event.putObject("attributes");
        m.attributes().forEach(attributes::put);
        ObjectNode messageAttributes = event.putObject("messageAttributes");
        m.messageAttributes().forEach((k, v) -> {
            ObjectNode a = messageAttributes.putObject(k);
            a.put("stringValue", v.stringValue());
            a.put("dataType", v.dataType());
        });
        return matches(event);
    }

    private boolean matches(JsonNode event) {
        for (JsonNode pattern : patterns) {
            if (matchObject(pattern, event)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchObject(JsonNode pattern, JsonNode event) {
        Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode value = event == null ? null : event.get(f.getKey());
            JsonNode rule = f.getValue();
            boolean ok = rule.isObject() ? (value == null || value.isObject()) && matchObject(rule, value)
                    : rule.isArray() && matchAlternatives(rule, value);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchAlternatives(JsonNode alternatives, JsonNode value) {
        for (JsonNode alternative : alternatives) {
            if (alternative.isObject() && alternative.has("exists")) {
                if (alternative.get("exists").asBoolean() == (value != null && !value.isNull())) {
                    return true;
                }
                continue;
            }
            if (value == null) {
                continue;
            }
            if (value.isArray()) {
                for (JsonNode element : value) {
                    if (matchOne(alternative, element)) {
                        return true;
                    }
                }
            } else if (matchOne(alternative, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchOne(JsonNode rule, JsonNode value) {
        if (!rule.isObject()) {
            return rule.isNumber() && value.isNumber() ? rule.decimalValue().compareTo(value.decimalValue()) == 0 : rule.equals(value);
        }
        if (rule.has("prefix")) {
            return value.isTextual() && value.asText().startsWith(rule.get("prefix").asText());
        }
        if (rule.has("suffix")) {
            return value.isTextual() && value.asText().endsWith(rule.get("suffix").asText());
        }
        if (rule.has("equals-ignore-case")) {
            return value.isTextual() && value.asText().equalsIgnoreCase(rule.get("equals-ignore-case").asText());
        }
        if (rule.has("anything-but")) {
            JsonNode but = rule.get("anything-but");
            if (but.isArray()) {
                for (JsonNode b : but) {
                    if (matchOne(b, value)) {
                        return false;
                    }
                }
                return true;
            }
            return !matchOne(but, value);
        }
        if (rule.has("numeric")) {
            return numeric(rule.get("numeric"), value);
        }
        return false;
    }

    private static boolean numeric(JsonNode conditions, JsonNode value) {
        double v;
        if (value.isNumber()) {
            v = value.asDouble();
        } else {
            try {
                v = Double.parseDouble(value.asText());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        for (int i = 0; i + 1 < conditions.size(); i += 2) {
            double bound = conditions.get(i + 1).asDouble();
            boolean ok = switch (conditions.get(i).asText()) {
                case "<" -> v < bound;
                case "<=" -> v <= bound;
                case ">" -> v > bound;
                case ">=" -> v >= bound;
                case "=" -> v == bound;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
