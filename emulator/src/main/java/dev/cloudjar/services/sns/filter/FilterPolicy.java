package dev.cloudjar.services.sns.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A subscription's {@code FilterPolicy}, parsed and validated once, then matched against every
 * published message. All top-level keys must match (AND), the values of a key are alternatives (OR),
 * and {@code $or} splits the policy into alternative key sets. With scope {@code MessageAttributes}
 * keys name message attributes; with {@code MessageBody} keys nest into the JSON body.
 */
public final class FilterPolicy {
    /** A message attribute as the filter sees it: its data type and its string value (null for Binary). */
    public record Attribute(String dataType, String value) {
    }

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Each branch is one way of matching: every key path of the branch must match one of its conditions. */
    private final List<Map<String, List<Condition>>> branches;
    private final boolean bodyScope;

    private FilterPolicy(List<Map<String, List<Condition>>> branches, boolean bodyScope) {
        this.branches = branches;
        this.bodyScope = bodyScope;
    }

    /**
     * Parses and validates a policy. {@code errorPrefix} is how AWS starts the message for the calling
     * operation: "Invalid parameter: Attributes Reason: " for Subscribe, "Invalid parameter: " for
     * SetSubscriptionAttributes. Throws {@link FilterPolicyException} with AWS's text.
     */
    public static FilterPolicy parse(String json, boolean bodyScope, String errorPrefix) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // AWS parses with Jackson too and appends its parser message
            throw new FilterPolicyException(errorPrefix + "FilterPolicy: failed to parse JSON. " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FilterPolicyException(errorPrefix + "FilterPolicy: failed to parse JSON.");
        }
        new FilterPolicyValidator(errorPrefix, bodyScope).validate(root);
        List<Map<String, List<Condition>>> branches = new ArrayList<>();
        branches.add(new LinkedHashMap<>());
        branches = flatten(root, branches, null);
        return new FilterPolicy(branches, bodyScope);
    }

    /** True for an empty policy ({@code {}}), which lets every message through. */
    public boolean isEmpty() {
        return branches.size() == 1 && branches.get(0).isEmpty();
    }

    public boolean bodyScope() {
        return bodyScope;
    }

    /** Matches message attributes (scope MessageAttributes). */
    public boolean matchesAttributes(Map<String, Attribute> attributes) {
        for (Map<String, List<Condition>> branch : branches) {
            if (branchMatchesAttributes(branch, attributes)) {
                return true;
            }
        }
        return false;
    }

    /** Matches a message body (scope MessageBody); a body that is not a JSON object never matches. */
    public boolean matchesBody(String body) {
        if (isEmpty()) {
            return true;
        }
        JsonNode payload;
        try {
            payload = MAPPER.readTree(body);
        } catch (JsonProcessingException | RuntimeException e) {
            return false;
        }
        if (payload == null || !payload.isObject()) {
            return false;
        }
        Map<String, List<JsonNode>> flat = new LinkedHashMap<>();
        flattenPayload(payload, null, flat);
        for (Map<String, List<Condition>> branch : branches) {
            if (branchMatchesBody(branch, flat)) {
                return true;
            }
        }
        return false;
    }

    private static boolean branchMatchesAttributes(Map<String, List<Condition>> branch, Map<String, Attribute> attributes) {
        for (Map.Entry<String, List<Condition>> key : branch.entrySet()) {
            Attribute attribute = attributes.get(key.getKey());
            if (!anyConditionMatches(key.getValue(), Value.fromAttribute(attribute))) {
                return false;
            }
        }
        return true;
    }

    private static boolean branchMatchesBody(Map<String, List<Condition>> branch, Map<String, List<JsonNode>> flat) {
        for (Map.Entry<String, List<Condition>> key : branch.entrySet()) {
            List<JsonNode> nodes = flat.get(key.getKey());
            if (!anyConditionMatches(key.getValue(), Value.fromBody(nodes))) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyConditionMatches(List<Condition> conditions, Value value) {
        for (Condition condition : conditions) {
            if (condition.matches(value)) {
                return true;
            }
        }
        return false;
    }

    /** Turns the (validated) policy into branches of key path -> conditions; {@code $or} multiplies branches. */
    private static List<Map<String, List<Condition>>> flatten(JsonNode object, List<Map<String, List<Condition>>> branches, String parent) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals("$or") && value.isArray() && allObjects(value)) {
                List<Map<String, List<Condition>>> next = new ArrayList<>();
                for (JsonNode alternative : value) {
                    next.addAll(flatten(alternative, copy(branches), parent));
                }
                branches = next;
            } else {
                String path = parent == null ? key : parent + "." + key;
                if (value.isObject()) {
                    branches = flatten(value, branches, path);
                } else {
                    List<Condition> conditions = new ArrayList<>(value.size());
                    for (JsonNode rule : value) {
                        conditions.add(Condition.of(rule));
                    }
                    for (Map<String, List<Condition>> branch : branches) {
                        branch.put(path, conditions);
                    }
                }
            }
        }
        return branches;
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isObject()) {
                return false;
            }
        }
        return true;
    }

    private static List<Map<String, List<Condition>>> copy(List<Map<String, List<Condition>>> branches) {
        List<Map<String, List<Condition>>> result = new ArrayList<>(branches.size());
        for (Map<String, List<Condition>> branch : branches) {
            result.add(new LinkedHashMap<>(branch));
        }
        return result;
    }

    /** Flattens a JSON body to dotted paths; array elements all become values of the same path. */
    private static void flattenPayload(JsonNode node, String path, Map<String, List<JsonNode>> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flattenPayload(field.getValue(), path == null ? field.getKey() : path + "." + field.getKey(), out);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                flattenPayload(element, path, out);
            }
        } else {
            out.computeIfAbsent(path, k -> new ArrayList<>(1)).add(node);
        }
    }
}
