package dev.cloudjar.integration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.dynamodb.streams.DynamoDbStreamsBackend;
import dev.cloudjar.services.dynamodb.wire.StreamRecordJson;
import dev.cloudjar.services.lambda.esm.StreamRecord;
import dev.cloudjar.services.lambda.esm.StreamSource;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A DynamoDB stream as a Lambda event source: reads records after a checkpoint through the Streams
 * backend's reader (never deleting) and waits on appends instead of polling.
 */
public final class DynamoDbStreamSource implements StreamSource {
    private static final JsonFactory JSON = new JsonFactory();
    private final Supplier<DynamoDbStreamsBackend> streams;

    public DynamoDbStreamSource(Supplier<DynamoDbStreamsBackend> streams) {
        this.streams = streams;
    }

    @Override
    public boolean exists(Scope scope, String streamArn) {
        return !streams.get().shardIds(streamArn).isEmpty();
    }

    @Override
    public String startingCheckpoint(Scope scope, String streamArn, String startingPosition, Instant timestamp) {
        DynamoDbStreamsBackend backend = streams.get();
        if ("LATEST".equals(startingPosition)) {
            String latest = backend.latestSequence(streamArn);
            return latest == null ? "" : latest;
        }
        if ("AT_TIMESTAMP".equals(startingPosition) && timestamp != null) {
            String checkpoint = "";
            long seconds = timestamp.getEpochSecond();
            String shard = backend.shardIds(streamArn).get(0);
            List<dev.cloudjar.services.dynamodb.streams.StreamRecord> page;
            do {
                page = backend.read(streamArn, shard, checkpoint.isEmpty() ? null : checkpoint, 1000);
                for (dev.cloudjar.services.dynamodb.streams.StreamRecord r : page) {
                    if (r.approximateCreationSeconds() >= seconds) {
                        return checkpoint;
                    }
                    checkpoint = r.sequenceNumber();
                }
            } while (!page.isEmpty());
            return checkpoint;
        }
        return "";
    }

    @Override
    public List<StreamRecord> read(Scope scope, String streamArn, String afterSequenceNumber, int max) {
        DynamoDbStreamsBackend backend = streams.get();
        List<String> shards = backend.shardIds(streamArn);
        if (shards.isEmpty()) {
            return List.of();
        }
        String after = afterSequenceNumber == null || afterSequenceNumber.isEmpty() ? null : afterSequenceNumber;
        List<dev.cloudjar.services.dynamodb.streams.StreamRecord> records = backend.read(streamArn, shards.get(0), after, max);
        List<StreamRecord> result = new ArrayList<>(records.size());
        for (dev.cloudjar.services.dynamodb.streams.StreamRecord r : records) {
            result.add(new StreamRecord(r.sequenceNumber(), r.approximateCreationSeconds(), lambdaJson(r)));
        }
        return result;
    }

    @Override
    public boolean awaitRecords(Scope scope, String streamArn, String afterSequenceNumber, Duration timeout) throws InterruptedException {
        String after = afterSequenceNumber == null || afterSequenceNumber.isEmpty() ? null : afterSequenceNumber;
        return streams.get().awaitAppend(streamArn, after, timeout);
    }

    private static String lambdaJson(dev.cloudjar.services.dynamodb.streams.StreamRecord record) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            StreamRecordJson.write(g, record, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
