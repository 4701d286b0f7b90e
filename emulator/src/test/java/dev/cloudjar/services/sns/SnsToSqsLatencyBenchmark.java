package dev.cloudjar.services.sns;

import dev.cloudjar.testing.CloudJarExtension;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SNS -> SQS publish-to-receivable latency through both SDKs (not part of the normal runs; its name
 * matches neither *Test nor *IT). Run once with:
 * {@code mvn -B -o -pl emulator verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SnsToSqsLatencyBenchmark -Dfailsafe.failIfNoSpecifiedTests=false}
 */
@ExtendWith(CloudJarExtension.class)
class SnsToSqsLatencyBenchmark {
    @Test
    void publishToReceivable(SnsClient sns, SqsClient sqs) {
        String topic = sns.createTopic(b -> b.name("latency")).topicArn();
        String url = sqs.createQueue(b -> b.queueName("latency-q")).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(arn));
        int warmup = 500;
        int runs = 2000;
        long[] samples = new long[runs];
        for (int i = 0; i < warmup + runs; i++) {
            long start = System.nanoTime();
            sns.publish(b -> b.topicArn(topic).message("m"));
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages();
            long took = System.nanoTime() - start;
            if (messages.isEmpty()) {
                throw new AssertionError("message not receivable right after publish");
            }
            sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(messages.get(0).receiptHandle()));
            if (i >= warmup) {
                samples[i - warmup] = took;
            }
        }
        Arrays.sort(samples);
        System.out.printf("SNS->SQS publish+receive round trip over HTTP: p50 %.2f ms, p99 %.2f ms (%d samples)%n",
                samples[runs / 2] / 1e6, samples[runs * 99 / 100] / 1e6, runs);
    }
}
