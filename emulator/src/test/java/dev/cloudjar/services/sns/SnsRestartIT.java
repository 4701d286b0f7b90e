package dev.cloudjar.services.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.testing.CloudJarExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.Subscription;

/** Topics, subscriptions, attributes and the outbox survive a restart with a data directory. */
class SnsRestartIT {
    @Test
    void stateSurvivesRestart() throws Exception {
        Path dir = Files.createTempDirectory("sns-restart-it");
        CloudJarConfig config = CloudJarConfig.defaults().withPort(0).withDataDir(dir);
        String topic;
        String subscription;
        try (CloudJar first = CloudJar.start(config); SnsClient sns = CloudJarExtension.client(SnsClient.builder(), first).build()) {
            topic = sns.createTopic(b -> b.name("kept").attributes(Map.of("DisplayName", "Kept"))).topicArn();
            subscription = sns.subscribe(b -> b.topicArn(topic).protocol("sms").endpoint("+15555550111")
                    .attributes(Map.of("FilterPolicy", "{\"k\":[\"v\"]}"))).subscriptionArn();
            sns.publish(b -> b.topicArn(topic).message("filtered out"));
            sns.publish(b -> b.topicArn(topic).message("kept message").messageAttributes(Map.of("k",
                    MessageAttributeValue.builder().dataType("String").stringValue("v").build())));
        }
        try (CloudJar second = CloudJar.start(config); SnsClient sns = CloudJarExtension.client(SnsClient.builder(), second).build()) {
            assertEquals("Kept", sns.getTopicAttributes(b -> b.topicArn(topic)).attributes().get("DisplayName"));
            List<Subscription> subscriptions = sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions();
            assertEquals(List.of(subscription), subscriptions.stream().map(Subscription::subscriptionArn).toList());
            assertEquals("{\"k\":[\"v\"]}", sns.getSubscriptionAttributes(b -> b.subscriptionArn(subscription)).attributes().get("FilterPolicy"));
            List<OutboxMessage> outbox = second.backend(SnsBackend.class).outbox();
            assertEquals(List.of("kept message"), outbox.stream().map(OutboxMessage::body).toList());
            sns.publish(b -> b.topicArn(topic).message("after restart").messageAttributes(Map.of("k",
                    MessageAttributeValue.builder().dataType("String").stringValue("v").build())));
            assertTrue(second.backend(SnsBackend.class).outbox().stream().anyMatch(m -> m.body().equals("after restart")));
        }
    }
}
