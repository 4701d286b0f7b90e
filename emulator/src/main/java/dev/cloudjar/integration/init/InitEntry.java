package dev.cloudjar.integration.init;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One object of the setup file and where it is ({@code topics[0] "HighBalanceAlert" subscriptions[1]}),
 * so that every error names the entry. Unknown members are errors: a misspelt "strem" must not
 * silently create a table without a stream.
 */
final class InitEntry {
    private final Path source;
    private final String where;
    private final JsonNode node;

    private InitEntry(Path source, String where, JsonNode node, Set<String> allowed) {
        this.source = source;
        this.where = where;
        this.node = node;
        if (!node.isObject()) {
            throw error("must be a JSON object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error("unknown member \"" + name + "\" (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    static InitEntry root(Path source, JsonNode node, Set<String> allowed) {
        return new InitEntry(source, "", node, allowed);
    }

    String where() {
        return where;
    }

    JsonNode node() {
        return node;
    }

    InitFileException error(String message) {
        return new InitFileException("init file " + source + ": " + (where.isEmpty() ? "" : where + ": ") + message);
    }

    /** The objects of an array member (none when absent), each named by its index and its "name". */
    List<InitEntry> entries(String field, Set<String> allowed) {
        JsonNode array = node.get(field);
        List<InitEntry> out = new ArrayList<>();
        if (array == null || array.isNull()) {
            return out;
        }
        if (!array.isArray()) {
            throw error("\"" + field + "\" must be an array");
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            String label = field + "[" + i + "]";
            JsonNode name = item.get("name");
            if (name != null && name.isTextual()) {
                label += " \"" + name.asText() + "\"";
            }
            out.add(new InitEntry(source, where.isEmpty() ? label : where + " " + label, item, allowed));
        }
        return out;
    }

    InitEntry child(String field, JsonNode value, Set<String> allowed) {
        return new InitEntry(source, where + " " + field, value, allowed);
    }

    String name() {
        return requiredText("name");
    }

    String requiredText(String field) {
        String value = optionalText(field);
        if (value == null || value.isEmpty()) {
            throw error("\"" + field + "\" is required");
        }
        return value;
    }

    String optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw error("\"" + field + "\" must be a string");
        }
        return value.asText();
    }

    String oneOf(String field, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw error("\"" + field + "\" must be one of " + String.join(", ", new TreeSet<>(allowed)) + ", not \"" + value + "\"");
        }
        return value;
    }

    Integer integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isInt()) {
            throw error("\"" + field + "\" must be a whole number");
        }
        return value.asInt();
    }

    Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw error("\"" + field + "\" must be true or false");
        }
        return value.asBoolean();
    }

    /** An object of strings; numbers and booleans are taken as their text, as the AWS CLI does. */
    Map<String, String> stringMap(String field) {
        JsonNode value = node.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isObject()) {
            throw error("\"" + field + "\" must be an object of strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw error("\"" + field + "\": \"" + e.getKey() + "\" must be a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    List<String> strings(String field) {
        JsonNode value = node.get(field);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            throw error("\"" + field + "\" must be an array of strings");
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw error("\"" + field + "\" must be an array of strings");
            }
            out.add(item.asText());
        }
        return out;
    }

    void exactlyOne(String... fields) {
        int present = 0;
        for (String field : fields) {
            if (optionalText(field) != null) {
                present++;
            }
        }
        if (present != 1) {
            throw error("give exactly one of \"" + String.join("\", \"", fields) + "\"");
        }
    }
}
