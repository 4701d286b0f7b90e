package dev.cloudjar.services.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.core.AwsException;
import java.util.ArrayList;
import java.util.List;

/**
 * Bucket policy documents: checked the way S3 checks them on PutBucketPolicy (valid JSON, an object, a
 * Statement), and read for GetBucketPolicyStatus.
 *
 * <p>LIMITATIONS: actions, resources and condition keys are not checked against S3's lists; a policy is
 * public when an Allow statement names the principal {@code "*"} and has no Condition.
 */
final class BucketPolicies {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** S3 refuses policies above 20 KB. */
    static final int MAX_BYTES = 20 * 1024;

    private BucketPolicies() {
    }

    static AwsException malformed(String message) {
        return new AwsException(400, "MalformedPolicy", message);
    }

    static void validate(String policy) {
        String trimmed = policy == null ? "" : policy.strip();
        if (!trimmed.startsWith("{")) {
            throw malformed("Policies must be valid JSON and the first byte must be '{'");
        }
        if (policy.length() > MAX_BYTES) {
            throw malformed("Policies cannot exceed 20 KB");
        }
        JsonNode root;
        try {
            root = JSON.readTree(trimmed);
        } catch (JsonProcessingException e) {
            throw malformed("Policies must be valid JSON and the first byte must be '{'");
        }
        JsonNode statements = root.get("Statement");
        if (statements == null || statements.isNull()) {
            throw malformed("Missing required field Statement");
        }
        for (JsonNode statement : statements(root)) {
            if (!statement.isObject()) {
                throw malformed("Statement is not valid");
            }
            String effect = statement.path("Effect").asText(null);
            if (effect == null) {
                throw malformed("Missing required field Effect");
            }
            if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
                throw malformed("Invalid effect: " + effect);
            }
            if (!statement.has("Principal") && !statement.has("NotPrincipal")) {
                throw malformed("Missing required field Principal");
            }
            if (!statement.has("Action") && !statement.has("NotAction")) {
                throw malformed("Missing required field Action");
            }
            if (!statement.has("Resource") && !statement.has("NotResource")) {
                throw malformed("Missing required field Resource");
            }
        }
    }

    static List<JsonNode> statements(JsonNode root) {
        JsonNode statements = root.get("Statement");
        List<JsonNode> all = new ArrayList<>();
        if (statements != null && statements.isArray()) {
            statements.forEach(all::add);
        } else if (statements != null) {
            all.add(statements);
        }
        return all;
    }

    static boolean isPublic(String policy) {
        JsonNode root;
        try {
            root = JSON.readTree(policy);
        } catch (JsonProcessingException e) {
            return false;
        }
        for (JsonNode statement : statements(root)) {
            if (!"Allow".equals(statement.path("Effect").asText()) || statement.has("Condition")) {
                continue;
            }
            JsonNode principal = statement.path("Principal");
            if ("*".equals(principal.asText(null)) || anyStar(principal.path("AWS"))) {
                return true;
            }
        }
        return false;
    }

    static boolean anyStar(JsonNode node) {
        if (node.isArray()) {
            for (JsonNode n : node) {
                if ("*".equals(n.asText())) {
                    return true;
                }
            }
            return false;
        }
        return "*".equals(node.asText(null));
    }
}
