package dev.cloudjar.services.sqs.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which system attributes and message attributes a ReceiveMessage asked for, decided once per call
 * ({@code All}, {@code .*}, {@code prefix.*} and exact names), and how a message is shown with them.
 */
final class AttributeSelection {
    private final boolean allSystem;
    private final List<String> systemNames;
    private final boolean allMessage;
    private final List<String> exactNames;
    private final List<String> prefixes;

    AttributeSelection(List<String> systemNames, List<String> messageNames) {
        this.systemNames = systemNames == null ? List.of() : systemNames;
        this.allSystem = this.systemNames.contains("All");
        List<String> names = messageNames == null ? List.of() : messageNames;
        boolean all = false;
        List<String> exact = new java.util.ArrayList<>();
        List<String> prefix = new java.util.ArrayList<>();
        for (String n : names) {
            if ("All".equals(n) || ".*".equals(n)) {
                all = true;
            } else if (n.endsWith(".*")) {
                prefix.add(n.substring(0, n.length() - 1));
            } else {
                exact.add(n);
            }
        }
        this.allMessage = all;
        this.exactNames = exact;
        this.prefixes = prefix;
    }

    private boolean wantsSystem(String name) {
        return allSystem || systemNames.contains(name);
    }

    private boolean wantsMessageAttribute(String name) {
        if (allMessage || exactNames.contains(name)) {
            return true;
        }
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    ReceivedMessage render(QueueMessage m, String receiptHandle, boolean fifo) {
        StoredMessage s = m.stored;
        Map<String, String> system = new LinkedHashMap<>();
        if (!systemNames.isEmpty()) {
            put(system, "SenderId", s.senderId());
            put(system, "SentTimestamp", Long.toString(s.sentTimestamp()));
            put(system, "ApproximateReceiveCount", Integer.toString(m.receiveCount));
            put(system, "ApproximateFirstReceiveTimestamp", Long.toString(m.firstReceiveTimestamp));
            if (fifo) {
                put(system, "SequenceNumber", SequenceNumbers.format(s.sequence()));
                put(system, "MessageDeduplicationId", s.deduplicationId());
            }
            put(system, "MessageGroupId", s.groupId());
            put(system, "AWSTraceHeader", s.traceHeader());
            put(system, "DeadLetterQueueSourceArn", s.deadLetterSourceArn());
        }
        Map<String, MessageAttribute> attributes = Map.of();
        if (s.attributes() != null && !s.attributes().isEmpty() && (allMessage || !exactNames.isEmpty() || !prefixes.isEmpty())) {
            TreeMap<String, MessageAttribute> chosen = new TreeMap<>();
            for (Map.Entry<String, MessageAttribute> e : s.attributes().entrySet()) {
                if (wantsMessageAttribute(e.getKey())) {
                    chosen.put(e.getKey(), e.getValue());
                }
            }
            attributes = chosen;
        }
        return new ReceivedMessage(s.messageId(), receiptHandle, s.body(), m.md5OfBody(), system,
                attributes, MessageDigests.md5OfAttributes(attributes));
    }

    private void put(Map<String, String> system, String name, String value) {
        if (value != null && wantsSystem(name)) {
            system.put(name, value);
        }
    }
}
