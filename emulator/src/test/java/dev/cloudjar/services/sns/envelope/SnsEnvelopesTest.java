package dev.cloudjar.services.sns.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnsEnvelopesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:t";
    private static final Instant WHEN = Instant.parse("2024-01-02T03:04:05.678Z");

    private static EnvelopeMessage notification(String subject, Map<String, EnvelopeMessage.Attribute> attributes, String sequence) {
        return new EnvelopeMessage("Notification", "id-1", TOPIC, subject, "hi \"there\"\n", WHEN,
                "http://localhost:4566/?Action=Unsubscribe&SubscriptionArn=" + TOPIC + ":s", SnsEnvelopes.signingCertUrl("us-east-1"),
                attributes, null, null, sequence);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void notificationKeysInAwsOrder() throws Exception {
        Map<String, EnvelopeMessage.Attribute> attributes = new LinkedHashMap<>();
        attributes.put("attr1", new EnvelopeMessage.Attribute("Number", "99.12"));
        JsonNode body = JSON.readTree(SnsEnvelopes.envelope(notification("s", attributes, null)));
        assertEquals(List.of("Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp", "SignatureVersion", "Signature",
                "SigningCertURL", "UnsubscribeURL", "MessageAttributes"), keys(body));
        assertEquals("hi \"there\"\n", body.get("Message").asText());
        assertEquals("2024-01-02T03:04:05.678Z", body.get("Timestamp").asText());
        assertEquals("{\"Type\":\"Number\",\"Value\":\"99.12\"}", body.get("MessageAttributes").get("attr1").toString());
    }

    @Test
    void subjectAndAttributesAbsentWhenNotPublished() throws Exception {
        JsonNode body = JSON.readTree(SnsEnvelopes.envelope(notification(null, Map.of(), null)));
        assertFalse(body.has("Subject"));
        assertFalse(body.has("MessageAttributes"));
    }

    @Test
    void fifoEnvelopeCarriesSequenceNumberAndNoSignature() throws Exception {
        JsonNode body = JSON.readTree(SnsEnvelopes.envelope(notification(null, Map.of(), "10000000000000000001")));
        assertEquals(List.of("Type", "MessageId", "SequenceNumber", "TopicArn", "Message", "Timestamp", "UnsubscribeURL"), keys(body));
    }

    @Test
    void subscriptionConfirmation() throws Exception {
        String url = SnsEnvelopes.subscribeUrl("http://127.0.0.1:4566", TOPIC, "tok");
        assertEquals("http://127.0.0.1:4566/?Action=ConfirmSubscription&TopicArn=" + TOPIC + "&Token=tok", url);
        JsonNode body = JSON.readTree(SnsEnvelopes.envelope(new EnvelopeMessage("SubscriptionConfirmation", "id", TOPIC, null,
                SnsEnvelopes.confirmationMessage(TOPIC), WHEN, null, "cert", null, "tok", url, null)));
        assertEquals(List.of("Type", "MessageId", "Token", "TopicArn", "Message", "SubscribeURL", "Timestamp", "SignatureVersion",
                "Signature", "SigningCertURL"), keys(body));
    }

    @Test
    void lambdaEventUsesMixedCaseUrlsNullSubjectAndEmptyAttributes() throws Exception {
        JsonNode event = JSON.readTree(SnsEnvelopes.lambdaEvent(notification(null, Map.of(), null), TOPIC + ":sub"));
        JsonNode record = event.get("Records").get(0);
        assertEquals(List.of("EventSource", "EventVersion", "EventSubscriptionArn", "Sns"), keys(record));
        assertEquals("aws:sns", record.get("EventSource").asText());
        JsonNode sns = record.get("Sns");
        assertEquals(List.of("Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp", "SignatureVersion", "Signature",
                "SigningCertUrl", "UnsubscribeUrl", "MessageAttributes"), keys(sns));
        assertTrue(sns.get("Subject").isNull());
        assertEquals(0, sns.get("MessageAttributes").size());
    }

    @Test
    void emailTexts() {
        String text = SnsEnvelopes.emailText("body", "http://u");
        assertTrue(text.startsWith("body\n\n--\nIf you wish to stop receiving notifications"));
        assertTrue(text.contains("\nhttp://u\n"));
        assertTrue(SnsEnvelopes.confirmationEmailText(TOPIC, "http://c").contains("Confirm subscription: http://c"));
    }
}
