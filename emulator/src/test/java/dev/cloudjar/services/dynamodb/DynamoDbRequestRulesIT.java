package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Request rules AWS enforces beyond the model's constraints: key attributes in a Query filter, start keys
 * outside the query or the scan segment, projection and GlobalSecondaryIndexUpdates shapes, and the write
 * units each index is charged.
 */
@ExtendWith(CloudJarExtension.class)
class DynamoDbRequestRulesIT {

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeDefinition def(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static DynamoDbException error(Executable call) {
        return assertThrows(DynamoDbException.class, call);
    }

    private static void createTable(DynamoDbClient ddb, String name) {
        ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk"), def("sk"), def("gsiPk"), def("lsiSk"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("gsi-inc").keySchema(key("gsiPk", KeyType.HASH))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("proj").build()).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi1")
                        .keySchema(key("pk", KeyType.HASH), key("lsiSk", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    }

    @Test
    void queryRejectsKeyAttributesInTheFilterAndStartKeysOutsideTheQuery(DynamoDbClient ddb) {
        createTable(ddb, "rules-query");
        ddb.putItem(b -> b.tableName("rules-query").item(Map.of("pk", s("a"), "sk", s("1"), "v", s("x"))));
        DynamoDbException filter = error(() -> ddb.query(b -> b.tableName("rules-query").keyConditionExpression("pk = :p")
                .filterExpression("sk = :s").expressionAttributeValues(Map.of(":p", s("a"), ":s", s("1")))));
        assertEquals("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk",
                filter.awsErrorDetails().errorMessage());
        // Scan may filter on keys; a query on an index may filter on the table's keys.
        assertEquals(1, ddb.scan(b -> b.tableName("rules-query").filterExpression("sk = :s")
                .expressionAttributeValues(Map.of(":s", s("1")))).count());
        DynamoDbException outside = error(() -> ddb.query(b -> b.tableName("rules-query").keyConditionExpression("pk = :p")
                .exclusiveStartKey(Map.of("pk", s("other"), "sk", s("1"))).expressionAttributeValues(Map.of(":p", s("a")))));
        assertEquals("The provided starting key is outside query boundaries based on provided conditions",
                outside.awsErrorDetails().errorMessage());
        DynamoDbException outsideRange = error(() -> ddb.query(b -> b.tableName("rules-query").keyConditionExpression("pk = :p AND sk > :s")
                .exclusiveStartKey(Map.of("pk", s("a"), "sk", s("0"))).expressionAttributeValues(Map.of(":p", s("a"), ":s", s("5")))));
        assertEquals("The provided starting key is outside query boundaries based on provided conditions",
                outsideRange.awsErrorDetails().errorMessage());
        String segmentMessage = null;
        for (int segment = 0; segment < 2; segment++) {
            int seg = segment;
            try {
                ddb.scan(b -> b.tableName("rules-query").segment(seg).totalSegments(2).exclusiveStartKey(Map.of("pk", s("a"), "sk", s("1"))));
            } catch (DynamoDbException e) {
                segmentMessage = e.awsErrorDetails().errorMessage();
            }
        }
        assertEquals("The provided Exclusive start key does not map to the provided segment", segmentMessage);
    }

    @Test
    void projectionAndIndexUpdateShapesAreChecked(DynamoDbClient ddb) {
        DynamoDbException include = error(() -> ddb.createTable(b -> b.tableName("rules-bad").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk"), def("g")).keySchema(key("pk", KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("gsi").keySchema(key("g", KeyType.HASH))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).build()).build())));
        assertEquals("One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified",
                include.awsErrorDetails().errorMessage());
        DynamoDbException duplicate = error(() -> ddb.createTable(b -> b.tableName("rules-bad").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk"), def("g")).keySchema(key("pk", KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("gsi").keySchema(key("g", KeyType.HASH))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("x", "x").build()).build())));
        assertEquals("One or more parameter values were invalid: Duplicate element in NonKeyAttributes: x",
                duplicate.awsErrorDetails().errorMessage());

        createTable(ddb, "rules-update");
        GlobalSecondaryIndexUpdate create = GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("gsi2")
                .keySchema(key("lsiSk", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))).build();
        GlobalSecondaryIndexUpdate delete = GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("gsi-inc")).build();
        DynamoDbException two = error(() -> ddb.updateTable(b -> b.tableName("rules-update").globalSecondaryIndexUpdates(create, delete)));
        assertEquals("LimitExceededException", two.awsErrorDetails().errorCode());
        assertEquals("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table",
                two.awsErrorDetails().errorMessage());
        GlobalSecondaryIndexUpdate update = GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName("gsi-inc")
                .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))).build();
        DynamoDbException same = error(() -> ddb.updateTable(b -> b.tableName("rules-update").globalSecondaryIndexUpdates(delete, update)));
        assertEquals("One or more parameter values were invalid: Only one global secondary index update per index is allowed "
                + "simultaneously. Index: gsi-inc", same.awsErrorDetails().errorMessage());
        DynamoDbException empty = error(() -> ddb.updateTable(b -> b.tableName("rules-update").deletionProtectionEnabled(true)
                .globalSecondaryIndexUpdates(List.of())));
        assertEquals("One or more parameter values were invalid: List of GlobalSecondaryIndexUpdates is empty",
                empty.awsErrorDetails().errorMessage());
        // Nothing of the rejected requests was applied.
        var described = ddb.describeTable(b -> b.tableName("rules-update")).table();
        assertEquals(List.of("gsi-inc"), described.globalSecondaryIndexes().stream().map(g -> g.indexName()).toList());
        assertTrue(!Boolean.TRUE.equals(described.deletionProtectionEnabled()));
    }

    private static double[] units(ConsumedCapacity c) {
        Double gsi = c.globalSecondaryIndexes() == null || !c.globalSecondaryIndexes().containsKey("gsi-inc") ? null
                : c.globalSecondaryIndexes().get("gsi-inc").capacityUnits();
        Double lsi = c.localSecondaryIndexes() == null || !c.localSecondaryIndexes().containsKey("lsi1") ? null
                : c.localSecondaryIndexes().get("lsi1").capacityUnits();
        return new double[] {c.capacityUnits(), c.table().capacityUnits(), gsi == null ? -1 : gsi, lsi == null ? -1 : lsi};
    }

    /** Figures as real DynamoDB reports them (total, table, GSI, LSI; -1 = no entry for the index). */
    @Test
    void eachIndexIsChargedForTheChangeToItsEntry(DynamoDbClient ddb) {
        createTable(ddb, "rules-wcu");
        ReturnConsumedCapacity indexes = ReturnConsumedCapacity.INDEXES;
        var onlyGsi = ddb.putItem(b -> b.tableName("rules-wcu").returnConsumedCapacity(indexes)
                .item(Map.of("pk", s("a"), "sk", s("1"), "gsiPk", s("g"))));
        assertEquals(List.of(2.0, 1.0, 1.0, -1.0), box(units(onlyGsi.consumedCapacity())));
        Map<String, AttributeValue> same = Map.of("pk", s("a"), "sk", s("2"), "gsiPk", s("g"), "proj", s("p"));
        ddb.putItem(b -> b.tableName("rules-wcu").item(same));
        var identical = ddb.putItem(b -> b.tableName("rules-wcu").returnConsumedCapacity(indexes).item(same));
        assertEquals(List.of(1.0, 1.0, -1.0, -1.0), box(units(identical.consumedCapacity())));
        assertTrue(!identical.consumedCapacity().hasGlobalSecondaryIndexes());
        Map<String, AttributeValue> seed = Map.of("pk", s("b"), "sk", s("1"), "gsiPk", s("g"), "lsiSk", s("L1"), "proj", s("p"),
                "other", s("o"));
        Map<String, AttributeValue> key = Map.of("pk", s("b"), "sk", s("1"));
        ddb.putItem(b -> b.tableName("rules-wcu").item(seed));
        var unprojected = ddb.updateItem(b -> b.tableName("rules-wcu").key(key).returnConsumedCapacity(indexes)
                .updateExpression("SET #o = :v").expressionAttributeNames(Map.of("#o", "other"))
                .expressionAttributeValues(Map.of(":v", s("o2"))));
        assertEquals(List.of(2.0, 1.0, -1.0, 1.0), box(units(unprojected.consumedCapacity())));
        var moved = ddb.updateItem(b -> b.tableName("rules-wcu").key(key).returnConsumedCapacity(indexes)
                .updateExpression("SET gsiPk = :v").expressionAttributeValues(Map.of(":v", s("g2"))));
        assertEquals(List.of(4.0, 1.0, 2.0, 1.0), box(units(moved.consumedCapacity())));
        var deleted = ddb.deleteItem(b -> b.tableName("rules-wcu").key(key).returnConsumedCapacity(indexes));
        assertEquals(List.of(3.0, 1.0, 1.0, 1.0), box(units(deleted.consumedCapacity())));
    }

    /** In a transaction only the table's units double (real DynamoDB's figures). */
    @Test
    void transactionsDoubleTheTableUnitsOnly(DynamoDbClient ddb) {
        createTable(ddb, "rules-tx-wcu");
        ReturnConsumedCapacity indexes = ReturnConsumedCapacity.INDEXES;
        var put = ddb.transactWriteItems(b -> b.returnConsumedCapacity(indexes).transactItems(t -> t.put(p -> p.tableName("rules-tx-wcu")
                .item(Map.of("pk", s("a"), "sk", s("1"), "gsiPk", s("g1"), "lsiSk", s("L1"), "proj", s("p"))))));
        assertEquals(List.of(4.0, 2.0, 1.0, 1.0), box(units(put.consumedCapacity().get(0))));
        var moved = ddb.transactWriteItems(b -> b.returnConsumedCapacity(indexes).transactItems(t -> t.update(u -> u
                .tableName("rules-tx-wcu").key(Map.of("pk", s("a"), "sk", s("1"))).updateExpression("SET gsiPk = :v")
                .expressionAttributeValues(Map.of(":v", s("g2"))))));
        assertEquals(List.of(5.0, 2.0, 2.0, 1.0), box(units(moved.consumedCapacity().get(0))));
        var check = ddb.transactWriteItems(b -> b.returnConsumedCapacity(indexes).transactItems(t -> t.conditionCheck(c -> c
                .tableName("rules-tx-wcu").key(Map.of("pk", s("a"), "sk", s("1"))).conditionExpression("attribute_exists(pk)"))));
        assertEquals(List.of(2.0, 2.0, -1.0, -1.0), box(units(check.consumedCapacity().get(0))));
    }

    private static List<Double> box(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    @Test
    void anIndexAddedLaterLeavesOutEmptyAndOversizedKeyValues(DynamoDbClient ddb) {
        ddb.createTable(b -> b.tableName("rules-backfill").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk")).keySchema(key("pk", KeyType.HASH)));
        ddb.putItem(b -> b.tableName("rules-backfill").item(Map.of("pk", s("1"), "g", s("kept"))));
        ddb.putItem(b -> b.tableName("rules-backfill").item(Map.of("pk", s("2"), "g", s(""))));
        ddb.putItem(b -> b.tableName("rules-backfill").item(Map.of("pk", s("3"), "g", s("x".repeat(2049)))));
        ddb.updateTable(b -> b.tableName("rules-backfill").attributeDefinitions(def("g"))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-g").keySchema(key("g", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))));
        var scan = ddb.scan(b -> b.tableName("rules-backfill").indexName("by-g"));
        assertEquals(List.of("1"), scan.items().stream().map(i -> i.get("pk").s()).toList());
        assertEquals(1L, ddb.describeTable(b -> b.tableName("rules-backfill")).table().globalSecondaryIndexes().get(0).itemCount());
        DynamoDbException empty = error(() -> ddb.putItem(b -> b.tableName("rules-backfill").item(Map.of("pk", s("4"), "g", s("")))));
        assertTrue(empty.awsErrorDetails().errorMessage().contains("cannot contain an empty string value. IndexName: by-g, IndexKey: g"),
                empty.awsErrorDetails().errorMessage());
    }

    @Test
    void boto3SeesTheFilterRule(URI endpoint, DynamoDbClient ddb) {
        createTable(ddb, "rules-boto3");
        String script = String.join("\n",
                "import boto3, os, botocore",
                "c = boto3.client('dynamodb', endpoint_url=os.environ['ENDPOINT'])",
                "try:",
                "    c.query(TableName='rules-boto3', KeyConditionExpression='pk = :p', FilterExpression='sk = :s',",
                "        ExpressionAttributeValues={':p': {'S': 'a'}, ':s': {'S': '1'}})",
                "    raise SystemExit('no error')",
                "except botocore.exceptions.ClientError as e:",
                "    print(e.response['Error']['Code'] + '|' + e.response['Error']['Message'])");
        CliRunner.Result result = new CliRunner(endpoint.toString()).python(script).assertSuccess();
        assertTrue(result.stdout().contains("ValidationException|Filter Expression can only contain non-primary key attributes: "
                + "Primary key attribute: sk"), result.stdout());
    }
}
