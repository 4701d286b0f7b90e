package dev.cloudjar.control;

import static dev.cloudjar.control.ConsoleViews.longParam;
import static dev.cloudjar.control.ConsoleViews.required;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.dynamodb.DynamoDbBackend;
import dev.cloudjar.services.dynamodb.item.ExpressionParams;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.AttributeValues;
import dev.cloudjar.services.dynamodb.query.ReadRequest;
import dev.cloudjar.services.dynamodb.query.ReadResult;
import dev.cloudjar.services.dynamodb.table.IndexDefinition;
import dev.cloudjar.services.dynamodb.table.KeySchema;
import dev.cloudjar.services.dynamodb.table.TableDescription;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The console's DynamoDB views: tables, a table's schema, and a page of its items through Scan, or
 * through Query when a partition key value is given ({@code pk}, optional sort condition {@code op}
 * with {@code sk} and, for {@code between}, {@code sk2}; {@code index} for a secondary index). The
 * key values are typed from the key schema, so the page sends plain text.
 */
final class TableViews {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> OPS = Set.of("=", "<", "<=", ">", ">=", "begins_with", "between");

    private final Supplier<DynamoDbBackend> dynamo;

    TableViews(Supplier<DynamoDbBackend> dynamo) {
        this.dynamo = dynamo;
    }

    Object tables(AwsRequest request) {
        ArrayNode out = F.arrayNode();
        DynamoDbBackend backend = dynamo.get();
        String start = null;
        do {
            var page = backend.listTables(request.scope(), 100, start);
            for (String name : page.names()) {
                TableDescription t = backend.describeTable(request.scope(), name);
                out.addObject().put("name", name).put("status", t.status()).put("itemCount", t.itemCount());
            }
            start = page.lastEvaluatedTableName();
        } while (start != null);
        return F.objectNode().set("tables", out);
    }

    Object table(AwsRequest request) {
        TableDescription t = dynamo.get().describeTable(request.scope(), required(request, "name"));
        ObjectNode out = F.objectNode().put("name", t.definition().name()).put("status", t.status()).put("tableArn", t.tableArn())
                .put("itemCount", t.itemCount()).put("sizeBytes", t.sizeBytes()).put("latestStreamArn", t.latestStreamArn())
                .put("billingMode", t.definition().billingMode());
        out.set("key", RecordJson.of(t.definition().key()));
        out.set("attributeDefinitions", RecordJson.of(t.definition().attributeDefinitions()));
        out.set("globalIndexes", RecordJson.of(t.definition().globalIndexes()));
        out.set("localIndexes", RecordJson.of(t.definition().localIndexes()));
        out.putObject("stream").put("enabled", t.definition().streamEnabled()).put("viewType", t.definition().streamViewType())
                .put("arn", t.latestStreamArn());
        return out;
    }

    /**
     * One Scan or Query page of at most {@value ConsoleViews#MAX_ITEMS} items; {@code start} is the
     * previous page's {@code next} (the key as JSON).
     */
    Object items(AwsRequest request) {
        String name = required(request, "name");
        int limit = (int) Math.max(1, Math.min(ConsoleViews.MAX_ITEMS, longParam(request, "limit", 25)));
        Map<String, AttributeValue> start = null;
        String startJson = request.queryParameter("start");
        if (startJson != null && !startJson.isEmpty()) {
            try {
                start = AttributeValues.itemFromJson(JsonProtocol.MAPPER.readTree(startJson));
            } catch (IOException | RuntimeException e) {
                throw new AwsException(400, "ValidationException", "start must be a key in DynamoDB JSON, as the previous page's next");
            }
        }
        String pk = request.queryParameter("pk");
        String index = emptyToNull(request.queryParameter("index"));
        ReadResult page;
        ObjectNode out = F.objectNode().put("table", name);
        if (pk == null || pk.isEmpty()) {
            page = dynamo.get().scan(request.scope(), new ReadRequest(name, index, ExpressionParams.NONE, null, limit, start, null,
                    false, null, null, null));
            out.put("read", "Scan");
        } else {
            ExpressionParams query = keyCondition(request, keyOf(request, name, index), pk);
            page = dynamo.get().query(request.scope(), new ReadRequest(name, index, query, null, limit, start, null, false, null,
                    null, null));
            out.put("read", "Query").put("keyConditionExpression", query.keyConditionExpression());
        }
        out.put("count", page.count());
        ArrayNode items = out.putArray("items");
        for (Map<String, AttributeValue> item : page.items()) {
            items.add(AttributeValues.itemToJson(item));
        }
        out.put("next", page.lastEvaluatedKey() == null ? null
                : AttributeValues.itemToJson(page.lastEvaluatedKey()).toString());
        return out;
    }

    private KeySchema keyOf(AwsRequest request, String table, String index) {
        var definition = dynamo.get().describeTable(request.scope(), table).definition();
        if (index == null) {
            return definition.key();
        }
        for (var list : java.util.List.of(definition.globalIndexes(), definition.localIndexes())) {
            for (IndexDefinition i : list == null ? java.util.List.<IndexDefinition>of() : list) {
                if (i.name().equals(index)) {
                    return i.key();
                }
            }
        }
        throw new AwsException(400, "ValidationException",
                "The table does not have the specified index: " + index);
    }

    private static ExpressionParams keyCondition(AwsRequest request, KeySchema key, String pk) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        names.put("#pk", key.hashName());
        values.put(":pk", typed(key.hashType(), pk));
        StringBuilder condition = new StringBuilder("#pk = :pk");
        String op = emptyToNull(request.queryParameter("op"));
        if (op != null) {
            if (!OPS.contains(op)) {
                throw new AwsException(400, "ValidationException", "op must be one of " + new java.util.TreeSet<>(OPS));
            }
            if (key.rangeName() == null) {
                throw new AwsException(400, "ValidationException", "This key has no sort key, so a sort condition cannot apply");
            }
            names.put("#sk", key.rangeName());
            values.put(":sk", typed(key.rangeType(), required(request, "sk")));
            switch (op) {
                case "begins_with" -> condition.append(" AND begins_with(#sk, :sk)");
                case "between" -> {
                    values.put(":sk2", typed(key.rangeType(), required(request, "sk2")));
                    condition.append(" AND #sk BETWEEN :sk AND :sk2");
                }
                default -> condition.append(" AND #sk ").append(op).append(" :sk");
            }
        }
        return new ExpressionParams(null, condition.toString(), null, null, null, names, values, null, null, null, null, null, null);
    }

    /** A key value typed as the schema says: S as is, N as a number, B as base64. */
    private static AttributeValue typed(String type, String value) {
        try {
            return AttributeValues.fromJson(F.objectNode().put(type, value));
        } catch (RuntimeException e) {
            throw new AwsException(400, "ValidationException", "The key value " + value + " is not a valid " + type);
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
