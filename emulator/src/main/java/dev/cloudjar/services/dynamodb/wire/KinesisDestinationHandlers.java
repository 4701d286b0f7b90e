package dev.cloudjar.services.dynamodb.wire;

import static dev.cloudjar.services.dynamodb.wire.JsonInput.object;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.string;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.core.Scope;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.dynamodb.DynamoDbBackend;
import dev.cloudjar.services.dynamodb.kinesis.DestinationChange;
import dev.cloudjar.services.dynamodb.kinesis.DestinationsView;
import dev.cloudjar.services.dynamodb.kinesis.KinesisDestination;
import java.io.IOException;

/** Kinesis streaming destinations over JSON 1.0: Enable, Describe, Update and DisableKinesisStreamingDestination. */
final class KinesisDestinationHandlers {
    private static final String PRECISION = "ApproximateCreationDateTimePrecision";
    private final DynamoDbBackend backend;

    KinesisDestinationHandlers(DynamoDbBackend backend) {
        this.backend = backend;
    }

    void register(OperationTable operations) {
        operations.register("EnableKinesisStreamingDestination", this::enable)
                .register("DescribeKinesisStreamingDestination", this::describe)
                .register("UpdateKinesisStreamingDestination", this::update)
                .register("DisableKinesisStreamingDestination", this::disable);
    }

    /** Enable and Update differ only in the operation and the name of their configuration member. */
    @FunctionalInterface
    private interface Change {
        DestinationChange apply(Scope scope, String tableName, String streamArn, String precision);
    }

    private AwsResponse enable(AwsRequest request) {
        return change(request, "EnableKinesisStreamingConfiguration", backend::enableKinesisStreamingDestination);
    }

    private AwsResponse update(AwsRequest request) {
        return change(request, "UpdateKinesisStreamingConfiguration", backend::updateKinesisStreamingDestination);
    }

    private AwsResponse change(AwsRequest request, String configuration, Change operation) {
        JsonNode body = JsonProtocol.readTree(request);
        JsonNode config = object(body, configuration);
        DestinationChange c = operation.apply(request.scope(), ItemJson.requiredTable(body), string(body, "StreamArn"),
                config == null ? null : string(config, PRECISION));
        return JsonOutput.ok(g -> {
            writeChange(g, c);
            g.writeObjectFieldStart(configuration);
            if (c.precision() != null) {
                g.writeStringField(PRECISION, c.precision());
            }
            g.writeEndObject();
        });
    }

    private AwsResponse describe(AwsRequest request) {
        DestinationsView view = backend.describeKinesisStreamingDestination(request.scope(),
                ItemJson.requiredTable(JsonProtocol.readTree(request)));
        return JsonOutput.ok(g -> {
            g.writeStringField("TableName", view.tableName());
            g.writeArrayFieldStart("KinesisDataStreamDestinations");
            for (KinesisDestination d : view.destinations()) {
                g.writeStartObject();
                g.writeStringField("StreamArn", d.streamArn());
                g.writeStringField("DestinationStatus", d.status());
                if (d.statusDescription() != null) {
                    g.writeStringField("DestinationStatusDescription", d.statusDescription());
                }
                if (d.precision() != null) {
                    g.writeStringField(PRECISION, d.precision());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private AwsResponse disable(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        DestinationChange c = backend.disableKinesisStreamingDestination(request.scope(), ItemJson.requiredTable(body),
                string(body, "StreamArn"), object(body, "EnableKinesisStreamingConfiguration") != null);
        return JsonOutput.ok(g -> writeChange(g, c));
    }

    private static void writeChange(JsonGenerator g, DestinationChange c) throws IOException {
        g.writeStringField("TableName", c.tableName());
        g.writeStringField("StreamArn", c.streamArn());
        g.writeStringField("DestinationStatus", c.status());
    }
}
