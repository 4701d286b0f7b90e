package dev.cloudjar.services.dynamodb.wire;

import static dev.cloudjar.services.dynamodb.wire.JsonInput.intValue;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.string;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.protocol.ContentEncoding;
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.dynamodb.streams.DynamoDbStreamsBackend;
import dev.cloudjar.services.dynamodb.streams.StreamDescriptor;
import dev.cloudjar.services.dynamodb.streams.StreamRecord;

/** DynamoDB Streams over AWS JSON 1.0 ({@code X-Amz-Target: DynamoDBStreams_20120810.*}). */
public final class DynamoDbStreamsApi implements AwsService {
    static final String NAMESPACE = "com.amazonaws.dynamodb.v20120810";
    private final DynamoDbStreamsBackend backend;
    private final OperationTable operations = new OperationTable();

    public DynamoDbStreamsApi(DynamoDbStreamsBackend backend) {
        this.backend = backend;
        operations.register("ListStreams", this::listStreams)
                .register("DescribeStream", this::describeStream)
                .register("GetShardIterator", this::getShardIterator)
                .register("GetRecords", this::getRecords);
    }

    @Override
    public String serviceName() {
        return "dynamodbstreams";
    }

    @Override
    public AwsResponse handle(AwsRequest encoded) {
        AwsRequest request = ContentEncoding.decoded(encoded);
        OperationTable.Operation op = operations.find(request.target());
        if (op == null) {
            return JsonProtocol.unknownOperation(request, NAMESPACE);
        }
        RequestConstraints.STREAMS.check(request.target(), JsonProtocol.readTree(request));
        return op.handle(request);
    }

    @Override
    public AwsResponse error(AwsException error, AwsRequest request) {
        return JsonProtocol.error(error, request, NAMESPACE);
    }

    private AwsResponse listStreams(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        DynamoDbStreamsBackend.StreamList list = backend.listStreams(request.scope(), string(body, "TableName"),
                intValue(body, "Limit"), string(body, "ExclusiveStartStreamArn"));
        return JsonOutput.ok(g -> {
            g.writeArrayFieldStart("Streams");
            for (StreamDescriptor d : list.streams()) {
                g.writeStartObject();
                g.writeStringField("StreamArn", d.streamArn());
                g.writeStringField("TableName", d.tableName());
                g.writeStringField("StreamLabel", d.label());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (list.lastEvaluatedStreamArn() != null) {
                g.writeStringField("LastEvaluatedStreamArn", list.lastEvaluatedStreamArn());
            }
        });
    }

    private AwsResponse describeStream(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        requireArn(string(body, "StreamArn"));
        JsonNode filter = JsonInput.object(body, "ShardFilter");
        String childShardsOf = filter != null && "CHILD_SHARDS".equals(string(filter, "Type"))
                ? java.util.Objects.requireNonNullElse(string(filter, "ShardId"), "") : null;
        DynamoDbStreamsBackend.StreamDescription s = backend.describeStream(request.scope(), string(body, "StreamArn"),
                intValue(body, "Limit"), string(body, "ExclusiveStartShardId"), childShardsOf);
        StreamDescriptor d = s.descriptor();
        return JsonOutput.ok(g -> {
            g.writeObjectFieldStart("StreamDescription");
            g.writeStringField("StreamArn", d.streamArn());
            g.writeStringField("StreamLabel", d.label());
            g.writeStringField("StreamStatus", s.status());
            g.writeStringField("StreamViewType", d.viewType());
            JsonOutput.epochSeconds(g, "CreationRequestDateTime", d.createdMillis());
            g.writeStringField("TableName", d.tableName());
            TableJson.writeKeySchema(g, d.key());
            g.writeArrayFieldStart("Shards");
            if (!s.shardListed()) {
                g.writeEndArray();
                g.writeEndObject();
                return;
            }
            g.writeStartObject();
            g.writeStringField("ShardId", d.shardId());
            g.writeObjectFieldStart("SequenceNumberRange");
            g.writeStringField("StartingSequenceNumber", s.startingSequence());
            if (s.endingSequence() != null) {
                g.writeStringField("EndingSequenceNumber", s.endingSequence());
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private AwsResponse getShardIterator(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        requireArn(string(body, "StreamArn"));
        if (string(body, "ShardId") == null) {
            throw missing("shardId");
        }
        String iterator = backend.getShardIterator(request.scope(), string(body, "StreamArn"), string(body, "ShardId"),
                string(body, "ShardIteratorType"), string(body, "SequenceNumber"));
        return JsonOutput.ok(g -> g.writeStringField("ShardIterator", iterator));
    }

    private AwsResponse getRecords(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        if (string(body, "ShardIterator") == null) {
            throw missing("shardIterator");
        }
        DynamoDbStreamsBackend.RecordsPage page = backend.getRecords(request.scope(), string(body, "ShardIterator"),
                intValue(body, "Limit"));
        return JsonOutput.ok(g -> {
            g.writeArrayFieldStart("Records");
            for (StreamRecord r : page.records()) {
                StreamRecordJson.write(g, r, false);
            }
            g.writeEndArray();
            if (page.nextShardIterator() != null) {
                g.writeStringField("NextShardIterator", page.nextShardIterator());
            }
        });
    }

    private static void requireArn(String arn) {
        if (arn == null) {
            throw missing("streamArn");
        }
    }

    private static AwsException missing(String member) {
        return new AwsException(400, "ValidationException", "1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
    }
}
