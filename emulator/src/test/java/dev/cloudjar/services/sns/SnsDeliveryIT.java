package dev.cloudjar.services.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.cloudjar.CloudJar;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.sqs.SqsBackend;
import dev.cloudjar.services.sqs.engine.ReceiveRequest;
import dev.cloudjar.services.sqs.engine.ReceivedMessage;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** What subscribers receive: SQS envelopes and raw messages, filters, HTTP(S) with its handshake, the outbox. */
@ExtendWith(CloudJarExtension.class)
class SnsDeliveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Scope SCOPE = new Scope("000000000000", "us-east-1");

    private static String queue(CloudJar cloudJar, String name) {
        Map<String, String> attributes = name.endsWith(".fifo") ? Map.of("FifoQueue", "true") : Map.of();
        return cloudJar.backend(SqsBackend.class).createQueue(SCOPE, name, attributes, Map.of()).arn();
    }

    private static List<ReceivedMessage> receive(CloudJar cloudJar, String queueArn) throws Exception {
        return cloudJar.backend(SqsBackend.class).receiveMessage(SCOPE, queueArn, ReceiveRequest.all(10, null, 0)).get(5, TimeUnit.SECONDS);
    }

    @Test
    void sqsSubscriberGetsAwsEnvelopeBeforePublishReturns(SnsClient sns, CloudJar cloudJar, URI endpoint) throws Exception {
        String topic = sns.createTopic(b -> b.name("envelope")).topicArn();
        String queueArn = queue(cloudJar, "envelope-q");
        String sub = sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn)).subscriptionArn();
        String messageId = sns.publish(b -> b.topicArn(topic).subject("Hello").message("world").messageAttributes(Map.of(
                "attr1", MessageAttributeValue.builder().dataType("Number").stringValue("99.12").build(),
                "attr2", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromByteArray(new byte[] {2, 3, 4})).build())))
                .messageId();
        List<ReceivedMessage> messages = receive(cloudJar, queueArn);
        assertEquals(1, messages.size());
        JsonNode body = JSON.readTree(messages.get(0).body());
        List<String> keys = new ArrayList<>();
        body.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp", "SignatureVersion", "Signature",
                "SigningCertURL", "UnsubscribeURL", "MessageAttributes"), keys);
        assertEquals("Notification", body.get("Type").asText());
        assertEquals(messageId, body.get("MessageId").asText());
        assertEquals(topic, body.get("TopicArn").asText());
        assertEquals("Hello", body.get("Subject").asText());
        assertEquals("world", body.get("Message").asText());
        assertTrue(body.get("Timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertEquals("1", body.get("SignatureVersion").asText());
        assertEquals(endpoint + "/?Action=Unsubscribe&SubscriptionArn=" + sub, body.get("UnsubscribeURL").asText());
        assertEquals("Number", body.at("/MessageAttributes/attr1/Type").asText());
        assertEquals("99.12", body.at("/MessageAttributes/attr1/Value").asText());
        assertEquals("Binary", body.at("/MessageAttributes/attr2/Type").asText());
        assertEquals("AgME", body.at("/MessageAttributes/attr2/Value").asText());
        assertTrue(messages.get(0).messageAttributes() == null || messages.get(0).messageAttributes().isEmpty());

        sns.publish(b -> b.topicArn(topic).message("no subject"));
        JsonNode plain = JSON.readTree(receive(cloudJar, queueArn).get(0).body());
        assertFalse(plain.has("Subject"));
        assertFalse(plain.has("MessageAttributes"));
    }

    @Test
    void rawDeliveryPassesBodyAndAttributes(SnsClient sns, CloudJar cloudJar) throws Exception {
        String topic = sns.createTopic(b -> b.name("raw")).topicArn();
        String queueArn = queue(cloudJar, "raw-q");
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn).attributes(Map.of("RawMessageDelivery", "true")));
        sns.publish(b -> b.topicArn(topic).message("just me").messageAttributes(Map.of(
                "color", MessageAttributeValue.builder().dataType("String").stringValue("red").build())));
        ReceivedMessage message = receive(cloudJar, queueArn).get(0);
        assertEquals("just me", message.body());
        assertEquals("red", message.messageAttributes().get("color").stringValue());
        assertEquals("String", message.messageAttributes().get("color").dataType());
        assertNotNull(message.md5OfMessageAttributes());
    }

    @Test
    void fanOutHonoursFilterPoliciesAndMessageStructure(SnsClient sns, CloudJar cloudJar) throws Exception {
        String topic = sns.createTopic(b -> b.name("HighBalanceAlert")).topicArn();
        String big = queue(cloudJar, "big-balances");
        String all = queue(cloudJar, "all-balances");
        String body = queue(cloudJar, "body-filtered");
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(big).attributes(Map.of(
                "FilterPolicy", "{\"balance\":[{\"numeric\":[\">=\",1000]}]}", "RawMessageDelivery", "true")));
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(all).attributes(Map.of("RawMessageDelivery", "true")));
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(body).attributes(Map.of(
                "FilterPolicyScope", "MessageBody", "FilterPolicy", "{\"account\":{\"tier\":[\"gold\"]}}", "RawMessageDelivery", "true")));
        sns.publish(b -> b.topicArn(topic).message("{\"account\":{\"tier\":\"gold\"}}").messageAttributes(Map.of(
                "balance", MessageAttributeValue.builder().dataType("Number").stringValue("5000").build())));
        sns.publish(b -> b.topicArn(topic).message("{\"account\":{\"tier\":\"basic\"}}").messageAttributes(Map.of(
                "balance", MessageAttributeValue.builder().dataType("Number").stringValue("10").build())));
        assertEquals(List.of("{\"account\":{\"tier\":\"gold\"}}"), bodies(receive(cloudJar, big)));
        assertEquals(2, receive(cloudJar, all).size());
        assertEquals(List.of("{\"account\":{\"tier\":\"gold\"}}"), bodies(receive(cloudJar, body)));

        sns.publish(b -> b.topicArn(topic).messageStructure("json").message("{\"default\":\"for everyone\",\"sqs\":\"for queues\",\"email\":\"mail\"}"));
        assertEquals(List.of("for queues"), bodies(receive(cloudJar, all)));
    }

    private static List<String> bodies(List<ReceivedMessage> messages) {
        List<String> result = new ArrayList<>();
        messages.forEach(m -> result.add(m.body()));
        return result;
    }

    @Test
    void fifoTopicToFifoQueueKeepsGroupAndDeduplicates(SnsClient sns, CloudJar cloudJar) throws Exception {
        String topic = sns.createTopic(b -> b.name("ledger.fifo").attributes(Map.of("FifoTopic", "true", "ContentBasedDeduplication", "true"))).topicArn();
        String queueArn = queue(cloudJar, "ledger-q.fifo");
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn).attributes(Map.of("RawMessageDelivery", "true")));
        sns.publish(b -> b.topicArn(topic).message("one").messageGroupId("g1"));
        sns.publish(b -> b.topicArn(topic).message("one").messageGroupId("g1"));
        sns.publish(b -> b.topicArn(topic).message("two").messageGroupId("g1"));
        List<ReceivedMessage> messages = receive(cloudJar, queueArn);
        assertEquals(List.of("one", "two"), bodies(messages));
        assertEquals("g1", messages.get(0).attributes().get("MessageGroupId"));
    }

    @Test
    void undeliverableMessagesGoToTheRedrivePolicyQueue(SnsClient sns, CloudJar cloudJar) throws Exception {
        String topic = sns.createTopic(b -> b.name("redrive")).topicArn();
        String dlq = queue(cloudJar, "redrive-dlq");
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:000000000000:does-not-exist")
                .attributes(Map.of("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlq + "\"}")));
        sns.publish(b -> b.topicArn(topic).message("lost?"));
        JsonNode body = JSON.readTree(receive(cloudJar, dlq).get(0).body());
        assertEquals("lost?", body.get("Message").asText());
    }

    @Test
    void httpSubscriberConfirmsViaSubscribeUrlAndReceivesNotifications(SnsClient sns, CloudJar cloudJar) throws Exception {
        BlockingQueue<Map<String, String>> received = new LinkedBlockingQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            Map<String, String> request = new java.util.HashMap<>();
            request.put("method", exchange.getRequestMethod());
            request.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            for (String header : List.of("Content-Type", "User-Agent", "x-amz-sns-message-type", "x-amz-sns-message-id",
                    "x-amz-sns-topic-arn", "x-amz-sns-subscription-arn")) {
                request.put(header, exchange.getRequestHeaders().getFirst(header));
            }
            received.add(request);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            String topic = sns.createTopic(b -> b.name("webhooks")).topicArn();
            assertEquals("pending confirmation", sns.subscribe(b -> b.topicArn(topic).protocol("http").endpoint(url)).subscriptionArn());
            sns.publish(b -> b.topicArn(topic).message("too early"));

            Map<String, String> confirmation = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(confirmation, "no SubscriptionConfirmation arrived");
            assertEquals("POST", confirmation.get("method"));
            assertEquals("SubscriptionConfirmation", confirmation.get("x-amz-sns-message-type"));
            assertEquals("text/plain; charset=UTF-8", confirmation.get("Content-Type"));
            assertEquals("Amazon Simple Notification Service Agent", confirmation.get("User-Agent"));
            assertEquals(topic, confirmation.get("x-amz-sns-topic-arn"));
            JsonNode body = JSON.readTree(confirmation.get("body"));
            assertEquals("SubscriptionConfirmation", body.get("Type").asText());
            assertEquals(confirmation.get("x-amz-sns-message-id"), body.get("MessageId").asText());
            assertEquals("You have chosen to subscribe to the topic " + topic
                    + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.", body.get("Message").asText());
            String subscribeUrl = body.get("SubscribeURL").asText();
            assertTrue(subscribeUrl.startsWith(cloudJar.endpoint() + "/?Action=ConfirmSubscription&TopicArn=" + topic + "&Token="));
            assertEquals(body.get("Token").asText(), subscribeUrl.substring(subscribeUrl.indexOf("Token=") + 6));

            HttpResponse<String> confirm = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(subscribeUrl)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, confirm.statusCode());
            assertTrue(confirm.body().contains("<ConfirmSubscriptionResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"));
            String subscriptionArn = confirm.body().replaceAll("(?s).*<SubscriptionArn>(.*)</SubscriptionArn>.*", "$1");
            assertTrue(subscriptionArn.startsWith(topic + ":"));
            Map<String, String> subscriptionAttributes = sns.getSubscriptionAttributes(b -> b.subscriptionArn(subscriptionArn)).attributes();
            assertEquals("false", subscriptionAttributes.get("PendingConfirmation"));
            assertTrue(subscriptionAttributes.get("EffectiveDeliveryPolicy").startsWith("{\"healthyRetryPolicy\""));

            sns.publish(b -> b.topicArn(topic).subject("S").message("after confirmation"));
            Map<String, String> notification = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(notification);
            assertEquals("Notification", notification.get("x-amz-sns-message-type"));
            assertEquals(subscriptionArn, notification.get("x-amz-sns-subscription-arn"));
            JsonNode envelope = JSON.readTree(notification.get("body"));
            assertEquals("after confirmation", envelope.get("Message").asText(), "the message published before confirming must not arrive");
            assertEquals("S", envelope.get("Subject").asText());
            assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(10)));
            assertNull(received.poll());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void httpDeliveryRetriesFailedAttempts(SnsClient sns, CloudJar cloudJar) throws Exception {
        BlockingQueue<String> attempts = new LinkedBlockingQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/flaky", exchange -> {
            String type = exchange.getRequestHeaders().getFirst("x-amz-sns-message-type");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            attempts.add(type);
            boolean fail = type.equals("Notification") && attempts.stream().filter("Notification"::equals).count() < 3;
            if (type.equals("SubscriptionConfirmation")) {
                String url = JSON.readTree(body).get("SubscribeURL").asText();
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
                try {
                    HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            exchange.sendResponseHeaders(fail ? 500 : 200, -1);
            exchange.close();
        });
        server.start();
        try {
            String topic = sns.createTopic(b -> b.name("flaky")).topicArn();
            sns.subscribe(b -> b.topicArn(topic).protocol("http").endpoint("http://127.0.0.1:" + server.getAddress().getPort() + "/flaky"));
            assertEquals("SubscriptionConfirmation", attempts.poll(10, TimeUnit.SECONDS));
            waitUntil(() -> sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions().get(0).subscriptionArn().startsWith(topic));
            sns.publish(b -> b.topicArn(topic).message("eventually"));
            assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(20)));
            List<String> all = new ArrayList<>(attempts);
            assertEquals(List.of("Notification", "Notification", "Notification"), all);
        } finally {
            server.stop(0);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in time");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void outboxIsServedAsJson(SnsClient sns, URI endpoint) throws Exception {
        String topic = sns.createTopic(b -> b.name("outbox-json")).topicArn();
        sns.subscribe(b -> b.topicArn(topic).protocol("sms").endpoint("+15555550142"));
        sns.publish(b -> b.topicArn(topic).message("stock low"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(endpoint + "/_cloudjar/api/outbox")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode match = null;
        for (Iterator<JsonNode> it = JSON.readTree(response.body()).get("messages").elements(); it.hasNext(); ) {
            JsonNode m = it.next();
            if ("+15555550142".equals(m.get("recipient").asText())) {
                match = m;
            }
        }
        assertNotNull(match);
        assertEquals("sms", match.get("protocol").asText());
        assertEquals("stock low", match.get("body").asText());
        assertEquals(topic, match.get("topic").asText());
        assertTrue(match.has("subject") && match.get("subject").isNull(), "an SMS has a null subject");
        assertTrue(match.get("time").asText().endsWith("Z"));
    }
}
