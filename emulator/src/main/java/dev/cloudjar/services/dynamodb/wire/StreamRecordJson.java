package dev.cloudjar.services.dynamodb.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.AttributeValues;
import dev.cloudjar.services.dynamodb.streams.StreamRecord;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A stream record's JSON. The Streams API and the Lambda event differ only in the casing of
 * {@code userIdentity} (model names {@code PrincipalId}/{@code Type} vs {@code principalId}/{@code type})
 * and in the Lambda event's {@code eventSourceARN}; {@code forLambda} selects the Lambda form.
 */
public final class StreamRecordJson {
    private StreamRecordJson() {
    }

    /** The event a Lambda function receives from a DynamoDB stream: {@code {"Records":[...]}} in the Lambda form. */
    public static byte[] lambdaEvent(List<StreamRecord> records) {
        return JsonOutput.render(g -> {
            g.writeArrayFieldStart("Records");
            for (StreamRecord r : records) {
                write(g, r, true);
            }
            g.writeEndArray();
        });
    }

    /** {@code NewImage} and {@code OldImage}, each where the record has it. */
    static void writeImages(JsonGenerator g, Map<String, AttributeValue> newImage, Map<String, AttributeValue> oldImage) throws IOException {
        if (newImage != null) {
            g.writeFieldName("NewImage");
            AttributeValues.writeItem(g, newImage);
        }
        if (oldImage != null) {
            g.writeFieldName("OldImage");
            AttributeValues.writeItem(g, oldImage);
        }
    }

    public static void write(JsonGenerator g, StreamRecord r, boolean forLambda) throws IOException {
        g.writeStartObject();
        g.writeStringField("eventID", r.eventId());
        g.writeStringField("eventName", r.eventName());
        g.writeStringField("eventVersion", "1.1");
        g.writeStringField("eventSource", "aws:dynamodb");
        g.writeStringField("awsRegion", r.awsRegion());
        g.writeObjectFieldStart("dynamodb");
        g.writeNumberField("ApproximateCreationDateTime", r.approximateCreationSeconds());
        g.writeFieldName("Keys");
        AttributeValues.writeItem(g, r.keys());
        writeImages(g, r.newImage(), r.oldImage());
        g.writeStringField("SequenceNumber", r.sequenceNumber());
        g.writeNumberField("SizeBytes", r.sizeBytes());
        g.writeStringField("StreamViewType", r.streamViewType());
        g.writeEndObject();
        if (r.ttlDelete()) {
            g.writeObjectFieldStart("userIdentity");
            g.writeStringField(forLambda ? "type" : "Type", "Service");
            g.writeStringField(forLambda ? "principalId" : "PrincipalId", "dynamodb.amazonaws.com");
            g.writeEndObject();
        }
        if (forLambda) {
            g.writeStringField("eventSourceARN", r.streamArn());
        }
        g.writeEndObject();
    }
}
