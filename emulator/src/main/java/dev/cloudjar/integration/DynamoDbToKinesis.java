package dev.cloudjar.integration;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.services.dynamodb.kinesis.KinesisChange;
import dev.cloudjar.services.dynamodb.kinesis.KinesisDataStreams;
import dev.cloudjar.services.dynamodb.wire.KinesisRecordJson;
import dev.cloudjar.services.kinesis.KinesisBackend;
import dev.cloudjar.services.kinesis.model.PutEntry;
import dev.cloudjar.services.kinesis.model.StreamRecord;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kinesis Data Streams for DynamoDB: a table's item changes put into CloudJar's Kinesis streams as AWS's records. */
public final class DynamoDbToKinesis implements KinesisDataStreams {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbToKinesis.class);
    private final Supplier<KinesisBackend> kinesis;

    public DynamoDbToKinesis(Supplier<KinesisBackend> kinesis) {
        this.kinesis = kinesis;
    }

    @Override
    public String refusal(String streamArn) {
        StreamRecord stream = kinesis.get().streamByArn(streamArn);
        // a consumer's ARN names its stream to the Kinesis backend, but is no stream itself
        if (stream == null || !stream.streamArn().equals(streamArn)) {
            return NO_PERMISSION;
        }
        String status = kinesis.get().status(stream);
        return "ACTIVE".equals(status) || "UPDATING".equals(status) ? null : NO_PERMISSION;
    }

    @Override
    public void put(String streamArn, KinesisChange change) {
        KinesisBackend backend = kinesis.get();
        StreamRecord stream = backend.streamByArn(streamArn);
        if (stream == null || !stream.streamArn().equals(streamArn)) {
            LOG.debug("Kinesis stream {} is gone; a change of table {} is dropped", streamArn, change.tableName());
            return;
        }
        PutEntry entry = new PutEntry(KinesisRecordJson.data(change), KinesisRecordJson.partitionKey(change), null);
        try {
            backend.putRecord(null, new KinesisBackend.StreamRef(null, streamArn), entry, null);
        } catch (AwsException e) {
            LOG.info("Kinesis stream {} refused a change of table {}: {} {}", streamArn, change.tableName(), e.code(), e.getMessage());
        }
    }
}
