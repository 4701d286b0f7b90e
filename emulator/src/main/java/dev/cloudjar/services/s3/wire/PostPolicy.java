package dev.cloudjar.services.s3.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.core.AwsException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A browser POST's policy document (base64 JSON with {@code expiration} and {@code conditions}) and the
 * check of a form against it, with S3's words: a policy S3 cannot read is 400 InvalidPolicyDocument
 * "Invalid Policy: ...", a condition the form fails is 403 AccessDenied "Invalid according to Policy: Policy
 * Condition failed: [...]" printed as an array in the policy's own spelling, a field no condition names is
 * "Extra input fields", and the size range is checked once the file has streamed ({@link #minSize}/{@link #maxSize}).
 * Condition and field names match case-insensitively, values case-sensitively.
 */
final class PostPolicy {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Form fields no condition has to name: the signature and the policy itself, the file, and x-ignore-*. */
    private static final Set<String> EXEMPT = Set.of("policy", "x-amz-signature", "file", "awsaccesskeyid", "signature");

    private final Instant expiration;
    private final List<Condition> conditions;
    private final long minSize;
    private final long maxSize;

    /** One condition: its operation (eq, starts-with, content-length-range), operands, and its text for errors. */
    private record Condition(String operation, String field, String value, String text) {
    }

    private PostPolicy(Instant expiration, List<Condition> conditions, long minSize, long maxSize) {
        this.expiration = expiration;
        this.conditions = conditions;
        this.minSize = minSize;
        this.maxSize = maxSize;
    }

    static PostPolicy parse(String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getMimeDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw invalid("invalid Base64 encoding.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(new String(decoded, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw invalid("Invalid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw invalid("Invalid JSON.");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("expiration") && !name.equals("conditions")) {
                throw invalid("Unexpected: '" + name.toLowerCase(Locale.ROOT) + "'");
            }
        }
        JsonNode expires = root.get("expiration");
        if (expires == null) {
            throw invalid("Policy missing expiration.");
        }
        Instant expiration = expiration(expires);
        JsonNode list = root.get("conditions");
        if (list == null) {
            throw invalid("Policy missing conditions.");
        }
        if (!list.isArray()) {
            throw invalid("Invalid 'conditions' value: must be a List.");
        }
        List<Condition> conditions = new ArrayList<>();
        long min = 0;
        long max = Long.MAX_VALUE;
        for (JsonNode node : list) {
            Condition condition = condition(node);
            if (condition.operation().equals("content-length-range")) {
                min = Math.max(min, Long.parseLong(condition.field()));
                max = Math.min(max, Long.parseLong(condition.value()));
            }
            conditions.add(condition);
        }
        return new PostPolicy(expiration, conditions, min, max);
    }

    private static Instant expiration(JsonNode node) {
        String text = node.isTextual() ? node.asText() : node.toString();
        try {
            if (!node.isTextual() || !text.endsWith("Z") || text.indexOf('T') != 10) {
                throw new DateTimeParseException("not UTC ISO 8601", text, 0);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid("Invalid 'expiration' value: '" + text + "'");
        }
    }

    private static Condition condition(JsonNode node) {
        if (node.isObject()) {
            if (node.size() != 1) {
                throw invalid("Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.");
            }
            Map.Entry<String, JsonNode> only = node.fields().next();
            if (only.getValue().isNull() || only.getValue().isContainerNode()) {
                throw invalid("Invalid JSON.");
            }
            if (!only.getValue().isTextual()) {
                throw invalid("Invalid Simple-Condition: value must be a string.");
            }
            String value = only.getValue().asText();
            return new Condition("eq", only.getKey().toLowerCase(Locale.ROOT), value,
                    "[\"eq\", " + quoted("$" + only.getKey()) + ", " + quoted(value) + "]");
        }
        if (!node.isArray()) {
            throw invalid("Invalid condition test: must be a List or Object.");
        }
        if (node.isEmpty()) {
            throw invalid("Invalid Condition: missing operation identifier.");
        }
        List<String> operands = new ArrayList<>();
        StringBuilder text = new StringBuilder("[");
        for (JsonNode item : node) {
            if (!item.isTextual() && !item.isIntegralNumber()) {
                throw invalid("Invalid JSON.");
            }
            operands.add(item.asText());
            text.append(text.length() > 1 ? ", " : "").append(item.isTextual() ? quoted(item.asText()) : item.asText());
        }
        text.append(']');
        String operation = operands.get(0).toLowerCase(Locale.ROOT);
        if (!operation.equals("eq") && !operation.equals("starts-with") && !operation.equals("content-length-range")) {
            throw invalid("Invalid Condition: unknown operation '" + operands.get(0) + "'.");
        }
        if (operands.size() != 3) {
            throw invalid("Invalid " + operation + ": wrong number of arguments.");
        }
        if (operation.equals("content-length-range")) {
            long low;
            long high;
            try {
                low = Long.parseLong(operands.get(1).trim());
                high = Long.parseLong(operands.get(2).trim());
            } catch (NumberFormatException e) {
                throw failed(text.toString());
            }
            if (low < 0 || high < 0) {
                throw invalid("Invalid content-length-range: the bounds must not be negative.");
            }
            return new Condition(operation, String.valueOf(low), String.valueOf(high), text.toString());
        }
        String field = operands.get(1);
        if (!field.startsWith("$")) {
            throw failed(text.toString());
        }
        return new Condition(operation, field.substring(1).toLowerCase(Locale.ROOT), operands.get(2), text.toString());
    }

    /**
     * Checks the form: not expired at {@code now}, every condition met, every field named by one.
     * {@code fields} maps lower-case names to values (the bucket comes from the URL); {@code sentNames}
     * are the names as the form spelled them.
     */
    void check(Instant now, Map<String, String> fields, String bucket, List<String> sentNames) {
        if (!now.isBefore(expiration)) {
            throw new AwsException(403, "AccessDenied", "Invalid according to Policy: Policy expired.");
        }
        Set<String> covered = new HashSet<>();
        for (Condition c : conditions) {
            if (c.operation().equals("content-length-range")) {
                continue;
            }
            covered.add(c.field());
            String actual = c.field().equals("bucket") ? bucket : fields.getOrDefault(c.field(), "");
            boolean ok;
            if (c.operation().equals("eq")) {
                ok = actual.equals(c.value());
            } else if (c.field().equals("content-type")) {
                ok = true; // a comma-separated list of types: each must start with the prefix
                for (String type : actual.split(",", -1)) {
                    ok &= type.trim().startsWith(c.value());
                }
            } else {
                ok = actual.startsWith(c.value());
            }
            if (!ok) {
                throw failed(c.text());
            }
        }
        for (String name : sentNames) {
            String lower = name.toLowerCase(Locale.ROOT);
            // checksums are verified against the bytes themselves, and s3-tests sends them uncovered
            if (!covered.contains(lower) && !EXEMPT.contains(lower) && !lower.startsWith("x-ignore-")
                    && !lower.startsWith("x-amz-checksum-")) {
                throw new AwsException(403, "AccessDenied", "Invalid according to Policy: Extra input fields: " + name);
            }
        }
    }

    long minSize() {
        return minSize;
    }

    long maxSize() {
        return maxSize;
    }

    private static String quoted(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AwsException invalid(String message) {
        return new AwsException(400, "InvalidPolicyDocument", "Invalid Policy: " + message);
    }

    private static AwsException failed(String condition) {
        return new AwsException(403, "AccessDenied", "Invalid according to Policy: Policy Condition failed: " + condition);
    }
}
