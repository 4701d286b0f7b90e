package dev.cloudjar.control;

import dev.cloudjar.services.sns.OutboxMessage;
import dev.cloudjar.services.sns.SnsBackend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /_cloudjar/api/outbox}: every email, email-json, SMS and mobile message SNS "sent", oldest
 * first, as {@code {"messages": [{recipient, protocol, subject, body, time, topic, ...}]}}.
 */
public final class OutboxView {
    private OutboxView() {
    }

    public static Map<String, Object> render(SnsBackend sns) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (OutboxMessage m : sns.outbox()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("recipient", m.recipient());
            row.put("protocol", m.protocol());
            row.put("subject", m.subject());
            row.put("body", m.body());
            row.put("time", m.time());
            row.put("topic", m.topicArn());
            row.put("subscriptionArn", m.subscriptionArn());
            row.put("messageId", m.messageId());
            row.put("accountId", m.account());
            row.put("region", m.region());
            messages.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", messages);
        return body;
    }
}
