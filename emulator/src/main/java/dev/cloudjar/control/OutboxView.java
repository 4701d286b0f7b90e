package dev.cloudjar.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.services.sns.OutboxMessage;
import dev.cloudjar.services.sns.SnsBackend;

/**
 * {@code GET /_cloudjar/api/outbox}: every email, email-json, SMS and mobile message SNS "sent", oldest
 * first, as {@code {"messages": [{recipient, protocol, subject, body, time, topic, ...}]}}. Every key
 * is always present (null when it does not apply, such as the subject of an SMS), so scripts can index
 * them without checks.
 */
public final class OutboxView {
    private OutboxView() {
    }

    public static ObjectNode render(SnsBackend sns) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode messages = body.putArray("messages");
        for (OutboxMessage m : sns.outbox()) {
            messages.addObject()
                    .put("recipient", m.recipient())
                    .put("protocol", m.protocol())
                    .put("subject", m.subject())
                    .put("body", m.body())
                    .put("time", m.time())
                    .put("topic", m.topicArn())
                    .put("subscriptionArn", m.subscriptionArn())
                    .put("messageId", m.messageId())
                    .put("accountId", m.account())
                    .put("region", m.region());
        }
        return body;
    }
}
