package dev.cloudjar.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Send -> receive -> delete, N producers and N consumers on one queue, in messages per second from
 * the first send to the last delete. Single mode: SendMessage, ReceiveMessage (up to 10, long poll
 * 1 s), DeleteMessage per message. Batch mode: SendMessageBatch of 10, ReceiveMessage of 10,
 * DeleteMessageBatch. The latency columns are per receive->delete cycle of a consumer.
 */
public final class SqsRoundTripWorkload implements Workload {
    @Override
    public String group() {
        return "sqs";
    }

    @Override
    public boolean comparesToNoop() {
        return false; // messages/s and latencies of a pipeline, not calls comparable with one no-op call
    }

    @Override
    public String title() {
        return "SQS send -> receive -> delete round trip (messages/s)";
    }

    @Override
    public void run(Target target) {
        // unrecorded warm-up of receive and delete (SendMessage was warmed by the previous workload)
        int maxThreads = target.options().threads().stream().max(Integer::compare).orElse(1);
        if (!roundTrip(target, maxThreads, true, Math.max(10, Math.min(1000, target.options().ops() / 10)), false)) {
            return; // the server cannot even create a queue: one "not available" line is enough
        }
        for (boolean batch : new boolean[] {false, true}) {
            for (int threads : target.options().threads()) {
                if (!roundTrip(target, threads, batch, target.options().ops(), true)) {
                    return; // the server cannot even create a queue: one "not available" line is enough
                }
            }
        }
    }

    /** Runs one round-trip measurement; false when the queue could not be created. */
    private boolean roundTrip(Target target, int threads, boolean batch, long total, boolean print) {
        SqsClient sqs = target.clients().sqs();
        String label = (batch ? "round trip, batches of 10" : "round trip, single") + " (" + threads + "p+" + threads + "c)";
        String url;
        try {
            url = sqs.createQueue(b -> b.queueName("bench-rt-" + Long.toHexString(System.nanoTime()))).queueUrl();
        } catch (RuntimeException e) {
            target.report().notAvailable("SQS CreateQueue", LoadRunner.describe(e));
            return false;
        }
        try {
            long deadline = System.nanoTime() + target.options().timeLimit().toNanos();
            AtomicLong sent = new AtomicLong();
            AtomicLong deleted = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            AtomicLong lastDeleteAt = new AtomicLong(); // idle consumers may still be in a long poll after it
            AtomicReference<String> firstError = new AtomicReference<>();
            List<LatencyRecorder> recorders = new ArrayList<>();
            List<Thread> workers = new ArrayList<>();
            long cpu0 = target.serverCpuMillis();
            long client0 = ProcessCpu.cpuMillis(LoadRunner.SELF);
            long t0 = System.nanoTime();
            for (int p = 0; p < threads; p++) {
                workers.add(start("producer-" + p, () -> {
                    int step = batch ? 10 : 1;
                    while (System.nanoTime() < deadline && errors.get() < 50) {
                        long first = sent.getAndAdd(step);
                        if (first >= total) {
                            return;
                        }
                        try {
                            if (batch) {
                                List<SendMessageBatchRequestEntry> entries = new ArrayList<>(10);
                                for (int i = 0; i < 10; i++) {
                                    entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(SqsWorkload.BODY).build());
                                }
                                sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
                            } else {
                                sqs.sendMessage(b -> b.queueUrl(url).messageBody(SqsWorkload.BODY));
                            }
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, LoadRunner.describe(e));
                        }
                    }
                }));
            }
            long expected = (total + (batch ? 9 : 0)) / (batch ? 10 : 1) * (batch ? 10 : 1);
            for (int c = 0; c < threads; c++) {
                LatencyRecorder recorder = new LatencyRecorder();
                recorders.add(recorder);
                workers.add(start("consumer-" + c, () -> {
                    while (deleted.get() < expected && System.nanoTime() < deadline && errors.get() < 50) {
                        long c0 = System.nanoTime();
                        try {
                            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
                            if (messages.isEmpty()) {
                                continue;
                            }
                            if (batch) {
                                List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(messages.size());
                                for (int i = 0; i < messages.size(); i++) {
                                    entries.add(DeleteMessageBatchRequestEntry.builder().id("d" + i).receiptHandle(messages.get(i).receiptHandle()).build());
                                }
                                sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(entries));
                            } else {
                                for (Message message : messages) {
                                    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
                                }
                            }
                            if (deleted.addAndGet(messages.size()) >= expected) {
                                lastDeleteAt.compareAndSet(0, System.nanoTime());
                            }
                            recorder.record(System.nanoTime() - c0);
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, LoadRunner.describe(e));
                        }
                    }
                }));
            }
            for (Thread worker : workers) {
                join(worker);
            }
            long elapsed = (lastDeleteAt.get() != 0 ? lastDeleteAt.get() : System.nanoTime()) - t0;
            long cpu = cpu0 < 0 ? -1 : target.serverCpuMillis() - cpu0;
            LatencyRecorder all = LatencyRecorder.merge(recorders);
            Measurement m = new Measurement(label, threads, deleted.get(), errors.get(), elapsed, all.p50(), all.p99(), cpu, firstError.get(),
                    client0 < 0 ? -1 : ProcessCpu.cpuMillis(LoadRunner.SELF) - client0);
            if (!print) {
                return true;
            }
            target.show(m, false);
            if (deleted.get() < expected && !m.failedEntirely()) {
                target.report().note(String.format(Locale.ROOT, "   stopped by the time limit: %d of %d messages deleted", deleted.get(), expected));
            }
        } finally {
            SqsWorkload.deleteQueueQuietly(sqs, url);
        }
        return true;
    }

    private static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, "sqs-" + name);
        thread.start();
        return thread;
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
