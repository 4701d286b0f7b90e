package dev.cloudjar.bench;

import software.amazon.awssdk.services.sqs.SqsClient;

/** SQS SendMessage throughput (a 100-byte body) at each thread count. */
public final class SqsWorkload implements Workload {
    static final String BODY = "m".repeat(100);

    @Override
    public String group() {
        return "sqs";
    }

    @Override
    public String title() {
        return "SQS SendMessage";
    }

    @Override
    public void run(Target target) {
        SqsClient sqs = target.clients().sqs();
        String url;
        try {
            url = sqs.createQueue(b -> b.queueName("bench-send-" + Long.toHexString(System.nanoTime()))).queueUrl();
        } catch (RuntimeException e) {
            target.report().notAvailable("SQS CreateQueue", LoadRunner.describe(e));
            return;
        }
        try {
            for (int threads : target.options().threads()) {
                target.measure("SendMessage", threads, (thread, seq) -> sqs.sendMessage(b -> b.queueUrl(url).messageBody(BODY)));
            }
        } finally {
            deleteQueueQuietly(sqs, url);
        }
    }

    static void deleteQueueQuietly(SqsClient sqs, String url) {
        try {
            sqs.deleteQueue(b -> b.queueUrl(url));
        } catch (RuntimeException ignored) {
            // cleanup only
        }
    }
}
