package dev.cloudjar.services.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.persistence.MapDbStateStore;
import dev.cloudjar.persistence.StateStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The backend without a server: state, restart, deduplication windows, transports, SMTP relay. */
class SnsBackendTest {
    private static final Scope SCOPE = new Scope("000000000000", "us-east-1");

    /** A clock tests move by hand. */
    static final class TestClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final TestClock clock = new TestClock();

    private SnsBackend backend(StateStore store, CloudJarConfig config) {
        EventBus events = new EventBus();
        SnsBackend backend = new SnsBackend(new ServiceContext(config, store, events, clock, IdGenerator.random()));
        closeables.add(backend);
        closeables.add(events);
        return backend;
    }

    private SnsBackend memoryBackend() {
        StateStore store = MapDbStateStore.inMemory();
        closeables.add(store);
        return backend(store, CloudJarConfig.defaults());
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
    }

    private static PublishRequest publish(String topicArn, String message) {
        return new PublishRequest(topicArn, null, null, message, null, null, Map.of(), null, null, "http://localhost:4566");
    }

    @Test
    void stateSurvivesARestartWithADataDirectory() throws Exception {
        Path dir = Files.createTempDirectory("sns-restart");
        String topic;
        String subscription;
        String pendingToken;
        MapDbStateStore first = MapDbStateStore.onDisk(dir);
        SnsBackend before = backend(first, CloudJarConfig.defaults().withDataDir(dir));
        topic = before.createTopic(SCOPE, "durable", Map.of("DisplayName", "D"), List.of(new SnsTag("k", "v")));
        subscription = before.subscribe(SCOPE, new SubscribeRequest(topic, "sms", "+15555550100", Map.of(), false, null));
        before.subscribe(SCOPE, new SubscribeRequest(topic, "email", "a@example.com", Map.of(), false, null));
        pendingToken = before.outbox().get(0).body().replaceAll("(?s).*Token=(\\w+).*", "$1");
        before.publish(SCOPE, publish(topic, "remembered"));
        first.awaitDurable();
        before.close();
        first.close();

        MapDbStateStore second = MapDbStateStore.onDisk(dir);
        closeables.add(second);
        SnsBackend after = backend(second, CloudJarConfig.defaults().withDataDir(dir));
        assertEquals("D", after.getTopicAttributes(SCOPE, topic).get("DisplayName"));
        assertEquals(List.of(new SnsTag("k", "v")), after.listTagsForResource(SCOPE, topic));
        assertEquals("+15555550100", after.getSubscriptionAttributes(SCOPE, subscription).get("Endpoint"));
        assertTrue(after.outbox().stream().anyMatch(m -> m.body().equals("remembered")));
        assertTrue(after.confirmSubscription(SCOPE, topic, pendingToken, null).startsWith(topic + ":"));
        after.publish(SCOPE, publish(topic, "after restart"));
        assertTrue(after.outbox().stream().anyMatch(m -> m.body().equals("after restart")));
    }

    @Test
    void fifoDeduplicationWindowIsFiveMinutesOfTheClock() {
        SnsBackend sns = memoryBackend();
        List<SnsDelivery> delivered = new CopyOnWriteArrayList<>();
        sns.registerTransport("sqs", delivered::add);
        String topic = sns.createTopic(SCOPE, "dedup.fifo", Map.of("FifoTopic", "true", "ContentBasedDeduplication", "true"), List.of());
        sns.subscribe(SCOPE, new SubscribeRequest(topic, "sqs", "arn:aws:sqs:us-east-1:000000000000:q.fifo", Map.of(), false, null));
        PublishRequest request = new PublishRequest(topic, null, null, "same", null, null, Map.of(), "g", null, null);
        PublishResult first = sns.publish(SCOPE, request);
        clock.advance(Duration.ofMinutes(4));
        assertEquals(first, sns.publish(SCOPE, request));
        assertEquals(1, delivered.size());
        clock.advance(Duration.ofMinutes(2));
        PublishResult later = sns.publish(SCOPE, request);
        assertFalse(later.messageId().equals(first.messageId()));
        assertEquals(2, delivered.size());
        SnsDelivery delivery = delivered.get(0);
        assertEquals("g", delivery.messageGroupId());
        assertEquals(64, delivery.messageDeduplicationId().length(), "content-based id is the body's SHA-256");
        assertTrue(delivery.body().contains("\"SequenceNumber\":\"" + first.sequenceNumber() + "\""));
    }

    @Test
    void lambdaSubscribersGetTheEventShapeAndFailingTransportsDoNotFailPublish() {
        SnsBackend sns = memoryBackend();
        List<SnsDelivery> lambda = new CopyOnWriteArrayList<>();
        List<SnsDelivery> sqs = new CopyOnWriteArrayList<>();
        sns.registerTransport("lambda", lambda::add);
        sns.registerTransport("sqs", d -> {
            if (d.endpoint().endsWith(":broken")) {
                throw new AwsException(400, "AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist.");
            }
            sqs.add(d);
        });
        String topic = sns.createTopic(SCOPE, "mixed", Map.of(), List.of());
        String function = "arn:aws:lambda:us-east-1:000000000000:function:f";
        String sub = sns.subscribe(SCOPE, new SubscribeRequest(topic, "lambda", function, Map.of(), false, null));
        sns.subscribe(SCOPE, new SubscribeRequest(topic, "sqs", "arn:aws:sqs:us-east-1:000000000000:broken",
                Map.of("RedrivePolicy", "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:dlq\"}"), false, null));
        sns.publish(SCOPE, publish(topic, "hello"));
        assertEquals(1, lambda.size());
        assertEquals(function, lambda.get(0).endpoint());
        assertTrue(lambda.get(0).body().startsWith("{\"Records\":[{\"EventSource\":\"aws:sns\",\"EventVersion\":\"1.0\",\"EventSubscriptionArn\":\"" + sub + "\""));
        assertTrue(lambda.get(0).body().contains("\"Subject\":null"));
        assertEquals(1, sqs.size());
        assertEquals("arn:aws:sqs:us-east-1:000000000000:dlq", sqs.get(0).endpoint());
    }

    @Test
    void publishWithoutSqsTransportStillSucceeds() {
        SnsBackend sns = memoryBackend();
        String topic = sns.createTopic(SCOPE, "nowhere", Map.of(), List.of());
        sns.subscribe(SCOPE, new SubscribeRequest(topic, "sqs", "arn:aws:sqs:us-east-1:000000000000:q", Map.of(), false, null));
        assertEquals(36, sns.publish(SCOPE, publish(topic, "m")).messageId().length());
    }

    @Test
    void topicOfAnotherRegionIsAnInvalidParameter() {
        SnsBackend sns = memoryBackend();
        AwsException e = assertThrows(AwsException.class,
                () -> sns.getTopicAttributes(SCOPE, "arn:aws:sns:eu-west-1:000000000000:t"));
        assertEquals("Invalid parameter: TopicArn", e.getMessage());
    }

    @Test
    void emailIsRelayedToALoopbackSmtpServer() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> dialogue = CompletableFuture.supplyAsync(() -> fakeSmtp(server));
            StateStore store = MapDbStateStore.inMemory();
            closeables.add(store);
            SnsBackend sns = backend(store, CloudJarConfig.defaults().withSmtp("127.0.0.1:" + server.getLocalPort()));
            String topic = sns.createTopic(SCOPE, "mail", Map.of(), List.of());
            sns.subscribe(SCOPE, new SubscribeRequest(topic, "email", "ops@example.com", Map.of(), false, null));
            List<String> lines = dialogue.get(10, TimeUnit.SECONDS);
            assertTrue(lines.contains("MAIL FROM:<no-reply@sns.amazonaws.com>"), lines.toString());
            assertTrue(lines.contains("RCPT TO:<ops@example.com>"));
            assertTrue(lines.contains("Subject: AWS Notification - Subscription Confirmation"));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("Confirm subscription: http://")));
        }
    }

    @Test
    void nonLoopbackSmtpServersAreRefused() {
        try (EventBus events = new EventBus()) {
            assertEquals(null, SmtpRelay.fromConfig("mail.example.com:25", events, clock));
            assertEquals(null, SmtpRelay.fromConfig("10.0.0.1:25", events, clock));
        }
    }

    private static List<String> fakeSmtp(ServerSocket server) {
        List<String> lines = new ArrayList<>();
        try (Socket socket = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write("220 fake\r\n".getBytes(StandardCharsets.UTF_8));
            boolean data = false;
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                String reply;
                if (data) {
                    if (!line.equals(".")) {
                        continue;
                    }
                    data = false;
                    reply = "250 queued";
                } else if (line.equals("DATA")) {
                    data = true;
                    reply = "354 go";
                } else if (line.equals("QUIT")) {
                    out.write("221 bye\r\n".getBytes(StandardCharsets.UTF_8));
                    break;
                } else {
                    reply = "250 ok";
                }
                out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
        return lines;
    }
}
