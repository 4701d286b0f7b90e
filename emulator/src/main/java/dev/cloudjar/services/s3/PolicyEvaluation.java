package dev.cloudjar.services.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a bucket policy says about an anonymous caller ({@code Principal "*"} or {@code {"AWS": "*"}}) doing one
 * action on one resource, by IAM's rules: an explicit Deny wins, then any Allow, else nothing is granted.
 * Action and resource patterns take {@code *} and {@code ?} (actions case-insensitively); {@code NotAction},
 * {@code NotResource} and {@code NotPrincipal} invert their match.
 *
 * <p>LIMITATIONS: Condition blocks are not evaluated: an Allow with a Condition never allows, a Deny with a
 * Condition always denies (the safe reading); principals other than everyone never match an anonymous caller.
 */
final class PolicyEvaluation {
    enum Decision { ALLOW, DENY, NONE }

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyEvaluation() {
    }

    static Decision anonymous(String policy, String action, String resource) {
        if (policy == null) {
            return Decision.NONE;
        }
        JsonNode root;
        try {
            root = JSON.readTree(policy);
        } catch (JsonProcessingException e) {
            return Decision.NONE;
        }
        Decision decision = Decision.NONE;
        for (JsonNode statement : BucketPolicies.statements(root)) {
            if (!everyone(statement) || !matches(statement, "Action", "NotAction", action, true)
                    || !matches(statement, "Resource", "NotResource", resource, false)) {
                continue;
            }
            boolean conditional = statement.has("Condition");
            if ("Deny".equals(statement.path("Effect").asText())) {
                return Decision.DENY;
            }
            if ("Allow".equals(statement.path("Effect").asText()) && !conditional) {
                decision = Decision.ALLOW;
            }
        }
        return decision;
    }

    private static boolean everyone(JsonNode statement) {
        if (statement.has("NotPrincipal")) {
            return !anyStar(statement.get("NotPrincipal"));
        }
        return anyStar(statement.path("Principal"));
    }

    private static boolean anyStar(JsonNode principal) {
        return principal.isTextual() ? "*".equals(principal.asText()) : BucketPolicies.anyStar(principal.path("AWS"));
    }

    private static boolean matches(JsonNode statement, String field, String notField, String value, boolean ignoreCase) {
        boolean negated = !statement.has(field) && statement.has(notField);
        boolean any = false;
        for (JsonNode pattern : strings(statement.path(negated ? notField : field))) {
            if (glob(ignoreCase ? pattern.asText().toLowerCase(Locale.ROOT) : pattern.asText(),
                    ignoreCase ? value.toLowerCase(Locale.ROOT) : value)) {
                any = true;
                break;
            }
        }
        return negated != any;
    }

    /** IAM's wildcard match: {@code *} any run of characters, {@code ?} one character. */
    static boolean glob(String pattern, String value) {
        int p = 0;
        int v = 0;
        int star = -1;
        int mark = 0;
        while (v < value.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
                p++;
                v++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static List<JsonNode> strings(JsonNode node) {
        List<JsonNode> all = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(all::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            all.add(node);
        }
        return all;
    }
}
