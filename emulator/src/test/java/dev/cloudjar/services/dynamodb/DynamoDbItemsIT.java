package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Items, Query and Scan through the AWS SDK v2: happy paths, return values and the errors users meet. */
@ExtendWith(CloudJarExtension.class)
class DynamoDbItemsIT {
    static final String TABLE = "items";

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    @BeforeAll
    static void createTable(DynamoDbClient ddb) {
        ddb.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build(),
                        AttributeDefinition.builder().attributeName("color").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-color")
                        .keySchema(KeySchemaElement.builder().attributeName("color").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()));
        for (int i = 1; i <= 20; i++) {
            int k = i;
            ddb.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("p1"), "sk", n(Integer.toString(k)),
                    "color", s(k % 2 == 0 ? "red" : "blue"), "size", n(Integer.toString(k * 10)))));
        }
    }

    @Test
    void putGetAndReturnValues(DynamoDbClient ddb) {
        Map<String, AttributeValue> key = Map.of("pk", s("rv"), "sk", n("1"));
        var first = ddb.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("rv"), "sk", n("1.0"), "v", n("1.50")))
                .returnValues(ReturnValue.ALL_OLD).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertFalse(first.hasAttributes());
        assertEquals(1.0, first.consumedCapacity().capacityUnits());
        var got = ddb.getItem(b -> b.tableName(TABLE).key(key));
        assertEquals("1.5", got.item().get("v").n());
        var old = ddb.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("rv"), "sk", n("1"), "v", n("2"))).returnValues(ReturnValue.ALL_OLD));
        assertEquals("1.5", old.attributes().get("v").n());
        var projected = ddb.getItem(b -> b.tableName(TABLE).key(key).projectionExpression("#v").expressionAttributeNames(Map.of("#v", "v")));
        assertEquals(Map.of("v", n("2")), projected.item());
        assertFalse(ddb.getItem(b -> b.tableName(TABLE).key(Map.of("pk", s("none"), "sk", n("1")))).hasItem());
    }

    @Test
    void updateExpressionsAndReturnValues(DynamoDbClient ddb) {
        Map<String, AttributeValue> key = Map.of("pk", s("upd"), "sk", n("1"));
        var created = ddb.updateItem(b -> b.tableName(TABLE).key(key).updateExpression("ADD balance :v SET tags = :t")
                .expressionAttributeValues(Map.of(":v", n("5"), ":t", AttributeValue.fromSs(List.of("a", "b"))))
                .returnValues(ReturnValue.UPDATED_NEW));
        assertEquals("5", created.attributes().get("balance").n());
        var again = ddb.updateItem(b -> b.tableName(TABLE).key(key).updateExpression("SET balance = balance + :v REMOVE tags")
                .expressionAttributeValues(Map.of(":v", n("2"))).returnValues(ReturnValue.ALL_NEW));
        assertEquals("7", again.attributes().get("balance").n());
        assertFalse(again.attributes().containsKey("tags"));
        DynamoDbException keyUpdate = assertThrows(DynamoDbException.class, () -> ddb.updateItem(b -> b.tableName(TABLE).key(key)
                .updateExpression("SET pk = :v").expressionAttributeValues(Map.of(":v", s("x")))));
        assertEquals("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key",
                keyUpdate.awsErrorDetails().errorMessage());
        DynamoDbException unused = assertThrows(DynamoDbException.class, () -> ddb.updateItem(b -> b.tableName(TABLE).key(key)
                .updateExpression("SET a = :a").expressionAttributeValues(Map.of(":a", n("1"), ":b", n("2")))));
        assertEquals("Value provided in ExpressionAttributeValues unused in expressions: keys: {:b}", unused.awsErrorDetails().errorMessage());
    }

    @Test
    void updateWithOnlyRemoveOrDeleteDoesNotCreateAMissingItem(DynamoDbClient ddb) {
        Map<String, AttributeValue> key = Map.of("pk", s("remove-only"), "sk", n("1"));
        var removed = ddb.updateItem(b -> b.tableName(TABLE).key(key).updateExpression("REMOVE gone")
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_NEW));
        assertTrue(removed.attributes().isEmpty(), removed.toString());
        ddb.updateItem(b -> b.tableName(TABLE).key(key).updateExpression("DELETE tags :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromSs(java.util.List.of("a")))));
        assertTrue(!ddb.getItem(b -> b.tableName(TABLE).key(key)).hasItem(), "REMOVE/DELETE alone create nothing");
        ddb.updateItem(b -> b.tableName(TABLE).key(key).updateExpression("REMOVE gone SET v = :v")
                .expressionAttributeValues(Map.of(":v", n("1"))));
        assertEquals("1", ddb.getItem(b -> b.tableName(TABLE).key(key)).item().get("v").n());
    }

    @Test
    void conditionalWrites(DynamoDbClient ddb) {
        Map<String, AttributeValue> item = Map.of("pk", s("cond"), "sk", n("1"), "state", s("new"));
        ddb.putItem(b -> b.tableName(TABLE).item(item).conditionExpression("attribute_not_exists(pk)"));
        ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class, () -> ddb.putItem(b -> b.tableName(TABLE)
                .item(item).conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertEquals("The conditional request failed", e.awsErrorDetails().errorMessage());
        assertEquals("new", e.item().get("state").s());
        ddb.deleteItem(b -> b.tableName(TABLE).key(Map.of("pk", s("cond"), "sk", n("1")))
                .conditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":s", s("new"))));
        assertFalse(ddb.getItem(b -> b.tableName(TABLE).key(Map.of("pk", s("cond"), "sk", n("1")))).hasItem());
    }

    @Test
    void keyValidationErrors(DynamoDbClient ddb) {
        DynamoDbException missing = assertThrows(DynamoDbException.class,
                () -> ddb.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("x")))));
        assertEquals("One or more parameter values were invalid: Missing the key sk in the item", missing.awsErrorDetails().errorMessage());
        DynamoDbException type = assertThrows(DynamoDbException.class,
                () -> ddb.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("x"), "sk", s("y")))));
        assertEquals("One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S",
                type.awsErrorDetails().errorMessage());
        DynamoDbException schema = assertThrows(DynamoDbException.class,
                () -> ddb.getItem(b -> b.tableName(TABLE).key(Map.of("pk", s("x")))));
        assertEquals("The provided key element does not match the schema", schema.awsErrorDetails().errorMessage());
        DynamoDbException empty = assertThrows(DynamoDbException.class,
                () -> ddb.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s(""), "sk", n("1")))));
        assertTrue(empty.awsErrorDetails().errorMessage().contains("cannot contain an empty string value. Key: pk"));
        assertThrows(ResourceNotFoundException.class, () -> ddb.getItem(b -> b.tableName("nope").key(Map.of("pk", s("x")))));
        DynamoDbException big = assertThrows(DynamoDbException.class, () -> ddb.putItem(b -> b.tableName(TABLE)
                .item(Map.of("pk", s("big"), "sk", n("1"), "data", s("x".repeat(410_000))))));
        assertEquals("Item size has exceeded the maximum allowed size", big.awsErrorDetails().errorMessage());
    }

    @Test
    void queryPagesWithLimitAndFilter(DynamoDbClient ddb) {
        QueryResponse page = ddb.query(b -> b.tableName(TABLE).keyConditionExpression("pk = :p AND sk BETWEEN :a AND :b")
                .filterExpression("color = :c").expressionAttributeValues(Map.of(":p", s("p1"), ":a", n("3"), ":b", n("12"), ":c", s("red")))
                .limit(4));
        assertEquals(4, page.scannedCount());
        assertEquals(2, page.count());
        assertEquals("6", page.lastEvaluatedKey().get("sk").n());
        List<String> all = new ArrayList<>();
        ddb.queryPaginator(b -> b.tableName(TABLE).keyConditionExpression("pk = :p AND sk > :a")
                        .expressionAttributeValues(Map.of(":p", s("p1"), ":a", n("15"))).scanIndexForward(false).limit(2))
                .items().forEach(i -> all.add(i.get("sk").n()));
        assertEquals(List.of("20", "19", "18", "17", "16"), all);
        var count = ddb.query(b -> b.tableName(TABLE).keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("p1")))
                .select(Select.COUNT));
        assertEquals(20, count.count());
        assertFalse(count.hasItems());
        DynamoDbException missed = assertThrows(DynamoDbException.class, () -> ddb.query(b -> b.tableName(TABLE)
                .keyConditionExpression("sk = :a").expressionAttributeValues(Map.of(":a", n("1")))));
        assertEquals("Query condition missed key schema element: pk", missed.awsErrorDetails().errorMessage());
    }

    @Test
    void queryGlobalIndexWithKeysOnlyProjection(DynamoDbClient ddb) {
        List<Map<String, AttributeValue>> red = new ArrayList<>();
        ddb.queryPaginator(b -> b.tableName(TABLE).indexName("by-color").keyConditionExpression("color = :c")
                .expressionAttributeValues(Map.of(":c", s("red"))).limit(3)).items().forEach(red::add);
        assertEquals(10, red.size());
        assertEquals("2", red.get(0).get("sk").n());
        assertNull(red.get(0).get("size"));
        QueryResponse first = ddb.query(b -> b.tableName(TABLE).indexName("by-color").keyConditionExpression("color = :c")
                .expressionAttributeValues(Map.of(":c", s("red"))).limit(1));
        assertEquals(Map.of("color", s("red"), "sk", n("2"), "pk", s("p1")), first.lastEvaluatedKey());
        DynamoDbException consistent = assertThrows(DynamoDbException.class, () -> ddb.query(b -> b.tableName(TABLE).indexName("by-color")
                .keyConditionExpression("color = :c").expressionAttributeValues(Map.of(":c", s("red"))).consistentRead(true)));
        assertEquals("Consistent reads are not supported on global secondary indexes", consistent.awsErrorDetails().errorMessage());
    }

    @Test
    void scanSegmentsCoverTheTable(DynamoDbClient ddb) {
        int total = 0;
        for (int seg = 0; seg < 3; seg++) {
            int s = seg;
            total += ddb.scan(b -> b.tableName(TABLE).segment(s).totalSegments(3).filterExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("p1")))).count();
        }
        assertEquals(20, total);
        DynamoDbException bad = assertThrows(DynamoDbException.class, () -> ddb.scan(b -> b.tableName(TABLE).segment(3).totalSegments(3)));
        assertTrue(bad.awsErrorDetails().errorMessage().startsWith("The Segment parameter is zero-based"));
    }
}
