package dev.cloudjar.services.sns.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * AWS's limits and messages for filter policies: at most 5 top-level keys, at most 150 value
 * combinations (values times nesting depth, summed over {@code $or} branches), no empty arrays,
 * nesting only with scope MessageBody, and the accepted shapes of every match expression.
 */
final class FilterPolicyValidator {
    private static final int MAX_KEYS = 5;
    private static final int MAX_COMBINATIONS = 150;

    private final String prefix;
    private final boolean bodyScope;

    FilterPolicyValidator(String errorPrefix, boolean bodyScope) {
        this.prefix = errorPrefix;
        this.bodyScope = bodyScope;
    }

    void validate(JsonNode policy) {
        if (policy.size() > MAX_KEYS) {
            throw fail("FilterPolicy: Filter policy can not have more than 5 keys");
        }
        int combinations = walk(policy, 1, 1);
        if (combinations > MAX_COMBINATIONS) {
            throw fail("FilterPolicy: Filter policy is too complex");
        }
    }

    /** Validates every rule below {@code object} and returns the combination count AWS computes. */
    private int walk(JsonNode object, int depth, int combinations) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                combinations = walk(value, depth + 1, combinations);
            } else if (value.isArray()) {
                if (value.isEmpty()) {
                    throw fail("FilterPolicy: Empty arrays are not allowed");
                }
                if (key.equals("$or")) {
                    int sum = 0;
                    for (JsonNode alternative : value) {
                        if (!alternative.isObject()) {
                            throw fail("FilterPolicy: \"$or\" must be an object or an array");
                        }
                        sum += walk(alternative, depth, combinations);
                    }
                    combinations = sum;
                } else {
                    for (JsonNode rule : value) {
                        validateRule(rule);
                    }
                    combinations = combinations * value.size() * depth;
                }
            } else {
                throw fail("FilterPolicy: \"" + key + "\" must be an object or an array");
            }
        }
        if (!bodyScope && depth > 1) {
            throw fail("Filter policy scope MessageAttributes does not support nested filter policy");
        }
        return combinations;
    }

    private void validateRule(JsonNode rule) {
        if (rule.isTextual() || rule.isNumber() || rule.isBoolean() || rule.isNull()) {
            return;
        }
        if (!rule.isObject()) {
            throw fail("FilterPolicy: Match value must be String, number, true, false, or null");
        }
        if (rule.size() != 1) {
            throw fail("FilterPolicy: Only one key allowed in match expression");
        }
        String operator = rule.fieldNames().next();
        JsonNode operand = rule.get(operator);
        switch (operator) {
            case "prefix":
            case "suffix":
            case "equals-ignore-case":
                requireString(operator, operand);
                return;
            case "anything-but":
                validateAnythingBut(operand);
                return;
            case "exists":
                if (!operand.isBoolean()) {
                    throw fail("FilterPolicy: exists match pattern must be either true or false.");
                }
                return;
            case "numeric":
                validateNumeric(operand);
                return;
            case "cidr":
                validateCidr(operand);
                return;
            default:
                throw fail("FilterPolicy: Unrecognized match type " + operator);
        }
    }

    private void requireString(String operator, JsonNode operand) {
        if (!operand.isTextual()) {
            throw fail("FilterPolicy: " + operator + " match pattern must be a string");
        }
    }

    private void validateAnythingBut(JsonNode operand) {
        if (operand.isArray()) {
            if (operand.isEmpty()) {
                throw fail("FilterPolicy: Empty arrays are not allowed");
            }
            for (JsonNode value : operand) {
                if (!(value.isTextual() || value.isNumber())) {
                    throw fail("FilterPolicy: Inside anything but list, start|null|boolean is not supported.");
                }
            }
        } else if (operand.isObject()) {
            if (operand.size() != 1) {
                throw fail("FilterPolicy: Only one key allowed in match expression");
            }
            String inner = operand.fieldNames().next();
            if (!inner.equals("prefix") && !inner.equals("suffix") && !inner.equals("equals-ignore-case")) {
                throw fail("FilterPolicy: Unsupported anything-but pattern: " + inner);
            }
            requireString(inner, operand.get(inner));
        } else if (!(operand.isTextual() || operand.isNumber())) {
            throw fail("FilterPolicy: Inside anything but list, start|null|boolean is not supported.");
        }
    }

    private void validateNumeric(JsonNode terms) {
        if (!terms.isArray() || terms.isEmpty()) {
            throw fail("FilterPolicy: Invalid member in numeric match: ]");
        }
        JsonNode first = terms.get(0);
        if (!first.isTextual()) {
            throw fail("FilterPolicy: Invalid member in numeric match: " + first.asText());
        }
        String operator = first.textValue();
        if (!isOperator(operator)) {
            throw fail("FilterPolicy: Unrecognized numeric range operator: " + operator);
        }
        JsonNode bottom = terms.size() > 1 ? terms.get(1) : null;
        if (bottom == null || !bottom.isNumber()) {
            throw fail("FilterPolicy: Value of " + (operator.equals("=") ? "equals" : operator) + " must be numeric");
        }
        if (terms.size() == 2) {
            return;
        }
        if (!operator.equals(">") && !operator.equals(">=")) {
            throw fail("FilterPolicy: Too many elements in numeric expression");
        }
        JsonNode second = terms.get(2);
        if (!second.isTextual()) {
            throw fail("FilterPolicy: Bad value in numeric range: " + second.asText());
        }
        String upper = second.textValue();
        if (!upper.equals("<") && !upper.equals("<=")) {
            throw fail("FilterPolicy: Bad numeric range operator: " + upper);
        }
        JsonNode top = terms.size() > 3 ? terms.get(3) : null;
        if (top == null || !top.isNumber()) {
            throw fail("FilterPolicy: Value of " + upper + " must be numeric");
        }
        if (top.doubleValue() <= bottom.doubleValue()) {
            throw fail("FilterPolicy: Bottom must be less than top");
        }
        if (terms.size() > 4) {
            throw fail("FilterPolicy: Too many terms in numeric range expression");
        }
    }

    private static boolean isOperator(String operator) {
        return operator.equals("<") || operator.equals("<=") || operator.equals("=")
                || operator.equals(">") || operator.equals(">=");
    }

    private void validateCidr(JsonNode operand) {
        if (!operand.isTextual()) {
            throw fail("FilterPolicy: prefix match pattern must be a string");
        }
        String text = operand.textValue();
        String[] parts = text.split("/", -1);
        if (parts.length != 2) {
            throw fail("FilterPolicy: Malformed CIDR, one '/' required");
        }
        int bits;
        try {
            bits = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw fail("FilterPolicy: Malformed CIDR, mask bits must be an integer");
        }
        if (Condition.Cidr.ipv4(parts[0]) < 0 || bits < 0 || bits > 32) {
            throw fail("FilterPolicy: Nonstandard IP address: " + parts[0]);
        }
    }

    private FilterPolicyException fail(String reason) {
        return new FilterPolicyException(prefix + reason);
    }
}
