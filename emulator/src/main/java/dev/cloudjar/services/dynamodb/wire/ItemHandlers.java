package dev.cloudjar.services.dynamodb.wire;

import static dev.cloudjar.services.dynamodb.wire.JsonInput.bool;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.intValue;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.object;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.string;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.dynamodb.DynamoDbBackend;
import dev.cloudjar.services.dynamodb.item.BatchRequests;
import dev.cloudjar.services.dynamodb.item.ConsumedCapacity;
import dev.cloudjar.services.dynamodb.item.ExpressionParams;
import dev.cloudjar.services.dynamodb.item.ItemRequest;
import dev.cloudjar.services.dynamodb.item.ItemResult;
import dev.cloudjar.services.dynamodb.item.WriteOptions;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.AttributeValues;
import dev.cloudjar.services.dynamodb.query.ReadRequest;
import dev.cloudjar.services.dynamodb.query.ReadResult;
import dev.cloudjar.services.dynamodb.transactions.TransactAction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data-plane operations: items, Query, Scan, batches and transactions. */
final class ItemHandlers {
    private final DynamoDbBackend backend;

    ItemHandlers(DynamoDbBackend backend) {
        this.backend = backend;
    }

    void register(OperationTable operations) {
        operations.register("PutItem", this::putItem)
                .register("GetItem", this::getItem)
                .register("UpdateItem", this::updateItem)
                .register("DeleteItem", this::deleteItem)
                .register("Query", r -> read(r, true))
                .register("Scan", r -> read(r, false))
                .register("BatchGetItem", this::batchGetItem)
                .register("BatchWriteItem", this::batchWriteItem)
                .register("TransactWriteItems", this::transactWriteItems)
                .register("TransactGetItems", this::transactGetItems);
    }

    private AwsResponse putItem(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        ItemRequest r = new ItemRequest(ItemJson.requiredTable(body), ItemJson.item(body, "Item", "item"),
                ItemJson.expressions(body), ItemJson.writeOptions(body), false);
        return writeResult(backend.putItem(request.scope(), r));
    }

    private AwsResponse getItem(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        ItemRequest r = new ItemRequest(ItemJson.requiredTable(body), ItemJson.item(body, "Key", "key"),
                ItemJson.expressions(body), ItemJson.writeOptions(body), Boolean.TRUE.equals(bool(body, "ConsistentRead")));
        ItemResult result = backend.getItem(request.scope(), r);
        return JsonOutput.ok(g -> {
            ItemJson.writeItemField(g, "Item", result.attributes());
            ItemJson.writeCapacityField(g, result.consumedCapacity());
        });
    }

    private AwsResponse updateItem(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        ItemRequest r = new ItemRequest(ItemJson.requiredTable(body), ItemJson.item(body, "Key", "key"),
                ItemJson.expressions(body), ItemJson.writeOptions(body), false);
        return writeResult(backend.updateItem(request.scope(), r));
    }

    private AwsResponse deleteItem(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        ItemRequest r = new ItemRequest(ItemJson.requiredTable(body), ItemJson.item(body, "Key", "key"),
                ItemJson.expressions(body), ItemJson.writeOptions(body), false);
        return writeResult(backend.deleteItem(request.scope(), r));
    }

    private static AwsResponse writeResult(ItemResult result) {
        return JsonOutput.ok(g -> {
            ItemJson.writeItemField(g, "Attributes", result.attributes());
            ItemJson.writeCapacityField(g, result.consumedCapacity());
            if (result.itemCollectionKey() != null) {
                g.writeFieldName("ItemCollectionMetrics");
                ItemJson.writeCollectionMetrics(g, result.itemCollectionKey());
            }
        });
    }

    private AwsResponse read(AwsRequest request, boolean query) {
        JsonNode body = JsonProtocol.readTree(request);
        ReadRequest r = new ReadRequest(ItemJson.requiredTable(body), string(body, "IndexName"), ItemJson.expressions(body),
                string(body, "Select"), intValue(body, "Limit"), ItemJson.optionalItem(body, "ExclusiveStartKey"),
                bool(body, "ScanIndexForward"), Boolean.TRUE.equals(bool(body, "ConsistentRead")),
                string(body, "ReturnConsumedCapacity"), intValue(body, "Segment"), intValue(body, "TotalSegments"));
        ReadResult result = query ? backend.query(request.scope(), r) : backend.scan(request.scope(), r);
        return JsonOutput.ok(g -> {
            if (result.items() != null) {
                g.writeArrayFieldStart("Items");
                for (Map<String, AttributeValue> item : result.items()) {
                    AttributeValues.writeItem(g, item);
                }
                g.writeEndArray();
            }
            g.writeNumberField("Count", result.count());
            g.writeNumberField("ScannedCount", result.scannedCount());
            ItemJson.writeItemField(g, "LastEvaluatedKey", result.lastEvaluatedKey());
            ItemJson.writeCapacityField(g, result.consumedCapacity());
        });
    }

    private AwsResponse batchGetItem(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        JsonNode items = object(body, "RequestItems");
        if (items == null) {
            throw ItemJson.missing("requestItems");
        }
        Map<String, BatchRequests.TableKeys> requestItems = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode ka = e.getValue();
            List<Map<String, AttributeValue>> keys = JsonInput.list(ka, "Keys", AttributeValues::itemFromJson);
            requestItems.put(e.getKey(), new BatchRequests.TableKeys(keys == null ? List.of() : keys,
                    Boolean.TRUE.equals(bool(ka, "ConsistentRead")), ItemJson.expressions(ka)));
        }
        BatchRequests.GetResult result = backend.batchGetItem(request.scope(), requestItems, string(body, "ReturnConsumedCapacity"));
        return JsonOutput.ok(g -> {
            g.writeObjectFieldStart("Responses");
            for (Map.Entry<String, List<Map<String, AttributeValue>>> e : result.responses().entrySet()) {
                g.writeArrayFieldStart(e.getKey());
                for (Map<String, AttributeValue> item : e.getValue()) {
                    AttributeValues.writeItem(g, item);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("UnprocessedKeys");
            for (Map.Entry<String, BatchRequests.TableKeys> e : result.unprocessed().entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                g.writeArrayFieldStart("Keys");
                for (Map<String, AttributeValue> key : e.getValue().keys()) {
                    AttributeValues.writeItem(g, key);
                }
                g.writeEndArray();
                g.writeBooleanField("ConsistentRead", e.getValue().consistentRead());
                g.writeEndObject();
            }
            g.writeEndObject();
            writeCapacityList(g, result.consumedCapacity());
        });
    }

    private AwsResponse batchWriteItem(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        JsonNode items = object(body, "RequestItems");
        if (items == null) {
            throw ItemJson.missing("requestItems");
        }
        Map<String, List<BatchRequests.WriteRequest>> requestItems = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<BatchRequests.WriteRequest> writes = JsonInput.list(items, e.getKey(), w -> {
                JsonNode put = object(w, "PutRequest");
                JsonNode delete = object(w, "DeleteRequest");
                return new BatchRequests.WriteRequest(put == null ? null : ItemJson.item(put, "Item", "item"),
                        delete == null ? null : ItemJson.item(delete, "Key", "key"));
            });
            requestItems.put(e.getKey(), writes);
        }
        BatchRequests.WriteResult result = backend.batchWriteItem(request.scope(), requestItems,
                string(body, "ReturnConsumedCapacity"), string(body, "ReturnItemCollectionMetrics"));
        return JsonOutput.ok(g -> {
            g.writeObjectFieldStart("UnprocessedItems");
            g.writeEndObject();
            writeCapacityList(g, result.consumedCapacity());
            if (!result.itemCollectionKeys().isEmpty()) {
                g.writeObjectFieldStart("ItemCollectionMetrics");
                for (Map.Entry<String, List<Map<String, AttributeValue>>> e : result.itemCollectionKeys().entrySet()) {
                    g.writeArrayFieldStart(e.getKey());
                    for (Map<String, AttributeValue> key : e.getValue()) {
                        ItemJson.writeCollectionMetrics(g, key);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
        });
    }

    private AwsResponse transactWriteItems(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        List<TransactAction> actions = transactActions(body, List.of("ConditionCheck", "Put", "Delete", "Update"));
        List<ConsumedCapacity> capacity = backend.transactWriteItems(request.scope(), actions,
                string(body, "ClientRequestToken"), string(body, "ReturnConsumedCapacity"));
        return JsonOutput.ok(g -> writeCapacityList(g, capacity));
    }

    private AwsResponse transactGetItems(AwsRequest request) {
        JsonNode body = JsonProtocol.readTree(request);
        List<TransactAction> actions = transactActions(body, List.of("Get"));
        List<ConsumedCapacity> capacity = new ArrayList<>();
        List<Map<String, AttributeValue>> items = backend.transactGetItems(request.scope(), actions,
                string(body, "ReturnConsumedCapacity"), capacity);
        return JsonOutput.ok(g -> {
            g.writeArrayFieldStart("Responses");
            for (Map<String, AttributeValue> item : items) {
                g.writeStartObject();
                ItemJson.writeItemField(g, "Item", item);
                g.writeEndObject();
            }
            g.writeEndArray();
            writeCapacityList(g, capacity.isEmpty() ? null : capacity);
        });
    }

    private static List<TransactAction> transactActions(JsonNode body, List<String> kinds) {
        List<TransactAction> actions = JsonInput.list(body, "TransactItems", t -> {
            String kind = null;
            JsonNode node = null;
            for (String k : kinds) {
                JsonNode candidate = object(t, k);
                if (candidate != null) {
                    if (kind != null) {
                        throw new dev.cloudjar.core.AwsException(400, "ValidationException",
                                "TransactItems can only contain one of Check, Put, Update or Delete");
                    }
                    kind = k;
                    node = candidate;
                }
            }
            if (kind == null) {
                throw new dev.cloudjar.core.AwsException(400, "ValidationException",
                        "TransactItems can only contain one of Check, Put, Update or Delete");
            }
            Map<String, AttributeValue> itemOrKey = kind.equals("Put") ? ItemJson.item(node, "Item", "item") : ItemJson.item(node, "Key", "key");
            ExpressionParams expressions = ItemJson.expressions(node);
            WriteOptions options = new WriteOptions(null, string(node, "ReturnValuesOnConditionCheckFailure"), null, null);
            return new TransactAction(kind, new ItemRequest(ItemJson.requiredTable(node), itemOrKey, expressions, options, true));
        });
        if (actions == null) {
            throw ItemJson.missing("transactItems");
        }
        return actions;
    }

    private static void writeCapacityList(JsonGenerator g, List<ConsumedCapacity> capacity) throws IOException {
        if (capacity == null) {
            return;
        }
        g.writeArrayFieldStart("ConsumedCapacity");
        for (ConsumedCapacity c : capacity) {
            ItemJson.writeCapacity(g, c);
        }
        g.writeEndArray();
    }
}
