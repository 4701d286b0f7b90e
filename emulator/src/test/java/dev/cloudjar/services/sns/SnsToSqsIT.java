package dev.cloudjar.services.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.testing.CloudJarExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The bank workshop's fan-out with both real SDK clients: receivable right after Publish returns. */
@ExtendWith(CloudJarExtension.class)
class SnsToSqsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String queueArn(SqsClient sqs, String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    @Test
    void topicFansOutToTwoQueuesEnvelopeAndRaw(SnsClient sns, SqsClient sqs) throws Exception {
        String topic = sns.createTopic(b -> b.name("HighBalanceAlertSdk")).topicArn();
        String envelopeUrl = sqs.createQueue(b -> b.queueName("alerts-envelope")).queueUrl();
        String rawUrl = sqs.createQueue(b -> b.queueName("alerts-raw")).queueUrl();
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn(sqs, envelopeUrl)));
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn(sqs, rawUrl)).attributes(Map.of("RawMessageDelivery", "true")));

        String messageId = sns.publish(b -> b.topicArn(topic).subject("High balance").message("account 7").messageAttributes(Map.of(
                "amount", MessageAttributeValue.builder().dataType("Number").stringValue("1000000").build()))).messageId();

        List<Message> envelope = sqs.receiveMessage(b -> b.queueUrl(envelopeUrl).maxNumberOfMessages(10)).messages();
        assertEquals(1, envelope.size());
        JsonNode body = JSON.readTree(envelope.get(0).body());
        assertEquals(messageId, body.get("MessageId").asText());
        assertEquals("High balance", body.get("Subject").asText());
        assertEquals("account 7", body.get("Message").asText());
        assertEquals("1000000", body.at("/MessageAttributes/amount/Value").asText());
        assertTrue(envelope.get(0).messageAttributes().isEmpty());

        // the SDK checks MD5OfMessageAttributes of the raw message itself
        List<Message> raw = sqs.receiveMessage(b -> b.queueUrl(rawUrl).maxNumberOfMessages(10).messageAttributeNames("All")).messages();
        assertEquals(1, raw.size());
        assertEquals("account 7", raw.get(0).body());
        assertEquals("1000000", raw.get(0).messageAttributes().get("amount").stringValue());
        assertEquals("Number", raw.get(0).messageAttributes().get("amount").dataType());
    }
}
