package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Local and global secondary indexes: projections, sparse entries, backfill on UpdateTable, capacity shapes. */
@ExtendWith(CloudJarExtension.class)
class DynamoDbIndexesIT {

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    @Test
    void localIndexIncludeProjectionAndMetrics(DynamoDbClient ddb) {
        ddb.createTable(b -> b.tableName("idx-lsi").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("rank").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-rank")
                        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("rank").keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("title").build()).build()));
        var put = ddb.putItem(b -> b.tableName("idx-lsi").item(Map.of("pk", s("a"), "sk", s("1"), "rank", n("3"), "title", s("t1"), "other", s("o")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertEquals(Map.of("pk", s("a")), put.itemCollectionMetrics().itemCollectionKey());
        assertEquals(2, put.itemCollectionMetrics().sizeEstimateRangeGB().size());
        assertEquals(1.0, put.consumedCapacity().table().capacityUnits());
        assertEquals(1.0, put.consumedCapacity().localSecondaryIndexes().get("by-rank").capacityUnits());
        ddb.putItem(b -> b.tableName("idx-lsi").item(Map.of("pk", s("a"), "sk", s("2"), "rank", n("1"), "title", s("t2"))));
        ddb.putItem(b -> b.tableName("idx-lsi").item(Map.of("pk", s("a"), "sk", s("3"))));
        var q = ddb.query(b -> b.tableName("idx-lsi").indexName("by-rank").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("a"))));
        assertEquals(List.of("2", "1"), q.items().stream().map(i -> i.get("sk").s()).toList());
        assertEquals("t2", q.items().get(0).get("title").s());
        assertNull(q.items().get(1).get("other"));
        var all = ddb.query(b -> b.tableName("idx-lsi").indexName("by-rank").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("a"))).select(Select.ALL_ATTRIBUTES));
        assertEquals("o", all.items().get(1).get("other").s());
        DynamoDbException lsiWithoutRange = assertThrows(DynamoDbException.class, () -> ddb.createTable(b -> b.tableName("idx-bad")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("x").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi")
                        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("x").keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())));
        assertEquals("One or more parameter values were invalid: Table KeySchema does not have a range key, which is required "
                + "when specifying a LocalSecondaryIndex", lsiWithoutRange.awsErrorDetails().errorMessage());
    }

    @Test
    void globalIndexAddedLaterIsBackfilledAndSparse(DynamoDbClient ddb) {
        ddb.createTable(b -> b.tableName("idx-gsi").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
        for (int i = 0; i < 6; i++) {
            int k = i;
            ddb.putItem(b -> b.tableName("idx-gsi").item(k % 2 == 0
                    ? Map.of("pk", s("p" + k), "email", s("e" + k))
                    : Map.of("pk", s("p" + k))));
        }
        var updated = ddb.updateTable(b -> b.tableName("idx-gsi")
                .attributeDefinitions(AttributeDefinition.builder().attributeName("email").attributeType(ScalarAttributeType.S).build())
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("by-email")
                        .keySchema(KeySchemaElement.builder().attributeName("email").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())).build()));
        assertEquals("UPDATING", updated.tableDescription().tableStatusAsString());
        assertEquals("CREATING", updated.tableDescription().globalSecondaryIndexes().get(0).indexStatusAsString());
        var gsi = ddb.describeTable(b -> b.tableName("idx-gsi")).table().globalSecondaryIndexes().get(0);
        assertEquals("ACTIVE", gsi.indexStatusAsString());
        assertTrue(gsi.indexArn().endsWith("/index/by-email"));
        assertEquals(3L, gsi.itemCount());
        assertEquals(3, ddb.scan(b -> b.tableName("idx-gsi").indexName("by-email")).count());
        var hit = ddb.query(b -> b.tableName("idx-gsi").indexName("by-email").keyConditionExpression("email = :e")
                .expressionAttributeValues(Map.of(":e", s("e4"))));
        assertEquals("p4", hit.items().get(0).get("pk").s());
        DynamoDbException typeMismatch = assertThrows(DynamoDbException.class, () -> ddb.putItem(b -> b.tableName("idx-gsi")
                .item(Map.of("pk", s("bad"), "email", n("1")))));
        assertTrue(typeMismatch.awsErrorDetails().errorMessage().startsWith(
                "One or more parameter values were invalid: Type mismatch for Index Key email Expected: S Actual: N"));
        ddb.updateTable(b -> b.tableName("idx-gsi").globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                .delete(d -> d.indexName("by-email")).build()));
        DynamoDbException gone = assertThrows(DynamoDbException.class, () -> ddb.query(b -> b.tableName("idx-gsi").indexName("by-email")
                .keyConditionExpression("email = :e").expressionAttributeValues(Map.of(":e", s("e4")))));
        assertEquals("The table does not have the specified index: by-email", gone.awsErrorDetails().errorMessage());
    }
}
