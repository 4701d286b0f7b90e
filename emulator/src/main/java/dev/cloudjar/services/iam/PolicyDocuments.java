package dev.cloudjar.services.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks that a policy document is one IAM would store: JSON, the grammar's elements, statements with
 * an effect and actions, resources in permission policies and principals in trust policies, and
 * AWS's size quotas. It never evaluates a policy: CloudJar stores policies and does not enforce them.
 */
final class PolicyDocuments {
    /** What the document is for; the grammar differs (a trust policy names principals, not resources). */
    enum Kind { TRUST, PERMISSIONS }

    static final int TRUST_POLICY_QUOTA = 2048;
    static final int MANAGED_POLICY_QUOTA = 6144;
    static final int ROLE_INLINE_QUOTA = 10240;
    static final int USER_INLINE_QUOTA = 2048;

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
            "Resource", "NotResource", "Condition");
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");

    private PolicyDocuments() {
    }

    /** Throws MalformedPolicyDocument unless the document is well formed for its kind. */
    static void validate(String document, Kind kind) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw IamErrors.malformedPolicy("This policy contains invalid Json");
        }
        if (root == null || !root.isObject()) {
            throw IamErrors.malformedPolicy("This policy contains invalid Json");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            if (!TOP_LEVEL.contains(names.next())) {
                throw syntax();
            }
        }
        JsonNode version = root.get("Version");
        if (version != null && !(version.isTextual() && VERSIONS.contains(version.asText()))) {
            throw syntax();
        }
        for (JsonNode statement : statements(root.get("Statement"))) {
            validateStatement(statement, kind);
        }
    }

    private static List<JsonNode> statements(JsonNode node) {
        List<JsonNode> result = new ArrayList<>();
        if (node != null && node.isObject()) {
            result.add(node);
        } else if (node != null && node.isArray() && !node.isEmpty()) {
            node.forEach(result::add);
        } else {
            throw syntax();
        }
        return result;
    }

    private static void validateStatement(JsonNode statement, Kind kind) {
        if (!statement.isObject()) {
            throw syntax();
        }
        for (Iterator<String> names = statement.fieldNames(); names.hasNext(); ) {
            if (!STATEMENT.contains(names.next())) {
                throw syntax();
            }
        }
        JsonNode effect = statement.get("Effect");
        if (effect == null || !("Allow".equals(effect.asText()) || "Deny".equals(effect.asText()))) {
            throw syntax();
        }
        if (!hasStrings(statement, "Action") && !hasStrings(statement, "NotAction")) {
            throw IamErrors.malformedPolicy("Policy statement must contain actions.");
        }
        if (kind == Kind.PERMISSIONS) {
            if (statement.has("Principal") || statement.has("NotPrincipal")) {
                throw IamErrors.malformedPolicy("Policy document should not specify a principal.");
            }
            if (!hasStrings(statement, "Resource") && !hasStrings(statement, "NotResource")) {
                throw IamErrors.malformedPolicy("Policy statement must contain resources.");
            }
        } else {
            if (statement.has("Resource") || statement.has("NotResource")) {
                throw IamErrors.malformedPolicy("Has prohibited field Resource");
            }
            if (!statement.has("Principal") && !statement.has("NotPrincipal")) {
                throw IamErrors.malformedPolicy("Missing required field Principal");
            }
        }
    }

    /** A string, or a non-empty list of strings. */
    private static boolean hasStrings(JsonNode statement, String field) {
        JsonNode node = statement.get(field);
        if (node == null) {
            return false;
        }
        if (node.isTextual()) {
            return true;
        }
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw syntax();
            }
        }
        return true;
    }

    /**
     * Inline policies with one put (replacing one of the same name), within the entity's aggregate
     * quota, which counts names and documents.
     */
    static Map<String, String> withInline(Map<String, String> inline, String name, String document, int quota, String entity) {
        validate(document, Kind.PERMISSIONS);
        Map<String, String> result = new TreeMap<>(inline);
        result.put(name, document);
        int size = result.entrySet().stream().mapToInt(e -> e.getKey().length() + quotaSize(e.getValue())).sum();
        if (size > quota) {
            throw IamErrors.limitExceeded("Maximum policy size of " + quota + " bytes exceeded for " + entity);
        }
        return result;
    }

    /** Inline policies without one; NoSuchEntity "The role policy with name X cannot be found." when absent. */
    static Map<String, String> withoutInline(Map<String, String> inline, String name, String kind) {
        if (!inline.containsKey(name)) {
            throw IamErrors.noSuchEntity("The " + kind + " policy with name " + name + " cannot be found.");
        }
        Map<String, String> result = new TreeMap<>(inline);
        result.remove(name);
        return result;
    }

    /** The size IAM counts against its quotas: characters other than white space. */
    static int quotaSize(String document) {
        int size = 0;
        for (int i = 0; i < document.length(); i++) {
            if (!Character.isWhitespace(document.charAt(i))) {
                size++;
            }
        }
        return size;
    }

    private static RuntimeException syntax() {
        return IamErrors.malformedPolicy("Syntax errors in policy.");
    }
}
