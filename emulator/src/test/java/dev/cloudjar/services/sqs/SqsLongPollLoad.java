package dev.cloudjar.services.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Load test, not part of the normal run (the name matches neither *Test nor *IT). Run it once with:
 * <pre>
 * mvn -B -o -pl emulator verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=SqsLongPollLoad -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 * 1,000 concurrent 20-second ReceiveMessage long polls are parked while 8 producers and 8 consumers
 * run send -> receive -> delete round trips on another queue; then 1,000 messages are sent and every
 * parked poll must return one at once. Prints round-trip throughput and process CPU per message.
 */
@ExtendWith(CloudJarExtension.class)
class SqsLongPollLoad {
    private static final int WAITERS = 1000;
    private static final int THREADS = 8;

    @Test
    void thousandLongPollsAndTrafficAtTheSameTime(SqsClient sqs, CloudJar cloudJar) throws Exception {
        String parked = sqs.createQueue(b -> b.queueName("parked")).queueUrl();
        String busy = sqs.createQueue(b -> b.queueName("busy")).queueUrl();
        try (SqsAsyncClient async = CloudJarExtension.client(SqsAsyncClient.builder(), cloudJar)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(WAITERS + 100)
                        .connectionAcquisitionTimeout(Duration.ofSeconds(60)))
                .build()) {
            List<CompletableFuture<ReceiveMessageResponse>> waits = new ArrayList<>();
            for (int i = 0; i < WAITERS; i++) {
                waits.add(async.receiveMessage(b -> b.queueUrl(parked).waitTimeSeconds(20)));
            }
            Thread.sleep(2000);
            assertTrue(waits.stream().noneMatch(CompletableFuture::isDone), "all polls are parked");

            long cpuBefore = processCpuNanos();
            long start = System.nanoTime();
            AtomicLong roundTrips = new AtomicLong();
            long until = start + TimeUnit.SECONDS.toNanos(5);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS * 2);
            List<Future<?>> workers = new ArrayList<>();
            for (int p = 0; p < THREADS; p++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < until) {
                        sqs.sendMessage(b -> b.queueUrl(busy).messageBody("payload-0123456789"));
                    }
                }));
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < until) {
                        for (Message m : sqs.receiveMessage(b -> b.queueUrl(busy).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                            sqs.deleteMessage(b -> b.queueUrl(busy).receiptHandle(m.receiptHandle()));
                            roundTrips.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMs = (processCpuNanos() - cpuBefore) / 1e6;
            System.out.printf("round trips with %d parked polls: %d in %.1fs = %.0f msg/s, process CPU %.3f ms/msg (client included)%n",
                    WAITERS, roundTrips.get(), seconds, roundTrips.get() / seconds, cpuMs / Math.max(1, roundTrips.get()));
            assertTrue(roundTrips.get() > 0);

            long wake = System.nanoTime();
            for (int i = 0; i < WAITERS; i += 10) {
                int base = i;
                sqs.sendMessageBatch(b -> b.queueUrl(parked).entries(e -> e.id("a").messageBody("m" + base),
                        e -> e.id("b").messageBody("m"), e -> e.id("c").messageBody("m"), e -> e.id("d").messageBody("m"),
                        e -> e.id("e").messageBody("m"), e -> e.id("f").messageBody("m"), e -> e.id("g").messageBody("m"),
                        e -> e.id("h").messageBody("m"), e -> e.id("i").messageBody("m"), e -> e.id("j").messageBody("m")));
            }
            int received = 0;
            for (CompletableFuture<ReceiveMessageResponse> w : waits) {
                received += w.get(10, TimeUnit.SECONDS).messages().size();
            }
            System.out.printf("%d parked polls answered %.0f ms after the sends started%n", WAITERS, (System.nanoTime() - wake) / 1e6);
            assertEquals(WAITERS, received);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
