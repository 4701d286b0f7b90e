package dev.cloudjar.services.dynamodb.wire;

import static dev.cloudjar.services.dynamodb.wire.JsonInput.object;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.string;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.stringMap;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.strings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.services.dynamodb.expression.AttributeValueUpdate;
import dev.cloudjar.services.dynamodb.expression.ExpectedAttribute;
import dev.cloudjar.services.dynamodb.expression.LegacyCondition;
import dev.cloudjar.services.dynamodb.item.ConsumedCapacity;
import dev.cloudjar.services.dynamodb.item.ExpressionParams;
import dev.cloudjar.services.dynamodb.item.WriteOptions;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.AttributeValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binds the data-plane members shared by many operations and renders items and capacity. */
final class ItemJson {
    private ItemJson() {
    }

    static String requiredTable(JsonNode body) {
        String name = string(body, "TableName");
        if (name == null) {
            throw missing("tableName");
        }
        return name;
    }

    static AwsException missing(String member) {
        return new AwsException(400, "ValidationException", "1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
    }

    static Map<String, AttributeValue> item(JsonNode body, String field, String member) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw missing(member);
        }
        return AttributeValues.itemFromJson(node);
    }

    static Map<String, AttributeValue> optionalItem(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : AttributeValues.itemFromJson(node);
    }

    static ExpressionParams expressions(JsonNode body) {
        return new ExpressionParams(string(body, "ConditionExpression"), string(body, "KeyConditionExpression"),
                string(body, "FilterExpression"), string(body, "UpdateExpression"), string(body, "ProjectionExpression"),
                stringMap(body, "ExpressionAttributeNames"),
                AttributeValues.expressionValuesFromJson(body.get("ExpressionAttributeValues")),
                expected(body), conditions(body, "KeyConditions"),
                body.has("QueryFilter") ? conditions(body, "QueryFilter") : conditions(body, "ScanFilter"),
                string(body, "ConditionalOperator"), strings(body, "AttributesToGet"), updates(body));
    }

    private static Map<String, LegacyCondition> conditions(JsonNode body, String field) {
        Map<String, ExpectedAttribute> all = expectedMap(body, field);
        if (all == null) {
            return null;
        }
        Map<String, LegacyCondition> out = new LinkedHashMap<>();
        all.forEach((name, e) -> out.put(name, new LegacyCondition(e.comparisonOperator(), e.attributeValueList())));
        return out;
    }

    private static Map<String, ExpectedAttribute> expected(JsonNode body) {
        return expectedMap(body, "Expected");
    }

    private static Map<String, ExpectedAttribute> expectedMap(JsonNode body, String field) {
        JsonNode node = object(body, field);
        if (node == null) {
            return null;
        }
        Map<String, ExpectedAttribute> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode c = e.getValue();
            JsonNode value = c.get("Value");
            List<AttributeValue> list = null;
            JsonNode listNode = c.get("AttributeValueList");
            if (listNode != null && listNode.isArray()) {
                list = new ArrayList<>();
                for (JsonNode v : listNode) {
                    list.add(AttributeValues.fromJson(v));
                }
            }
            out.put(e.getKey(), new ExpectedAttribute(value == null || value.isNull() ? null : AttributeValues.fromJson(value),
                    JsonInput.bool(c, "Exists"), string(c, "ComparisonOperator"), list));
        }
        return out;
    }

    private static Map<String, AttributeValueUpdate> updates(JsonNode body) {
        JsonNode node = object(body, "AttributeUpdates");
        if (node == null) {
            return null;
        }
        Map<String, AttributeValueUpdate> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue().get("Value");
            out.put(e.getKey(), new AttributeValueUpdate(value == null || value.isNull() ? null : AttributeValues.fromJson(value),
                    string(e.getValue(), "Action")));
        }
        return out;
    }

    static WriteOptions writeOptions(JsonNode body) {
        return new WriteOptions(string(body, "ReturnValues"), string(body, "ReturnValuesOnConditionCheckFailure"),
                string(body, "ReturnConsumedCapacity"), string(body, "ReturnItemCollectionMetrics"));
    }

    static void writeItemField(JsonGenerator g, String field, Map<String, AttributeValue> item) throws IOException {
        if (item != null) {
            g.writeFieldName(field);
            AttributeValues.writeItem(g, item);
        }
    }

    static void writeCapacity(JsonGenerator g, ConsumedCapacity c) throws IOException {
        g.writeStartObject();
        g.writeStringField("TableName", c.tableName());
        g.writeNumberField("CapacityUnits", c.total());
        if (c.read() != null) {
            g.writeNumberField("ReadCapacityUnits", c.read());
        }
        if (c.write() != null) {
            g.writeNumberField("WriteCapacityUnits", c.write());
        }
        if (c.indexes()) {
            g.writeObjectFieldStart("Table");
            g.writeNumberField("CapacityUnits", c.table());
            g.writeEndObject();
            writeIndexCapacity(g, "GlobalSecondaryIndexes", c.globalIndexes());
            writeIndexCapacity(g, "LocalSecondaryIndexes", c.localIndexes());
        }
        g.writeEndObject();
    }

    private static void writeIndexCapacity(JsonGenerator g, String field, Map<String, Double> units) throws IOException {
        if (units == null || units.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, Double> e : units.entrySet()) {
            g.writeObjectFieldStart(e.getKey());
            g.writeNumberField("CapacityUnits", e.getValue());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    static void writeCapacityField(JsonGenerator g, ConsumedCapacity c) throws IOException {
        if (c != null) {
            g.writeFieldName("ConsumedCapacity");
            writeCapacity(g, c);
        }
    }

    static void writeCollectionMetrics(JsonGenerator g, Map<String, AttributeValue> key) throws IOException {
        g.writeStartObject();
        g.writeFieldName("ItemCollectionKey");
        AttributeValues.writeItem(g, key);
        g.writeArrayFieldStart("SizeEstimateRangeGB");
        g.writeNumber(0.0);
        g.writeNumber(1.0);
        g.writeEndArray();
        g.writeEndObject();
    }
}
