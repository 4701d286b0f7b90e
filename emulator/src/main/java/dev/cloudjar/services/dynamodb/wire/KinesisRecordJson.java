package dev.cloudjar.services.dynamodb.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cloudjar.services.dynamodb.kinesis.KinesisChange;
import dev.cloudjar.services.dynamodb.model.AttributeValues;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The data of a Kinesis record that Kinesis Data Streams for DynamoDB writes: AWS's JSON
 * ({@code awsRegion}, {@code eventID}, {@code eventName}, {@code userIdentity}, {@code recordFormat},
 * {@code tableName}, {@code dynamodb} with both images, {@code eventSource}), and the record's partition key.
 */
public final class KinesisRecordJson {
    private KinesisRecordJson() {
    }

    /** The record's data, UTF-8 JSON. */
    public static byte[] data(KinesisChange c) {
        return JsonOutput.render(g -> {
            g.writeStringField("awsRegion", c.awsRegion());
            g.writeStringField("eventID", c.eventId());
            g.writeStringField("eventName", c.eventName());
            if (c.ttlDelete()) {
                g.writeObjectFieldStart("userIdentity");
                g.writeStringField("type", "Service");
                g.writeStringField("principalId", "dynamodb.amazonaws.com");
                g.writeEndObject();
            } else {
                g.writeNullField("userIdentity");
            }
            g.writeStringField("recordFormat", "application/json");
            g.writeStringField("tableName", c.tableName());
            g.writeObjectFieldStart("dynamodb");
            g.writeNumberField("ApproximateCreationDateTime", c.approximateCreationDateTime());
            g.writeStringField("ApproximateCreationDateTimePrecision", c.precision());
            writeKeys(g, c);
            StreamRecordJson.writeImages(g, c.newImage(), c.oldImage());
            g.writeNumberField("SizeBytes", c.sizeBytes());
            g.writeEndObject();
            g.writeStringField("eventSource", "aws:dynamodb");
        });
    }

    /**
     * The partition key: the upper-case hex MD5 of the item's key as JSON, so every change of one item
     * lands in the same shard, in order (AWS's keys look alike: 32 hex digits).
     */
    public static String partitionKey(KinesisChange c) {
        byte[] keys = JsonOutput.render(g -> writeKeys(g, c));
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(keys));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    private static void writeKeys(JsonGenerator g, KinesisChange c) throws IOException {
        g.writeFieldName("Keys");
        AttributeValues.writeItem(g, c.keys());
    }
}
