package dev.cloudjar.services.eventbridge.pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An EventBridge event pattern, compiled. A field of the pattern is either a nested pattern (the
 * event's value must be an object, or an array of objects one of which matches) or an array of
 * matchers (the event's value, or any element of an event array, must match one of them);
 * {@code $or} holds alternative patterns of which at least one must match, beside the other fields.
 */
public final class EventPattern {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, EventPattern> nested;
    private final Map<String, List<Matcher>> leaves;
    private final List<EventPattern> alternatives;

    private EventPattern(Map<String, EventPattern> nested, Map<String, List<Matcher>> leaves, List<EventPattern> alternatives) {
        this.nested = nested;
        this.leaves = leaves;
        this.alternatives = alternatives;
    }

    /** Compiles pattern JSON; throws {@link InvalidPatternException} with AWS's reason when it is not a valid pattern. */
    public static EventPattern parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidPatternException(e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPatternException("Filter is not an object");
        }
        return compile(root);
    }

    private static EventPattern compile(JsonNode object) {
        Map<String, EventPattern> nested = new LinkedHashMap<>();
        Map<String, List<Matcher>> leaves = new LinkedHashMap<>();
        List<EventPattern> alternatives = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (field.getKey().equals("$or") && value.isArray()) {
                if (value.size() < 2) {
                    throw new InvalidPatternException("Must have at least 2 patterns in $or");
                }
                for (JsonNode alternative : value) {
                    if (!alternative.isObject()) {
                        throw new InvalidPatternException("Filter is not an object");
                    }
                    alternatives.add(compile(alternative));
                }
            } else if (value.isObject()) {
                nested.put(field.getKey(), compile(value));
            } else if (value.isArray()) {
                if (value.isEmpty()) {
                    throw new InvalidPatternException("Empty arrays are not allowed");
                }
                List<Matcher> matchers = new ArrayList<>();
                for (JsonNode element : value) {
                    matchers.add(matcher(element));
                }
                leaves.put(field.getKey(), matchers);
            } else {
                throw new InvalidPatternException("Match value must be String, number, true, false, or null");
            }
        }
        if (nested.isEmpty() && leaves.isEmpty() && alternatives.isEmpty()) {
            throw new InvalidPatternException("Empty objects are not allowed");
        }
        return new EventPattern(nested, leaves, alternatives);
    }

    private static Matcher matcher(JsonNode element) {
        if (element.isValueNode()) {
            return new Matcher.Exact(element);
        }
        if (!element.isObject() || element.size() != 1) {
            throw new InvalidPatternException("Match value must be String, number, true, false, or null");
        }
        Map.Entry<String, JsonNode> only = element.fields().next();
        JsonNode v = only.getValue();
        return switch (only.getKey()) {
            case "prefix" -> affix(v, "prefix", true);
            case "suffix" -> affix(v, "suffix", false);
            case "equals-ignore-case" -> new Matcher.EqualsIgnoreCase(text(v, "equals-ignore-case match pattern must be a string"));
            case "wildcard" -> wildcard(v);
            case "exists" -> {
                if (!v.isBoolean()) {
                    throw new InvalidPatternException("exists match pattern must be either true or false.");
                }
                yield new Matcher.Exists(v.booleanValue());
            }
            case "numeric" -> numeric(v);
            case "anything-but" -> anythingBut(v);
            case "cidr" -> cidr(v);
            default -> throw new InvalidPatternException("Unrecognized match type " + only.getKey());
        };
    }

    private static Matcher affix(JsonNode v, String kind, boolean prefix) {
        boolean ignoreCase = false;
        if (v.isObject() && v.size() == 1 && v.has("equals-ignore-case")) {
            ignoreCase = true;
            v = v.get("equals-ignore-case");
        }
        String text = text(v, kind + " match pattern must be a string");
        return prefix ? new Matcher.Prefix(text, ignoreCase) : new Matcher.Suffix(text, ignoreCase);
    }

    private static Matcher wildcard(JsonNode v) {
        String text = text(v, "wildcard match pattern must be a string");
        int stars = text.indexOf("**");
        if (stars >= 0) {
            throw new InvalidPatternException("Consecutive wildcard characters at pos " + (stars + 1));
        }
        return new Matcher.Wildcard(text);
    }

    private static Matcher numeric(JsonNode v) {
        if (!v.isArray() || v.isEmpty() || v.size() % 2 != 0 || v.size() > 4) {
            throw new InvalidPatternException("Value of numeric must be an array.");
        }
        List<String> operators = new ArrayList<>();
        List<BigDecimal> operands = new ArrayList<>();
        for (int i = 0; i < v.size(); i += 2) {
            String op = v.get(i).asText();
            if (!v.get(i).isTextual() || !List.of("<", "<=", "=", ">", ">=").contains(op)) {
                throw new InvalidPatternException("Unrecognized numeric range operator: " + v.get(i).asText());
            }
            if (!v.get(i + 1).isNumber()) {
                throw new InvalidPatternException("Value of " + op + " must be numeric");
            }
            if (op.equals("=") && v.size() > 2) {
                throw new InvalidPatternException("Bad numeric range operator: =");
            }
            operators.add(op);
            operands.add(v.get(i + 1).decimalValue());
        }
        if (operators.size() == 2 && (operators.get(0).startsWith("<") == operators.get(1).startsWith("<"))) {
            throw new InvalidPatternException("Bad numeric range operator: " + operators.get(1));
        }
        if (operators.size() == 2) {
            BigDecimal low = operators.get(0).startsWith(">") ? operands.get(0) : operands.get(1);
            BigDecimal high = operators.get(0).startsWith(">") ? operands.get(1) : operands.get(0);
            if (low.compareTo(high) >= 0) {
                throw new InvalidPatternException("Bottom must be less than top");
            }
        }
        return new Matcher.Numeric(operators, operands);
    }

    private static Matcher anythingBut(JsonNode v) {
        List<Matcher> excluded = new ArrayList<>();
        if (v.isTextual() || v.isNumber()) {
            excluded.add(new Matcher.Exact(v));
        } else if (v.isArray() && !v.isEmpty()) {
            for (JsonNode e : v) {
                if (!e.isTextual() && !e.isNumber()) {
                    throw new InvalidPatternException("Inside anything but list, start|null|boolean is not supported.");
                }
                excluded.add(new Matcher.Exact(e));
            }
        } else if (v.isObject() && v.size() == 1) {
            Map.Entry<String, JsonNode> inner = v.fields().next();
            JsonNode x = inner.getValue();
            List<JsonNode> values = new ArrayList<>();
            if (x.isArray()) {
                x.forEach(values::add);
            } else {
                values.add(x);
            }
            for (JsonNode one : values) {
                excluded.add(switch (inner.getKey()) {
                    case "prefix" -> new Matcher.Prefix(text(one, "prefix match pattern must be a string"), false);
                    case "suffix" -> new Matcher.Suffix(text(one, "suffix match pattern must be a string"), false);
                    case "equals-ignore-case" -> new Matcher.EqualsIgnoreCase(text(one, "equals-ignore-case match pattern must be a string"));
                    case "wildcard" -> wildcard(one);
                    default -> throw new InvalidPatternException("Unsupported anything-but pattern: " + inner.getKey());
                });
            }
        } else {
            throw new InvalidPatternException("Value of anything-but must be an array or single string/number value.");
        }
        return new Matcher.AnythingBut(excluded);
    }

    private static Matcher cidr(JsonNode v) {
        String text = text(v, "prefix match pattern must be a string");
        int slash = text.indexOf('/');
        byte[] network = slash < 0 ? null : IpAddresses.parseOrNull(text.substring(0, slash));
        int bits = -1;
        if (network != null) {
            try {
                bits = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
        }
        if (network == null || bits < 0 || bits > network.length * 8) {
            throw new InvalidPatternException("Nonstandard IP address: " + text);
        }
        return new Matcher.Cidr(network, bits);
    }

    private static String text(JsonNode v, String reason) {
        if (!v.isTextual()) {
            throw new InvalidPatternException(reason);
        }
        return v.asText();
    }

    /** Whether the event (a JSON object) matches. */
    public boolean matches(JsonNode event) {
        for (Map.Entry<String, List<Matcher>> leaf : leaves.entrySet()) {
            if (!leafMatches(leaf.getValue(), event == null ? null : event.get(leaf.getKey()))) {
                return false;
            }
        }
        for (Map.Entry<String, EventPattern> sub : nested.entrySet()) {
            JsonNode value = event == null ? null : event.get(sub.getKey());
            if (!nestedMatches(sub.getValue(), value)) {
                return false;
            }
        }
        if (alternatives.isEmpty()) {
            return true;
        }
        for (EventPattern alternative : alternatives) {
            if (alternative.matches(event)) {
                return true;
            }
        }
        return false;
    }

    private static boolean nestedMatches(EventPattern pattern, JsonNode value) {
        if (value != null && value.isArray()) {
            for (JsonNode element : value) {
                if (element.isObject() && pattern.matches(element)) {
                    return true;
                }
            }
            return false;
        }
        // a missing or scalar value still matches a pattern made only of {"exists": false}
        return pattern.matches(value != null && value.isObject() ? value : null);
    }

    private static boolean leafMatches(List<Matcher> matchers, JsonNode value) {
        if (value == null || value.isMissingNode() || value.isObject() || (value.isArray() && value.isEmpty())) {
            for (Matcher m : matchers) {
                if (m instanceof Matcher.Exists e && !e.present()) {
                    return true;
                }
            }
            return false;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (!element.isContainerNode() && anyMatches(matchers, element)) {
                    return true;
                }
            }
            return false;
        }
        return anyMatches(matchers, value);
    }

    private static boolean anyMatches(List<Matcher> matchers, JsonNode value) {
        for (Matcher m : matchers) {
            if (m.matches(value)) {
                return true;
            }
        }
        return false;
    }
}
