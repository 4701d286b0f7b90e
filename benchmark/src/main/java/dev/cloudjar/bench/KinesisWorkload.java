package dev.cloudjar.bench;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Kinesis PutRecord throughput (a 100-byte record, a partition key per thread, four shards) at each
 * thread count, through the SDK's default CBOR protocol; compare with SQS SendMessage of the same body.
 */
public final class KinesisWorkload implements Workload {
    private static final SdkBytes DATA = SdkBytes.fromString(SqsWorkload.BODY, StandardCharsets.UTF_8);

    @Override
    public String group() {
        return "kinesis";
    }

    @Override
    public String title() {
        return "Kinesis PutRecord";
    }

    @Override
    public void run(Target target) {
        String stream = "bench-" + Long.toHexString(System.nanoTime());
        try (KinesisClient kinesis = target.clients().kinesis()) {
            try {
                kinesis.createStream(b -> b.streamName(stream).shardCount(4));
                kinesis.waiter().waitUntilStreamExists(b -> b.streamName(stream));
            } catch (RuntimeException e) {
                target.report().notAvailable("Kinesis CreateStream", LoadRunner.describe(e));
                return;
            }
            try {
                for (int threads : target.options().threads()) {
                    target.measure("PutRecord", threads, (thread, seq) -> kinesis.putRecord(b -> b.streamName(stream)
                            .partitionKey("p" + thread).data(DATA)));
                }
            } finally {
                try {
                    kinesis.deleteStream(b -> b.streamName(stream));
                } catch (RuntimeException ignored) {
                    // cleanup only
                }
            }
        }
    }
}
