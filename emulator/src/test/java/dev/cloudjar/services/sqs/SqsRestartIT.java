package dev.cloudjar.services.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.testing.CloudJarExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Queues and acknowledged messages survive a restart with a data directory; in-flight ones stay in flight. */
class SqsRestartIT {

    @Test
    void queuesAndMessagesSurviveARestart(@TempDir Path dir) {
        CloudJarConfig config = CloudJarConfig.defaults().withPort(0).withDataDir(dir);
        String url;
        try (CloudJar first = CloudJar.start(config); SqsClient sqs = CloudJarExtension.client(SqsClient.builder(), first).build()) {
            url = sqs.createQueue(b -> b.queueName("durable").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "600"))).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("first"));
            sqs.receiveMessage(b -> b.queueUrl(url));
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("second"));
        }
        try (CloudJar second = CloudJar.start(config); SqsClient sqs = CloudJarExtension.client(SqsClient.builder(), second).build()) {
            String again = sqs.getQueueUrl(b -> b.queueName("durable")).queueUrl();
            Map<String, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(again).attributeNames(QueueAttributeName.ALL))
                    .attributesAsStrings();
            assertEquals("600", attributes.get("VisibilityTimeout"));
            assertEquals("1", attributes.get("ApproximateNumberOfMessages"));
            assertEquals("1", attributes.get("ApproximateNumberOfMessagesNotVisible"));
            List<Message> got = sqs.receiveMessage(b -> b.queueUrl(again).maxNumberOfMessages(10)).messages();
            assertEquals(List.of("second"), got.stream().map(Message::body).toList());
        }
    }
}
