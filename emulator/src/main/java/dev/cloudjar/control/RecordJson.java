package dev.cloudjar.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;

/**
 * Renders the backends' model records as JSON for the console: components by name, times as ISO-8601,
 * byte arrays as their length only (a view never ships stored bytes). Depth is bounded, so a cyclic or
 * very deep model renders as {@code "…"} instead of overflowing the stack.
 */
final class RecordJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 12;

    private RecordJson() {
    }

    static JsonNode of(Object value) {
        return of(value, 0);
    }

    private static JsonNode of(Object value, int depth) {
        if (value == null) {
            return F.nullNode();
        }
        if (depth > MAX_DEPTH) {
            return F.textNode("…");
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String || value instanceof Character || value instanceof Enum<?>
                || value instanceof TemporalAccessor) {
            return F.textNode(value.toString());
        }
        if (value instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return F.numberNode(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return F.numberNode(n.doubleValue());
        }
        if (value instanceof byte[] bytes) {
            return F.objectNode().put("bytes", bytes.length);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = F.objectNode();
            map.forEach((k, v) -> out.set(String.valueOf(k), of(v, depth + 1)));
            return out;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode out = F.arrayNode();
            list.forEach(v -> out.add(of(v, depth + 1)));
            return out;
        }
        if (value instanceof Object[] array) {
            ArrayNode out = F.arrayNode();
            for (Object v : array) {
                out.add(of(v, depth + 1));
            }
            return out;
        }
        if (value.getClass().isRecord()) {
            ObjectNode out = F.objectNode();
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    Object v = c.getAccessor().invoke(value);
                    if (v != null) {
                        out.set(c.getName(), of(v, depth + 1));
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    out.put(c.getName(), "(unreadable)");
                }
            }
            return out;
        }
        return F.textNode(value.toString());
    }
}
