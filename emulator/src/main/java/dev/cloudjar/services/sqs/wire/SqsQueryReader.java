package dev.cloudjar.services.sqs.wire;

import dev.cloudjar.protocol.query.QueryProtocol;
import dev.cloudjar.services.sqs.engine.SqsErrors;
import dev.cloudjar.services.sqs.wire.SqsInputs.ChangeMessageVisibilityBatchRequestEntry;
import dev.cloudjar.services.sqs.wire.SqsInputs.DeleteMessageBatchRequestEntry;
import dev.cloudjar.services.sqs.wire.SqsInputs.MessageAttributeValue;
import dev.cloudjar.services.sqs.wire.SqsInputs.SendMessageBatchRequestEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds SQS Query-protocol form parameters (as SDK v1 and older SDK v2 send them) into the same
 * input records the JSON protocol binds: {@code Attribute.N.Name/Value}, {@code Tag.N.Key/Value},
 * {@code MessageAttribute.N.Name/Value.DataType/StringValue/BinaryValue}, {@code AttributeName.N},
 * {@code <Entry>.N.<Member>} for batches.
 */
final class SqsQueryReader {
    private final Map<String, String> params;

    SqsQueryReader(Map<String, String> params) {
        this.params = params;
    }

    String string(String name) {
        return params.get(name);
    }

    Integer integer(String name) {
        return integer(params, name);
    }

    private static Integer integer(Map<String, String> params, String name) {
        String text = params.get(name);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw SqsErrors.invalidParameterValue("Value " + text + " for parameter " + name + " is invalid. Reason: Must be an integer.");
        }
    }

    List<String> list(String name) {
        List<String> values = QueryProtocol.members(params, name);
        return values.isEmpty() ? null : values;
    }

    Map<String, String> pairs(String prefix, String keyName, String valueName) {
        return pairs(params, prefix, keyName, valueName);
    }

    private static Map<String, String> pairs(Map<String, String> params, String prefix, String keyName, String valueName) {
        List<Map<String, String>> groups = QueryProtocol.indexedGroups(params, prefix);
        if (groups.isEmpty()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, String> g : groups) {
            if (g.get(keyName) != null) {
                out.put(g.get(keyName), g.getOrDefault(valueName, ""));
            }
        }
        return out;
    }

    Map<String, MessageAttributeValue> messageAttributes(String prefix) {
        return messageAttributes(params, prefix);
    }

    private static Map<String, MessageAttributeValue> messageAttributes(Map<String, String> params, String prefix) {
        List<Map<String, String>> groups = QueryProtocol.indexedGroups(params, prefix);
        if (groups.isEmpty()) {
            return null;
        }
        Map<String, MessageAttributeValue> out = new LinkedHashMap<>();
        for (Map<String, String> g : groups) {
            String name = g.get("Name");
            if (name == null) {
                continue;
            }
            String binary = g.get("Value.BinaryValue");
            byte[] bytes = null;
            if (binary != null) {
                try {
                    bytes = Base64.getMimeDecoder().decode(binary);
                } catch (IllegalArgumentException e) {
                    throw SqsErrors.invalidParameterValue("The message attribute '" + name + "' has an invalid binary value.");
                }
            }
            List<String> stringList = QueryProtocol.members(g, "Value.StringListValue");
            out.put(name, new MessageAttributeValue(g.get("Value.StringValue"), bytes,
                    stringList.isEmpty() ? null : stringList, null, g.get("Value.DataType")));
        }
        return out;
    }

    List<SendMessageBatchRequestEntry> sendEntries() {
        List<SendMessageBatchRequestEntry> out = new ArrayList<>();
        for (Map<String, String> g : QueryProtocol.indexedGroups(params, "SendMessageBatchRequestEntry")) {
            out.add(new SendMessageBatchRequestEntry(g.get("Id"), g.get("MessageBody"), integer(g, "DelaySeconds"),
                    messageAttributes(g, "MessageAttribute"), messageAttributes(g, "MessageSystemAttribute"),
                    g.get("MessageDeduplicationId"), g.get("MessageGroupId")));
        }
        return out;
    }

    List<DeleteMessageBatchRequestEntry> deleteEntries() {
        List<DeleteMessageBatchRequestEntry> out = new ArrayList<>();
        for (Map<String, String> g : QueryProtocol.indexedGroups(params, "DeleteMessageBatchRequestEntry")) {
            out.add(new DeleteMessageBatchRequestEntry(g.get("Id"), g.get("ReceiptHandle")));
        }
        return out;
    }

    List<ChangeMessageVisibilityBatchRequestEntry> visibilityEntries() {
        List<ChangeMessageVisibilityBatchRequestEntry> out = new ArrayList<>();
        for (Map<String, String> g : QueryProtocol.indexedGroups(params, "ChangeMessageVisibilityBatchRequestEntry")) {
            out.add(new ChangeMessageVisibilityBatchRequestEntry(g.get("Id"), g.get("ReceiptHandle"), integer(g, "VisibilityTimeout")));
        }
        return out;
    }
}
