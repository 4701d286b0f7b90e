package dev.cloudjar.services.sns.envelope;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

/**
 * The bodies SNS delivers, byte for byte in AWS's shapes and key orders: the JSON envelope for SQS,
 * HTTP(S) and email-json subscribers (PROTOCOLS 8.2), the Lambda event (8.3, with its mixed-case
 * {@code SigningCertUrl}/{@code UnsubscribeUrl} and {@code Subject: null}) and the email texts.
 */
public final class SnsEnvelopes {
    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private SnsEnvelopes() {
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** Where a subscriber confirms: a plain GET on the emulator, as AWS's SubscribeURL is on AWS. */
    public static String subscribeUrl(String endpoint, String topicArn, String token) {
        return endpoint + "/?Action=ConfirmSubscription&TopicArn=" + topicArn + "&Token=" + token;
    }

    public static String unsubscribeUrl(String endpoint, String subscriptionArn) {
        return endpoint + "/?Action=Unsubscribe&SubscriptionArn=" + subscriptionArn;
    }

    /** AWS's certificate location for the region; CloudJar does not serve a certificate (see SnsBackend). */
    public static String signingCertUrl(String region) {
        return "https://sns." + region + ".amazonaws.com/SimpleNotificationService-cloudjar0000000000000000000000.pem";
    }

    /** The JSON envelope of Notification, SubscriptionConfirmation and UnsubscribeConfirmation messages. */
    public static String envelope(EnvelopeMessage m) {
        StringWriter out = new StringWriter(256 + (m.message() == null ? 0 : m.message().length()));
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("Type", m.type());
            g.writeStringField("MessageId", m.messageId());
            if (m.token() != null) {
                g.writeStringField("Token", m.token());
            }
            if (m.sequenceNumber() != null) {
                g.writeStringField("SequenceNumber", m.sequenceNumber());
            }
            g.writeStringField("TopicArn", m.topicArn());
            if (m.subject() != null) {
                g.writeStringField("Subject", m.subject());
            }
            g.writeStringField("Message", m.message());
            if (m.subscribeUrl() != null) {
                g.writeStringField("SubscribeURL", m.subscribeUrl());
            }
            g.writeStringField("Timestamp", timestamp(m.timestamp()));
            if (m.sequenceNumber() == null) {
                g.writeStringField("SignatureVersion", "1");
                g.writeStringField("Signature", signature(m));
                g.writeStringField("SigningCertURL", m.signingCertUrl());
            }
            if (m.unsubscribeUrl() != null && m.token() == null) {
                g.writeStringField("UnsubscribeURL", m.unsubscribeUrl());
            }
            if (m.attributes() != null && !m.attributes().isEmpty()) {
                g.writeObjectFieldStart("MessageAttributes");
                writeAttributes(g, m.attributes());
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The event a Lambda subscriber receives: one record per invocation. */
    public static String lambdaEvent(EnvelopeMessage m, String subscriptionArn) {
        StringWriter out = new StringWriter(512 + (m.message() == null ? 0 : m.message().length()));
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("Records");
            g.writeStartObject();
            g.writeStringField("EventSource", "aws:sns");
            g.writeStringField("EventVersion", "1.0");
            g.writeStringField("EventSubscriptionArn", subscriptionArn);
            g.writeObjectFieldStart("Sns");
            g.writeStringField("Type", m.type());
            g.writeStringField("MessageId", m.messageId());
            g.writeStringField("TopicArn", m.topicArn());
            g.writeStringField("Subject", m.subject());
            g.writeStringField("Message", m.message());
            g.writeStringField("Timestamp", timestamp(m.timestamp()));
            g.writeStringField("SignatureVersion", "1");
            g.writeStringField("Signature", signature(m));
            g.writeStringField("SigningCertUrl", m.signingCertUrl());
            g.writeStringField("UnsubscribeUrl", m.unsubscribeUrl());
            g.writeObjectFieldStart("MessageAttributes");
            if (m.attributes() != null) {
                writeAttributes(g, m.attributes());
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The text of a notification email: the message, then AWS's unsubscribe footer. */
    public static String emailText(String message, String unsubscribeUrl) {
        return message + "\n\n--\nIf you wish to stop receiving notifications from this topic, please click or visit the link below to unsubscribe:\n"
                + unsubscribeUrl
                + "\n\nPlease do not reply directly to this email. If you have any questions or comments regarding this email, please contact us at https://aws.amazon.com/support";
    }

    /** The text of the email that asks an email subscriber to confirm. */
    public static String confirmationEmailText(String topicArn, String subscribeUrl) {
        return "You have chosen to subscribe to the topic: \n" + topicArn
                + "\n\nTo confirm this subscription, click or visit the link below (If this was in error no action is necessary): \n"
                + "Confirm subscription: " + subscribeUrl
                + "\n\nPlease do not reply directly to this email. If you wish to remove yourself from receiving all future SNS subscription confirmation requests please send an email to sns-opt-out";
    }

    /** AWS's message text in a SubscriptionConfirmation. */
    public static String confirmationMessage(String topicArn) {
        return "You have chosen to subscribe to the topic " + topicArn
                + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.";
    }

    /** AWS's message text in an UnsubscribeConfirmation. */
    public static String unsubscribeMessage(String subscriptionArn) {
        return "You have chosen to deactivate subscription " + subscriptionArn
                + ".\nTo cancel this operation and restore the subscription, visit the SubscribeURL included in this message.";
    }

    private static void writeAttributes(JsonGenerator g, Map<String, EnvelopeMessage.Attribute> attributes) throws IOException {
        for (Map.Entry<String, EnvelopeMessage.Attribute> entry : attributes.entrySet()) {
            g.writeObjectFieldStart(entry.getKey());
            g.writeStringField("Type", entry.getValue().type());
            g.writeStringField("Value", entry.getValue().value());
            g.writeEndObject();
        }
    }

    /**
     * A stand-in signature: the base64 digest of the signed fields. It has AWS's form but cannot be
     * verified against an AWS certificate (CloudJar holds no AWS key).
     */
    private static String signature(EnvelopeMessage m) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(m.messageId().getBytes(StandardCharsets.UTF_8));
            digest.update(m.topicArn().getBytes(StandardCharsets.UTF_8));
            if (m.message() != null) {
                digest.update(m.message().getBytes(StandardCharsets.UTF_8));
            }
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
