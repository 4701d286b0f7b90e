package dev.cloudjar.services.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.services.eventbridge.model.EventBusRecord;
import java.io.IOException;
import java.util.Iterator;

/** An event bus's resource policy as PutPermission and RemovePermission build it (stored, never enforced). */
public final class BusPolicies {
    private BusPolicies() {
    }

    /** PutPermission's statement members; {@code conditionType} null means no Condition. */
    public record Statement(String action, String principal, String statementId, String conditionType, String conditionKey,
                            String conditionValue) {
    }

    static String put(EventBusRecord bus, Statement s, String policy) {
        if (policy != null) {
            try {
                JsonNode parsed = TargetInput.MAPPER.readTree(policy);
                if (parsed == null || !parsed.isObject()) {
                    throw new IOException("not an object");
                }
            } catch (IOException e) {
                throw EventBridgeErrors.validation("Parameter Policy is not valid.");
            }
            return policy;
        }
        if (s == null || s.action() == null || s.principal() == null || s.statementId() == null) {
            throw EventBridgeErrors.validation("One of Policy or Action, Principal and StatementId must be specified.");
        }
        if (!"events:PutEvents".equals(s.action())) {
            throw EventBridgeErrors.validation("Provided value in parameter 'action' is not supported.");
        }
        if (!s.principal().equals("*") && !s.principal().matches("\\d{12}")) {
            throw EventBridgeErrors.validation("Value of the parameter 'principal' must be '*' or a 12-digit AWS account ID.");
        }
        ObjectNode doc = document(bus);
        ArrayNode statements = (ArrayNode) doc.get("Statement");
        remove(statements, s.statementId());
        ObjectNode statement = statements.addObject();
        statement.put("Sid", s.statementId());
        statement.put("Effect", "Allow");
        if (s.principal().equals("*")) {
            statement.put("Principal", "*");
        } else {
            statement.putObject("Principal").put("AWS", "arn:aws:iam::" + s.principal() + ":root");
        }
        statement.put("Action", s.action());
        statement.put("Resource", bus.arn());
        if (s.conditionType() != null) {
            statement.putObject("Condition").putObject(s.conditionType()).put(s.conditionKey(), s.conditionValue());
        }
        return TargetInput.write(doc);
    }

    static String remove(EventBusRecord bus, String statementId, boolean removeAll) {
        if (removeAll) {
            return null;
        }
        if (statementId == null) {
            throw EventBridgeErrors.validation("Parameter StatementId is required unless RemoveAllPermissions is true.");
        }
        if (bus.policy() == null) {
            throw new AwsException(400, "ResourceNotFoundException", "EventBus does not have a policy.");
        }
        ObjectNode doc = document(bus);
        if (!remove((ArrayNode) doc.get("Statement"), statementId)) {
            throw new AwsException(400, "ResourceNotFoundException", "Statement with the provided id does not exist.");
        }
        return doc.get("Statement").isEmpty() ? null : TargetInput.write(doc);
    }

    private static ObjectNode document(EventBusRecord bus) {
        if (bus.policy() != null) {
            try {
                JsonNode existing = TargetInput.MAPPER.readTree(bus.policy());
                if (existing.isObject() && existing.path("Statement").isArray()) {
                    return (ObjectNode) existing;
                }
            } catch (IOException e) {
                // a policy that is not a statement list is replaced by a new one
            }
        }
        ObjectNode doc = TargetInput.MAPPER.createObjectNode();
        doc.put("Version", "2012-10-17");
        doc.putArray("Statement");
        return doc;
    }

    private static boolean remove(ArrayNode statements, String sid) {
        boolean removed = false;
        for (Iterator<JsonNode> it = statements.elements(); it.hasNext(); ) {
            if (sid.equals(it.next().path("Sid").asText(null))) {
                it.remove();
                removed = true;
            }
        }
        return removed;
    }
}
