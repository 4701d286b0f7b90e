package dev.cloudjar.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SNS -> SQS publish-to-receivable latency: one message at a time is published to a topic with an SQS
 * subscription (raw delivery); a consumer thread long-polls the queue and timestamps each arrival.
 * Latency = arrival - moment just before Publish was called, so it includes the Publish round trip.
 */
public final class SnsToSqsWorkload implements Workload {
    private static final String MARK = "bench-seq=";

    @Override
    public String group() {
        return "sns";
    }

    @Override
    public boolean supportedBy(Target target) {
        return target.speaks("sns") && target.speaks("sqs");
    }

    @Override
    public boolean comparesToNoop() {
        return false; // messages/s and latencies of a pipeline, not calls comparable with one no-op call
    }

    @Override
    public String title() {
        return "SNS -> SQS publish-to-receivable latency";
    }

    @Override
    public void run(Target target) {
        SnsClient sns = target.clients().sns();
        SqsClient sqs = target.clients().sqs();
        String suffix = Long.toHexString(System.nanoTime());
        String topicArn;
        String queueUrl;
        try {
            topicArn = sns.createTopic(b -> b.name("bench-topic-" + suffix)).topicArn();
            queueUrl = sqs.createQueue(b -> b.queueName("bench-fanout-" + suffix)).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"sns.amazonaws.com\"},"
                    + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn + "\",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\""
                    + topicArn + "\"}}}]}";
            sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY, policy)));
            sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                    .attributes(Map.of("RawMessageDelivery", "true")));
        } catch (RuntimeException e) {
            target.report().notAvailable("SNS -> SQS setup", LoadRunner.describe(e));
            return;
        }
        try {
            measure(target, sns, sqs, topicArn, queueUrl);
        } finally {
            SqsWorkload.deleteQueueQuietly(sqs, queueUrl);
            try {
                sns.deleteTopic(b -> b.topicArn(topicArn));
            } catch (RuntimeException ignored) {
                // cleanup only
            }
        }
    }

    private void measure(Target target, SnsClient sns, SqsClient sqs, String topicArn, String queueUrl) {
        int count = (int) Math.max(20, Math.min(500, target.options().ops() / 10));
        Map<Long, Long> publishedAt = new ConcurrentHashMap<>();
        Map<Long, Long> arrivedAt = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<String> receiveError = new AtomicReference<>();
        Thread consumer = new Thread(() -> {
            while (!stop.get()) {
                try {
                    // no DeleteMessage: it would delay the next receive (and so the next latency); a 12-hour
                    // visibility timeout keeps received messages away until the queue is deleted
                    List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                            .waitTimeSeconds(1).visibilityTimeout(43_200)).messages();
                    long now = System.nanoTime();
                    for (Message message : messages) {
                        Long seq = sequenceOf(message.body());
                        if (seq != null) {
                            arrivedAt.putIfAbsent(seq, now);
                            synchronized (arrivedAt) {
                                arrivedAt.notifyAll();
                            }
                        }
                    }
                } catch (RuntimeException e) {
                    receiveError.compareAndSet(null, LoadRunner.describe(e));
                    ServerProcess.sleepMillis(100);
                }
            }
        }, "sns-consumer");
        consumer.start();
        LatencyRecorder latencies = new LatencyRecorder();
        long lost = 0;
        long errors = 0;
        String firstError = null;
        long cpu0 = target.serverCpuMillis();
        long t0 = System.nanoTime();
        long deadline = t0 + target.options().timeLimit().toNanos();
        try {
            for (long seq = 0; seq < count && System.nanoTime() < deadline; seq++) {
                long id = seq;
                long sentAt = System.nanoTime();
                publishedAt.put(id, sentAt);
                try {
                    sns.publish(b -> b.topicArn(topicArn).message(MARK + id + ";"));
                } catch (RuntimeException e) {
                    errors++;
                    firstError = firstError == null ? LoadRunner.describe(e) : firstError;
                    if (errors >= 5 && latencies.count() == 0) {
                        break;
                    }
                    continue;
                }
                awaitArrival(arrivedAt, id, sentAt + TimeUnit.SECONDS.toNanos(5));
                Long arrived = arrivedAt.get(id);
                if (arrived == null) {
                    lost++;
                } else {
                    latencies.record(arrived - sentAt);
                }
            }
        } finally {
            stop.set(true);
            try {
                consumer.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long elapsed = System.nanoTime() - t0;
        long cpu = cpu0 < 0 ? -1 : target.serverCpuMillis() - cpu0;
        if (firstError == null && receiveError.get() != null) {
            firstError = "receive: " + receiveError.get();
        }
        Measurement m = new Measurement("publish -> receivable", 1, latencies.count(), errors + lost, elapsed,
                latencies.p50(), latencies.p99(), cpu, lost > 0 ? lost + " not received within 5 s" + (firstError == null ? "" : "; " + firstError) : firstError);
        target.show(m, false);
        target.report().note("(srv CPU/op here is per message: its Publish, the SQS delivery and the ReceiveMessage calls)");
    }

    /** Blocks (without spinning: the server needs the cores) until the message arrived or the deadline. */
    private static void awaitArrival(Map<Long, Long> arrivedAt, long id, long deadlineNanos) {
        synchronized (arrivedAt) {
            while (!arrivedAt.containsKey(id)) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(arrivedAt, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Long sequenceOf(String body) {
        int at = body.indexOf(MARK);
        if (at < 0) {
            return null;
        }
        int end = body.indexOf(';', at);
        try {
            return Long.parseLong(body.substring(at + MARK.length(), end));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
