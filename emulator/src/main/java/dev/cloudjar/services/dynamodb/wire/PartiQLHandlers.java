package dev.cloudjar.services.dynamodb.wire;

import static dev.cloudjar.services.dynamodb.wire.JsonInput.intValue;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.string;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.dynamodb.DynamoDbBackend;
import dev.cloudjar.services.dynamodb.item.PartiQLResults;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.AttributeValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** ExecuteStatement, BatchExecuteStatement and ExecuteTransaction. */
final class PartiQLHandlers {
    private final DynamoDbBackend backend;

    PartiQLHandlers(DynamoDbBackend backend) {
        this.backend = backend;
    }

    void register(OperationTable operations) {
        operations.register("ExecuteStatement", this::executeStatement)
                .register("BatchExecuteStatement", this::batchExecuteStatement)
                .register("ExecuteTransaction", this::executeTransaction);
    }

    private static List<AttributeValue> parameters(JsonNode node) {
        List<AttributeValue> values = JsonInput.list(node, "Parameters", AttributeValues::fromJson);
        return values == null ? List.of() : values;
    }

    private static String statement(JsonNode node) {
        String statement = string(node, "Statement");
        if (statement == null) {
            throw ItemJson.missing("statement");
        }
        return statement;
    }

    private AwsResponse executeStatement(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        PartiQLResults.StatementPage page = backend.executeStatement(request.scope(), statement(body), parameters(body),
                intValue(body, "Limit"), string(body, "NextToken"),
                "ALL_OLD".equals(string(body, "ReturnValuesOnConditionCheckFailure")));
        return JsonOutput.ok(g -> {
            g.writeArrayFieldStart("Items");
            for (Map<String, AttributeValue> item : page.items()) {
                AttributeValues.writeItem(g, item);
            }
            g.writeEndArray();
            if (page.nextToken() != null) {
                g.writeStringField("NextToken", page.nextToken());
            }
        });
    }

    private AwsResponse batchExecuteStatement(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        List<String> statements = new ArrayList<>();
        List<List<AttributeValue>> parameters = new ArrayList<>();
        List<JsonNode> nodes = JsonInput.list(body, "Statements", n -> n);
        if (nodes != null) {
            for (JsonNode n : nodes) {
                statements.add(statement(n));
                parameters.add(parameters(n));
            }
        }
        List<PartiQLResults.BatchResponse> responses = backend.batchExecuteStatement(request.scope(), statements, parameters);
        return JsonOutput.ok(g -> {
            g.writeArrayFieldStart("Responses");
            for (PartiQLResults.BatchResponse r : responses) {
                g.writeStartObject();
                if (r.errorCode() != null) {
                    g.writeObjectFieldStart("Error");
                    g.writeStringField("Code", r.errorCode());
                    g.writeStringField("Message", r.errorMessage());
                    g.writeEndObject();
                }
                if (r.tableName() != null) {
                    g.writeStringField("TableName", r.tableName());
                }
                ItemJson.writeItemField(g, "Item", r.item());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private AwsResponse executeTransaction(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        List<String> statements = new ArrayList<>();
        List<List<AttributeValue>> parameters = new ArrayList<>();
        List<JsonNode> nodes = JsonInput.list(body, "TransactStatements", n -> n);
        if (nodes == null) {
            throw ItemJson.missing("transactStatements");
        }
        for (JsonNode n : nodes) {
            statements.add(statement(n));
            parameters.add(parameters(n));
        }
        List<Map<String, AttributeValue>> items = backend.executeTransaction(request.scope(), statements, parameters,
                string(body, "ClientRequestToken"));
        return JsonOutput.ok(g -> {
            if (items != null) {
                g.writeArrayFieldStart("Responses");
                for (Map<String, AttributeValue> item : items) {
                    g.writeStartObject();
                    ItemJson.writeItemField(g, "Item", item);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        });
    }
}
