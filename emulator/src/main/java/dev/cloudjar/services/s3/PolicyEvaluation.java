package dev.cloudjar.services.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a bucket policy says about a caller (an account, or null for an unsigned request) doing one action on one
 * resource, by IAM's rules: an explicit Deny wins, then an Allow naming the caller's account ({@code "111122223333"},
 * {@code arn:aws:iam::111122223333:root} or a user/role ARN of it), then an Allow for everyone ({@code Principal "*"}
 * or {@code {"AWS": "*"}}, which the public access block may set aside), else nothing is granted.
 * Action and resource patterns take {@code *} and {@code ?} (actions case-insensitively); {@code NotAction},
 * {@code NotResource} and {@code NotPrincipal} invert their match.
 *
 * <p>LIMITATIONS: Condition blocks are not evaluated: an Allow with a Condition never allows, a Deny with a
 * Condition always denies (the safe reading); Service and Federated principals never match.
 */
final class PolicyEvaluation {
    enum Decision { ALLOW, PUBLIC_ALLOW, DENY, NONE }

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyEvaluation() {
    }

    static Decision evaluate(String policy, String caller, String action, String resource) {
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
            Decision named = principal(statement, caller);
            if (named == Decision.NONE || !matches(statement, "Action", "NotAction", action, true)
                    || !matches(statement, "Resource", "NotResource", resource, false)) {
                continue;
            }
            if ("Deny".equals(statement.path("Effect").asText())) {
                return Decision.DENY;
            }
            if ("Allow".equals(statement.path("Effect").asText()) && !statement.has("Condition") && decision != Decision.ALLOW) {
                decision = named;
            }
        }
        return decision;
    }

    /** ALLOW when the statement names the caller's account, PUBLIC_ALLOW when it names everyone, NONE when neither. */
    private static Decision principal(JsonNode statement, String caller) {
        boolean negated = statement.has("NotPrincipal");
        JsonNode principal = statement.path(negated ? "NotPrincipal" : "Principal");
        Decision named = Decision.NONE;
        if (principal.isTextual() ? "*".equals(principal.asText()) : BucketPolicies.anyStar(principal.path("AWS"))) {
            named = Decision.PUBLIC_ALLOW;
        } else if (caller != null) {
            for (JsonNode value : strings(principal.path("AWS"))) {
                String text = value.asText();
                if (text.equals(caller) || text.startsWith("arn:aws:iam::" + caller + ":")) {
                    named = Decision.ALLOW;
                }
            }
        }
        if (negated) {
            return named == Decision.NONE ? Decision.PUBLIC_ALLOW : Decision.NONE;
        }
        return named;
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
