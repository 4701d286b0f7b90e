package dev.cloudjar.services.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * AddPermission / RemovePermission as edits of the topic's Policy document: a statement per label
 * with the accounts' root principals and {@code SNS:} actions, one value or a list as AWS writes it.
 */
final class TopicPermissions {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The actions a topic policy may name; anything else is "out of service scope". */
    private static final List<String> TOPIC_ACTIONS = List.of("GetTopicAttributes", "SetTopicAttributes", "AddPermission",
            "RemovePermission", "DeleteTopic", "Subscribe", "ListSubscriptionsByTopic", "Publish", "Receive");

    private TopicPermissions() {
    }

    static String add(String policy, String topicArn, String label, List<String> accounts, List<String> actions) {
        require(label, "Label");
        if (accounts.isEmpty()) {
            throw SnsErrors.invalidParameter("Invalid parameter: AWSAccountId");
        }
        if (actions.isEmpty()) {
            throw SnsErrors.invalidParameter("Invalid parameter: ActionName");
        }
        ObjectNode document = parse(policy);
        ArrayNode statements = document.withArray("Statement");
        for (JsonNode statement : statements) {
            if (label.equals(statement.path("Sid").asText())) {
                throw SnsErrors.invalidParameter("Statement already exists");
            }
        }
        for (String action : actions) {
            if (!TOPIC_ACTIONS.contains(action)) {
                throw SnsErrors.invalidParameter("Policy statement action out of service scope!");
            }
        }
        ObjectNode statement = statements.addObject();
        statement.put("Sid", label).put("Effect", "Allow");
        ObjectNode principal = statement.putObject("Principal");
        if (accounts.size() == 1) {
            principal.put("AWS", "arn:aws:iam::" + accounts.get(0) + ":root");
        } else {
            ArrayNode list = principal.putArray("AWS");
            accounts.forEach(a -> list.add("arn:aws:iam::" + a + ":root"));
        }
        if (actions.size() == 1) {
            statement.put("Action", "SNS:" + actions.get(0));
        } else {
            ArrayNode list = statement.putArray("Action");
            actions.forEach(a -> list.add("SNS:" + a));
        }
        statement.put("Resource", topicArn);
        return document.toString();
    }

    static String remove(String policy, String label) {
        require(label, "Label");
        ObjectNode document = parse(policy);
        ArrayNode statements = document.withArray("Statement");
        for (int i = statements.size() - 1; i >= 0; i--) {
            if (label.equals(statements.get(i).path("Sid").asText())) {
                statements.remove(i);
            }
        }
        return document.toString();
    }

    private static void require(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw SnsErrors.invalidParameter("Invalid parameter: " + name);
        }
    }

    private static ObjectNode parse(String policy) {
        try {
            if (JSON.readTree(policy) instanceof ObjectNode node) {
                return node;
            }
        } catch (IOException e) {
            // an unparsable stored policy cannot be edited: AWS would not have stored it
        }
        throw SnsErrors.invalidParameter("Invalid parameter: Policy");
    }
}
