package dev.cloudjar.services.lambda.esm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The event JSON mappings send (PROTOCOLS.md 9.2 and 6) and the partial-batch responses they read. */
final class BatchResponses {
    static final ObjectMapper JSON = new ObjectMapper();

    private BatchResponses() {
    }

    static byte[] sqsEvent(List<QueueMessage> messages, String queueArn, String region) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (QueueMessage m : messages) {
            ObjectNode r = records.addObject();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", m.receiptHandle());
            r.put("body", m.body());
            ObjectNode attributes = r.putObject("attributes");
            m.attributes().forEach(attributes::put);
            ObjectNode messageAttributes = r.putObject("messageAttributes");
            for (Map.Entry<String, QueueMessage.Attribute> e : m.messageAttributes().entrySet()) {
                ObjectNode a = messageAttributes.putObject(e.getKey());
                if (e.getValue().stringValue() != null) {
                    a.put("stringValue", e.getValue().stringValue());
                }
                if (e.getValue().binaryValue() != null) {
                    a.put("binaryValue", Base64.getEncoder().encodeToString(e.getValue().binaryValue()));
                }
                a.putArray("stringListValues");
                a.putArray("binaryListValues");
                a.put("dataType", e.getValue().dataType());
            }
            r.put("md5OfBody", m.md5OfBody());
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", queueArn);
            r.put("awsRegion", region);
        }
        return root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] streamEvent(List<StreamRecord> records) {
        StringBuilder out = new StringBuilder(64 + records.size() * 256).append("{\"Records\":[");
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(records.get(i).lambdaRecordJson());
        }
        return out.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The item identifiers of a ReportBatchItemFailures response; null when the response is not a
     * valid batch response (the whole batch then counts as failed, as on AWS).
     */
    static Set<String> failedItems(byte[] payload) {
        Set<String> failed = new LinkedHashSet<>();
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (java.io.IOException e) {
            return null;
        }
        if (root == null || root.isNull() || (root.isObject() && root.isEmpty())) {
            return failed;
        }
        JsonNode items = root.get("batchItemFailures");
        if (items == null || items.isNull()) {
            return failed;
        }
        if (!items.isArray()) {
            return null;
        }
        for (JsonNode item : items) {
            JsonNode id = item.get("itemIdentifier");
            if (id == null || !id.isTextual() || id.asText().isEmpty()) {
                return null;
            }
            failed.add(id.asText());
        }
        return failed;
    }
}
