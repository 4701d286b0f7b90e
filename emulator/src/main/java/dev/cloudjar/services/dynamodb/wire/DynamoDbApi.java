package dev.cloudjar.services.dynamodb.wire;

import static dev.cloudjar.services.dynamodb.wire.JsonInput.bool;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.intValue;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.list;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.object;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.string;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.protocol.ContentEncoding;
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.dynamodb.DynamoDbBackend;
import dev.cloudjar.services.dynamodb.model.AttributeValues;
import dev.cloudjar.services.dynamodb.table.TableDescription;
import dev.cloudjar.services.dynamodb.table.TableNamesPage;
import dev.cloudjar.services.dynamodb.table.TagsPage;
import dev.cloudjar.services.dynamodb.table.TimeToLive;
import dev.cloudjar.services.dynamodb.transactions.CancellationReason;
import dev.cloudjar.services.dynamodb.transactions.TransactionCanceled;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DynamoDB over AWS JSON 1.0 ({@code X-Amz-Target: DynamoDB_20120810.*}): dispatch, tables, TTL, tags, limits. */
public final class DynamoDbApi implements AwsService {
    static final String NAMESPACE = "com.amazonaws.dynamodb.v20120810";
    /** DynamoDB's request size limit (the documented 16 MB of BatchWriteItem and of every request). */
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    private final DynamoDbBackend backend;
    private final OperationTable operations = new OperationTable();

    public DynamoDbApi(DynamoDbBackend backend) {
        this.backend = backend;
        ItemHandlers items = new ItemHandlers(backend);
        operations.register("CreateTable", this::createTable)
                .register("DescribeTable", this::describeTable)
                .register("UpdateTable", this::updateTable)
                .register("DeleteTable", this::deleteTable)
                .register("ListTables", this::listTables)
                .register("UpdateTimeToLive", this::updateTimeToLive)
                .register("DescribeTimeToLive", this::describeTimeToLive)
                .register("TagResource", this::tagResource)
                .register("UntagResource", this::untagResource)
                .register("ListTagsOfResource", this::listTagsOfResource)
                .register("DescribeEndpoints", this::describeEndpoints)
                .register("DescribeLimits", this::describeLimits);
        items.register(operations);
        new PartiQLHandlers(backend).register(operations);
        new BackupHandlers(backend).register(operations);
        new ExportHandlers(backend).register(operations);
        new ContributorInsightsHandlers(backend).register(operations);
        new GlobalTableHandlers(backend).register(operations);
        new KinesisDestinationHandlers(backend).register(operations);
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public AwsResponse handle(AwsRequest encoded) {
        if (encoded.contentLength() > MAX_REQUEST_BYTES) {
            throw requestTooLarge();
        }
        AwsRequest request = ContentEncoding.decoded(encoded);
        if (request.bodyBytes().length > MAX_REQUEST_BYTES) {
            throw requestTooLarge();
        }
        OperationTable.Operation op = operations.find(request.target());
        if (op == null) {
            return JsonProtocol.unknownOperation(request, NAMESPACE);
        }
        RequestConstraints.DYNAMODB.check(request.target(), JsonProtocol.readTree(request));
        return op.handle(request);
    }

    private static AwsException requestTooLarge() {
        return new AwsException(413, "RequestEntityTooLarge", "Request body is larger than " + MAX_REQUEST_BYTES + " bytes");
    }

    @Override
    public AwsResponse error(AwsException error, AwsRequest request) {
        if (error instanceof TransactionCanceled canceled && !error.details().containsKey("CancellationReasons")) {
            ArrayNode reasons = JsonProtocol.MAPPER.createArrayNode();
            for (CancellationReason r : canceled.reasons()) {
                ObjectNode node = reasons.addObject();
                if (r.item() != null) {
                    node.set("Item", AttributeValues.itemToJson(r.item()));
                }
                node.put("Code", r.code());
                if (r.message() != null) {
                    node.put("Message", r.message());
                }
            }
            error.with("CancellationReasons", reasons);
        }
        return JsonProtocol.error(error, request, NAMESPACE);
    }

    private AwsResponse createTable(AwsRequest request) {
        TableDescription t = backend.createTable(request.scope(), TableJson.createTable(JsonProtocol.readTree(request)));
        return JsonOutput.ok(g -> TableJson.writeDescription(g, "TableDescription", t));
    }

    private AwsResponse describeTable(AwsRequest request) {
        TableDescription t = backend.describeTable(request.scope(), ItemJson.requiredTable(JsonProtocol.readTree(request)));
        return JsonOutput.ok(g -> TableJson.writeDescription(g, "Table", t));
    }

    private AwsResponse updateTable(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        ItemJson.requiredTable(body);
        TableDescription t = backend.updateTable(request.scope(), TableJson.updateTable(body), TableJson.replicaUpdates(body));
        return JsonOutput.ok(g -> TableJson.writeDescription(g, "TableDescription", t));
    }

    private AwsResponse deleteTable(AwsRequest request) {
        TableDescription t = backend.deleteTable(request.scope(), ItemJson.requiredTable(JsonProtocol.readTree(request)));
        return JsonOutput.ok(g -> TableJson.writeDescription(g, "TableDescription", t));
    }

    private AwsResponse listTables(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        TableNamesPage page = backend.listTables(request.scope(), intValue(body, "Limit"),
                string(body, "ExclusiveStartTableName"));
        return JsonOutput.ok(g -> {
            g.writeArrayFieldStart("TableNames");
            for (String name : page.names()) {
                g.writeString(name);
            }
            g.writeEndArray();
            if (page.lastEvaluatedTableName() != null) {
                g.writeStringField("LastEvaluatedTableName", page.lastEvaluatedTableName());
            }
        });
    }

    private AwsResponse updateTimeToLive(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        String table = ItemJson.requiredTable(body);
        JsonNode spec = object(body, "TimeToLiveSpecification");
        if (spec == null) {
            throw ItemJson.missing("timeToLiveSpecification");
        }
        TimeToLive result = backend.updateTimeToLive(request.scope(), table, bool(spec, "Enabled"), string(spec, "AttributeName"));
        return JsonOutput.ok(g -> {
            g.writeObjectFieldStart("TimeToLiveSpecification");
            g.writeBooleanField("Enabled", result.enabled());
            g.writeStringField("AttributeName", result.attributeName());
            g.writeEndObject();
        });
    }

    private AwsResponse describeTimeToLive(AwsRequest request) {
        TimeToLive result = backend.describeTimeToLive(request.scope(), ItemJson.requiredTable(JsonProtocol.readTree(request)));
        return JsonOutput.ok(g -> {
            g.writeObjectFieldStart("TimeToLiveDescription");
            g.writeStringField("TimeToLiveStatus", result.status());
            if (result.attributeName() != null) {
                g.writeStringField("AttributeName", result.attributeName());
            }
            g.writeEndObject();
        });
    }

    private AwsResponse tagResource(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        Map<String, String> tags = new LinkedHashMap<>();
        List<Map.Entry<String, String>> list = list(body, "Tags", t -> Map.entry(String.valueOf(string(t, "Key")),
                String.valueOf(string(t, "Value"))));
        if (list != null) {
            list.forEach(e -> tags.put(e.getKey(), e.getValue()));
        }
        backend.tagResource(request.scope(), requiredArn(body), tags);
        return JsonOutput.empty();
    }

    private AwsResponse untagResource(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        backend.untagResource(request.scope(), requiredArn(body), strings(body, "TagKeys"));
        return JsonOutput.empty();
    }

    private AwsResponse listTagsOfResource(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        TagsPage page = backend.listTagsOfResource(request.scope(), requiredArn(body),
                string(body, "NextToken"));
        return JsonOutput.ok(g -> {
            g.writeArrayFieldStart("Tags");
            for (Map.Entry<String, String> e : page.tags().entrySet()) {
                g.writeStartObject();
                g.writeStringField("Key", e.getKey());
                g.writeStringField("Value", e.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (page.nextToken() != null) {
                g.writeStringField("NextToken", page.nextToken());
            }
        });
    }

    private static String requiredArn(JsonNode body) {
        String arn = string(body, "ResourceArn");
        if (arn == null) {
            throw ItemJson.missing("resourceArn");
        }
        return arn;
    }

    private AwsResponse describeEndpoints(AwsRequest request) {
        String region = request.scope().region();
        return JsonOutput.ok(g -> {
            g.writeArrayFieldStart("Endpoints");
            g.writeStartObject();
            g.writeStringField("Address", "dynamodb." + region + ".amazonaws.com");
            g.writeNumberField("CachePeriodInMinutes", 1440);
            g.writeEndObject();
            g.writeEndArray();
        });
    }

    private AwsResponse describeLimits(AwsRequest request) {
        return JsonOutput.ok(g -> {
            g.writeNumberField("AccountMaxReadCapacityUnits", 80000);
            g.writeNumberField("AccountMaxWriteCapacityUnits", 80000);
            g.writeNumberField("TableMaxReadCapacityUnits", 40000);
            g.writeNumberField("TableMaxWriteCapacityUnits", 40000);
        });
    }
}
