package dev.cloudjar.integration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.kinesis.KinesisBackend;
import dev.cloudjar.services.kinesis.model.ReadRecord;
import dev.cloudjar.services.kinesis.model.ShardRecord;
import dev.cloudjar.services.kinesis.model.StreamRecord;
import dev.cloudjar.services.lambda.esm.ShardedSource;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * A Kinesis stream as a Lambda event source: shards and records read through the Kinesis backend
 * (never deleting), each record rendered as one entry of AWS's KinesisEvent {@code Records[]}.
 */
public final class KinesisStreamSource implements ShardedSource {
    private static final JsonFactory JSON = new JsonFactory();
    /** Records scanned per read when only one slot's partition keys are wanted. */
    private static final int SCAN = 1000;
    private final Supplier<KinesisBackend> kinesis;

    public KinesisStreamSource(Supplier<KinesisBackend> kinesis) {
        this.kinesis = kinesis;
    }

    @Override
    public boolean exists(Scope scope, String streamArn) {
        return kinesis.get().streamByArn(streamArn) != null;
    }

    @Override
    public List<Shard> shards(String streamArn) {
        StreamRecord stream = kinesis.get().streamByArn(streamArn);
        if (stream == null) {
            return List.of();
        }
        List<Shard> out = new ArrayList<>();
        for (ShardRecord s : stream.shards()) {
            out.add(new Shard(s.shardId(), s.parentShardId(), s.adjacentParentShardId(), !s.open()));
        }
        return out;
    }

    @Override
    public String startingCheckpoint(String streamArn, String shardId, String startingPosition, Instant timestamp) {
        return kinesis.get().checkpointFor(streamArn, shardId, startingPosition, timestamp);
    }

    @Override
    public List<dev.cloudjar.services.lambda.esm.StreamRecord> read(String streamArn, String shardId, String afterSequenceNumber, int max,
                                                                    int slot, int factor) {
        KinesisBackend backend = kinesis.get();
        StreamRecord stream = backend.streamByArn(streamArn);
        if (stream == null) {
            return List.of();
        }
        String from = afterSequenceNumber == null || afterSequenceNumber.isEmpty() ? null : KinesisBackend.after(afterSequenceNumber);
        List<dev.cloudjar.services.lambda.esm.StreamRecord> out = new ArrayList<>();
        while (out.size() < max) {
            List<ReadRecord> page = backend.readShard(streamArn, shardId, from, factor == 1 ? max - out.size() : SCAN);
            for (ReadRecord r : page) {
                if ((factor == 1 || slotOf(r.partitionKey(), factor) == slot) && out.size() < max) {
                    out.add(new dev.cloudjar.services.lambda.esm.StreamRecord(r.sequenceNumber(), r.arrivedAt() / 1000,
                            lambdaJson(stream, shardId, r)));
                }
            }
            if (page.isEmpty() || factor == 1) {
                break;
            }
            from = KinesisBackend.after(page.get(page.size() - 1).sequenceNumber());
        }
        return out;
    }

    @Override
    public long appendVersion(String streamArn) {
        return kinesis.get().appendVersion(streamArn);
    }

    @Override
    public void awaitAppend(String streamArn, long version, long timeoutMillis) throws InterruptedException {
        kinesis.get().awaitAppend(streamArn, version, timeoutMillis);
    }

    private static int slotOf(String partitionKey, int factor) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(partitionKey.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, md5).mod(BigInteger.valueOf(factor)).intValue();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    /** One entry of AWS's KinesisEvent Records[] (aws-lambda-java-events' KinesisEvent binds it). */
    private static String lambdaJson(StreamRecord stream, String shardId, ReadRecord r) {
        StringWriter out = new StringWriter(256 + r.data().length * 4 / 3);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("kinesis");
            g.writeStringField("kinesisSchemaVersion", "1.0");
            g.writeStringField("partitionKey", r.partitionKey());
            g.writeStringField("sequenceNumber", r.sequenceNumber());
            g.writeStringField("data", Base64.getEncoder().encodeToString(r.data()));
            g.writeFieldName("approximateArrivalTimestamp");
            g.writeNumber(BigDecimal.valueOf(r.arrivedAt(), 3));
            g.writeEndObject();
            g.writeStringField("eventSource", "aws:kinesis");
            g.writeStringField("eventVersion", "1.0");
            g.writeStringField("eventID", shardId + ":" + r.sequenceNumber());
            g.writeStringField("eventName", "aws:kinesis:record");
            g.writeStringField("awsRegion", regionOf(stream.streamArn()));
            g.writeStringField("eventSourceARN", stream.streamArn());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String regionOf(String arn) {
        return arn.split(":")[3];
    }
}
