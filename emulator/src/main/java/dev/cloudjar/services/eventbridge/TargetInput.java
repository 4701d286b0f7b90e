package dev.cloudjar.services.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cloudjar.services.eventbridge.model.RuleRecord;
import dev.cloudjar.services.eventbridge.model.TargetRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a target receives for an event: the whole event, {@code Input} as given, the value at
 * {@code InputPath}, or {@code InputTransformer}'s template with its {@code <variables>} replaced. In
 * a template a variable inside a JSON string gets the value's text (escaped for JSON); outside one it
 * gets the value as JSON (strings quoted), as AWS documents.
 */
final class TargetInput {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("\\$(\\.[A-Za-z0-9_\\-]+|\\['[^']+'\\]|\\[\\d+\\])*");
    private static final Pattern VARIABLE = Pattern.compile("<([A-Za-z0-9_.\\-]+)>");

    private TargetInput() {
    }

    /** A JSONPath of the subset EventBridge accepts: {@code $}, {@code $.a.b}, {@code $['a']}, {@code $.a[0]}. */
    static boolean validPath(String path) {
        return path != null && PATH.matcher(path).matches();
    }

    static String render(TargetRecord target, RuleRecord rule, JsonNode event, String eventText) {
        if (target.input() != null) {
            return target.input();
        }
        if (target.inputPath() != null) {
            JsonNode value = select(event, target.inputPath());
            return value == null ? "null" : write(value);
        }
        if (target.hasTransformer()) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            if (target.inputPathsMap() != null) {
                target.inputPathsMap().forEach((name, path) -> values.put(name, select(event, path)));
            }
            values.put("aws.events.rule-arn", TextNode.valueOf(rule.arn()));
            values.put("aws.events.rule-name", TextNode.valueOf(rule.name()));
            values.put("aws.events.event.ingestion-time", event.get("time"));
            values.put("aws.events.event", event);
            values.put("aws.events.event.json", event);
            return substitute(target.inputTemplate(), values);
        }
        return eventText;
    }

    static String substitute(String template, Map<String, JsonNode> values) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        Matcher m = VARIABLE.matcher(template);
        int last = 0;
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                continue;
            }
            out.append(template, last, m.start());
            JsonNode value = values.get(m.group(1));
            if (insideString(template, m.start())) {
                String text = value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : write(value);
                String quoted = write(TextNode.valueOf(text));
                out.append(quoted, 1, quoted.length() - 1);
            } else {
                out.append(value == null ? "null" : write(value));
            }
            last = m.end();
        }
        out.append(template.substring(last));
        return out.toString();
    }

    /** Whether position {@code at} lies inside a JSON string literal of the template. */
    private static boolean insideString(String template, int at) {
        boolean inside = false;
        for (int i = 0; i < at; i++) {
            char c = template.charAt(i);
            if (c == '\\' && inside) {
                i++;
            } else if (c == '"') {
                inside = !inside;
            }
        }
        return inside;
    }

    /** The value at a path of the supported subset, or null when absent. */
    static JsonNode select(JsonNode root, String path) {
        if (path == null || !path.startsWith("$")) {
            return null;
        }
        JsonNode node = root;
        int i = 1;
        while (i < path.length() && node != null) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                node = node.get(path.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    return null;
                }
                String inner = path.substring(i + 1, close);
                node = inner.startsWith("'") ? node.get(inner.substring(1, inner.length() - 1)) : node.get(Integer.parseInt(inner));
                i = close + 1;
            } else {
                return null;
            }
        }
        return node;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
