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
            throw new InvalidPatternException("Filter is not valid JSON");
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
                if (value.isEmpty()) {
                    throw new InvalidPatternException("Empty arrays are not allowed");
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
                throw new InvalidPatternException("\"" + field.getKey() + "\" must be an object or an array");
            }
        }
        return new EventPattern(nested, leaves, alternatives);
    }

    private static Matcher matcher(JsonNode element) {
        if (element.isValueNode()) {
            return new Matcher.Exact(element);
        }
        if (!element.isObject()) {
            throw new InvalidPatternException("Match value must be String, number, true, false, or null");
        }
        if (element.size() != 1) {
            throw new InvalidPatternException("Only one key allowed in match expression");
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
        if (v.isObject()) {
            Iterator<String> names = v.fieldNames();
            while (names.hasNext()) {
                String inner = names.next();
                if (!inner.equals("equals-ignore-case")) {
                    throw new InvalidPatternException("Unsupported anything-but pattern: " + inner);
                }
            }
            ignoreCase = true;
            v = v.path("equals-ignore-case");
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
        if (text.chars().filter(c -> c == '*').count() > 5) {
            throw new InvalidPatternException("Rule is too complex - try using fewer wildcard characters or fewer repeating "
                    + "character sequences after a wildcard character");
        }
        return new Matcher.Wildcard(text);
    }

    private static Matcher numeric(JsonNode v) {
        if (!v.isArray()) {
            throw new InvalidPatternException("Value of numeric must be an array.");
        }
        if (v.isEmpty()) {
            throw new InvalidPatternException("Invalid member in numeric match: ]");
        }
        String first = operator(v.get(0), "Invalid member in numeric match: ");
        if (!List.of("<", "<=", "=", ">", ">=").contains(first)) {
            throw new InvalidPatternException("Unrecognized numeric range operator: " + first);
        }
        BigDecimal low = operand(v, 1, first);
        if (v.size() == 2) {
            return new Matcher.Numeric(List.of(first), List.of(low));
        }
        if (!first.startsWith(">")) {
            throw new InvalidPatternException("Too many elements in numeric expression");
        }
        String second = operator(v.get(2), "Bad value in numeric range: ");
        if (!second.equals("<") && !second.equals("<=")) {
            throw new InvalidPatternException("Bad numeric range operator: " + second);
        }
        BigDecimal high = operand(v, 3, second);
        if (high.compareTo(low) <= 0) {
            throw new InvalidPatternException("Bottom must be less than top");
        }
        if (v.size() > 4) {
            throw new InvalidPatternException("Too many terms in numeric range expression");
        }
        return new Matcher.Numeric(List.of(first, second), List.of(low, high));
    }

    private static String operator(JsonNode node, String reason) {
        if (!node.isTextual()) {
            throw new InvalidPatternException(reason + node);
        }
        return node.asText();
    }

    private static BigDecimal operand(JsonNode v, int index, String operator) {
        JsonNode node = v.get(index);
        if (node == null || !node.isNumber()) {
            throw new InvalidPatternException("Value of " + (operator.equals("=") ? "equals" : operator) + " must be numeric");
        }
        return node.decimalValue();
    }

    private static Matcher anythingBut(JsonNode v) {
        List<Matcher> excluded = new ArrayList<>();
        if (v.isValueNode()) {
            excluded.add(new Matcher.Exact(v));
        } else if (v.isArray()) {
            for (JsonNode e : v) {
                excluded.add(matcher(e));
            }
        } else {
            if (v.size() != 1) {
                throw new InvalidPatternException("Only one key allowed in match expression");
            }
            Map.Entry<String, JsonNode> inner = v.fields().next();
            String kind = inner.getKey();
            if (!List.of("prefix", "suffix", "equals-ignore-case", "wildcard").contains(kind)) {
                throw new InvalidPatternException("Unsupported anything-but pattern: " + kind);
            }
            JsonNode x = inner.getValue();
            if (x.isObject()) {
                throw new InvalidPatternException("Value of anything-but must be an array or single string/number value.");
            }
            List<JsonNode> values = new ArrayList<>();
            if (x.isArray()) {
                x.forEach(values::add);
            } else {
                values.add(x);
            }
            for (JsonNode one : values) {
                if (!one.isTextual()) {
                    throw new InvalidPatternException(switch (kind) {
                        case "equals-ignore-case" -> "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.";
                        case "wildcard" -> "wildcard match pattern must be a string";
                        default -> "prefix/suffix match pattern must be a string";
                    });
                }
                if (one.asText().isEmpty() && (kind.equals("prefix") || kind.equals("suffix"))) {
                    throw new InvalidPatternException("Null prefix/suffix not allowed");
                }
                excluded.add(switch (kind) {
                    case "prefix" -> new Matcher.Prefix(one.asText(), false);
                    case "suffix" -> new Matcher.Suffix(one.asText(), false);
                    case "equals-ignore-case" -> new Matcher.EqualsIgnoreCase(one.asText());
                    default -> wildcard(one);
                });
            }
        }
        return new Matcher.AnythingBut(excluded);
    }

    private static Matcher cidr(JsonNode v) {
        String text = text(v, "prefix match pattern must be a string");
        String[] parts = text.split("/", -1);
        if (parts.length != 2) {
            throw new InvalidPatternException("Malformed CIDR, one '/' required");
        }
        int bits;
        try {
            bits = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new InvalidPatternException("Malformed CIDR, mask bits must be an integer");
        }
        byte[] network = IpAddresses.parseOrNull(parts[0]);
        if (network == null || bits < 0 || bits > network.length * 8 || hostBitsSet(network, bits)) {
            throw new InvalidPatternException("Nonstandard IP address: " + parts[0]);
        }
        return new Matcher.Cidr(network, bits);
    }

    private static boolean hostBitsSet(byte[] network, int bits) {
        for (int bit = bits; bit < network.length * 8; bit++) {
            if ((network[bit / 8] & (0x80 >> (bit % 8))) != 0) {
                return true;
            }
        }
        return false;
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
