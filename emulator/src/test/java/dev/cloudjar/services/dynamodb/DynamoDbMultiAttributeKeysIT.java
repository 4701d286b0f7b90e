package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Global secondary indexes with multi-attribute keys (up to four partition and four sort attributes):
 * CreateTable / UpdateTable validation, sparse indexing, Query's left-to-right rules, composite order and paging.
 */
@ExtendWith(CloudJarExtension.class)
class DynamoDbMultiAttributeKeysIT {

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    private static AttributeDefinition def(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    /** Matches by tournament and area, sorted by round, then bracket, then match number. */
    private static void createMatches(DynamoDbClient ddb, String table) {
        ddb.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S), def("tournament", ScalarAttributeType.S),
                        def("area", ScalarAttributeType.S), def("round", ScalarAttributeType.S),
                        def("bracket", ScalarAttributeType.S), def("match", ScalarAttributeType.N))
                .keySchema(key("id", KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-bracket")
                        .keySchema(key("tournament", KeyType.HASH), key("area", KeyType.HASH), key("round", KeyType.RANGE),
                                key("bracket", KeyType.RANGE), key("match", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
        String[][] rows = {
            {"m1", "W24", "EU", "SEMI", "UPPER", "2"}, {"m2", "W24", "EU", "SEMI", "UPPER", "10"},
            {"m3", "W24", "EU", "SEMI", "LOWER", "1"}, {"m4", "W24", "EU", "FINAL", "UPPER", "1"},
            {"m5", "W24", "EU", "QUARTER", "UPPER", "7"}, {"m6", "W24", "NA", "SEMI", "UPPER", "1"},
            {"m7", "S25", "EU", "SEMI", "UPPER", "1"},
        };
        for (String[] r : rows) {
            ddb.putItem(b -> b.tableName(table).item(Map.of("id", s(r[0]), "tournament", s(r[1]), "area", s(r[2]),
                    "round", s(r[3]), "bracket", s(r[4]), "match", n(r[5]))));
        }
        // No bracket: the item is not in the index (every key attribute is needed).
        ddb.putItem(b -> b.tableName(table).item(Map.of("id", s("m8"), "tournament", s("W24"), "area", s("EU"),
                "round", s("SEMI"), "match", n("3"))));
    }

    private static List<String> ids(QueryResponse q) {
        return q.items().stream().map(i -> i.get("id").s()).toList();
    }

    private static QueryResponse query(DynamoDbClient ddb, String table, String condition, Map<String, AttributeValue> values) {
        Map<String, String> names = new HashMap<>();
        if (condition.contains("#r")) {
            names.put("#r", "round");
        }
        if (condition.contains("#m")) {
            names.put("#m", "match");
        }
        Map<String, AttributeValue> used = new HashMap<>();
        values.forEach((k, v) -> {
            if (java.util.regex.Pattern.compile(k + "\\b").matcher(condition).find()) {
                used.put(k, v);
            }
        });
        return ddb.query(b -> b.tableName(table).indexName("by-bracket").keyConditionExpression(condition)
                .expressionAttributeNames(names.isEmpty() ? null : names).expressionAttributeValues(used));
    }

    private static String message(Executable call) {
        DynamoDbException e = assertThrows(DynamoDbException.class, call);
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        return e.awsErrorDetails().errorMessage();
    }

    @Test
    void describeTableEchoesTheKeySchemaInOrder(DynamoDbClient ddb) {
        createMatches(ddb, "mak-describe");
        var gsi = ddb.describeTable(b -> b.tableName("mak-describe")).table().globalSecondaryIndexes().get(0);
        assertEquals(List.of("tournament:HASH", "area:HASH", "round:RANGE", "bracket:RANGE", "match:RANGE"),
                gsi.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList());
        assertEquals(7L, gsi.itemCount());
    }

    @Test
    void queryOrdersByEverySortAttributeAndFollowsLeftToRightConditions(DynamoDbClient ddb) {
        createMatches(ddb, "mak-query");
        Map<String, AttributeValue> v = new HashMap<>(Map.of(":t", s("W24"), ":g", s("EU")));
        assertEquals(List.of("m4", "m5", "m3", "m1", "m2"), ids(query(ddb, "mak-query", "tournament = :t AND area = :g", v)));
        v.put(":r", s("SEMI"));
        assertEquals(List.of("m3", "m1", "m2"), ids(query(ddb, "mak-query", "tournament = :t AND area = :g AND #r = :r", v)));
        v.put(":b", s("UPPER"));
        v.put(":m", n("5"));
        assertEquals(List.of("m1"), ids(query(ddb, "mak-query",
                "area = :g AND #r = :r AND bracket = :b AND #m < :m AND tournament = :t", v)));
        assertEquals(List.of("m2"), ids(query(ddb, "mak-query",
                "tournament = :t AND area = :g AND #r = :r AND bracket = :b AND #m > :m", v)));
        v.put(":lo", s("LOWER"));
        assertEquals(List.of("m3", "m1", "m2"), ids(query(ddb, "mak-query",
                "tournament = :t AND area = :g AND #r = :r AND bracket BETWEEN :lo AND :b", v)));
        assertEquals(List.of("m1", "m2"), ids(query(ddb, "mak-query",
                "tournament = :t AND area = :g AND #r = :r AND bracket >= :b", v)));
        v.put(":p", s("S"));
        assertEquals(List.of("m3", "m1", "m2"), ids(query(ddb, "mak-query",
                "tournament = :t AND area = :g AND begins_with(#r, :p)", v)));
        assertEquals(List.of("m4", "m5"), ids(query(ddb, "mak-query", "tournament = :t AND area = :g AND #r < :r", v)));
        var descending = ddb.query(b -> b.tableName("mak-query").indexName("by-bracket")
                .keyConditionExpression("tournament = :t AND area = :g").scanIndexForward(false)
                .expressionAttributeValues(Map.of(":t", s("W24"), ":g", s("EU"))));
        assertEquals(List.of("m2", "m1", "m3", "m5", "m4"), ids(descending));
    }

    @Test
    void conditionsThatSkipOrMisplaceKeyAttributesAreRejected(DynamoDbClient ddb) {
        createMatches(ddb, "mak-errors");
        Map<String, AttributeValue> v = Map.of(":t", s("W24"), ":g", s("EU"), ":r", s("SEMI"), ":b", s("UPPER"), ":m", n("1"));
        assertEquals("Query condition missed key schema element: area",
                message(() -> query(ddb, "mak-errors", "tournament = :t AND #r = :r", Map.of(":t", v.get(":t"), ":r", v.get(":r")))));
        assertEquals("RANGE key attributes bracket must have equality conditions specified in the query because a "
                + "condition is present on key attribute match", message(() -> query(ddb, "mak-errors",
                "tournament = :t AND area = :g AND #r = :r AND #m = :m",
                Map.of(":t", v.get(":t"), ":g", v.get(":g"), ":r", v.get(":r"), ":m", v.get(":m")))));
        assertEquals("RANGE key attributes round must have equality conditions specified in the query because a "
                + "condition is present on key attribute bracket", message(() -> query(ddb, "mak-errors",
                "tournament = :t AND area = :g AND #r > :r AND bracket = :b",
                Map.of(":t", v.get(":t"), ":g", v.get(":g"), ":r", v.get(":r"), ":b", v.get(":b")))));
        assertEquals("Query key condition not supported", message(() -> query(ddb, "mak-errors",
                "tournament = :t AND area > :g", Map.of(":t", v.get(":t"), ":g", v.get(":g")))));
        assertEquals("KeyConditionExpressions must only contain one condition per key", message(() -> query(ddb, "mak-errors",
                "tournament = :t AND area = :g AND area = :g", Map.of(":t", v.get(":t"), ":g", v.get(":g")))));
        assertEquals("One or more parameter values were invalid: Condition parameter type does not match schema type",
                message(() -> query(ddb, "mak-errors", "tournament = :t AND area = :g AND #r = :r AND bracket = :b AND #m = :b",
                        Map.of(":t", v.get(":t"), ":g", v.get(":g"), ":r", v.get(":r"), ":b", v.get(":b")))));
    }

    @Test
    void pagesCarryEveryKeyAttributeAndResumeInOrder(DynamoDbClient ddb) {
        createMatches(ddb, "mak-paging");
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = ddb.query(b -> b.tableName("mak-paging").indexName("by-bracket").limit(2)
                    .keyConditionExpression("tournament = :t AND area = :g").exclusiveStartKey(from)
                    .expressionAttributeValues(Map.of(":t", s("W24"), ":g", s("EU"))));
            seen.addAll(ids(page));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            if (pages == 0) {
                assertEquals(java.util.Set.of("id", "tournament", "area", "round", "bracket", "match"), start.keySet());
                assertEquals("m5", start.get("id").s());
            }
            pages++;
        } while (start != null && pages < 10);
        assertEquals(List.of("m4", "m5", "m3", "m1", "m2"), seen);
        assertEquals(3, pages);
    }

    @Test
    void createTableAndUpdateTableValidateMultiAttributeKeys(DynamoDbClient ddb) {
        List<AttributeDefinition> defs = new ArrayList<>(List.of(def("pk", ScalarAttributeType.S)));
        for (String a : List.of("a", "b", "c", "d", "e")) {
            defs.add(def(a, ScalarAttributeType.S));
        }
        record Case(String expected, List<KeySchemaElement> keys) {
        }
        List<Case> cases = List.of(
                new Case("The KeySchema exceeds the maximum allowed number of HASH key attributes",
                        List.of(key("a", KeyType.HASH), key("b", KeyType.HASH), key("c", KeyType.HASH), key("d", KeyType.HASH),
                                key("e", KeyType.HASH))),
                new Case("The KeySchema exceeds the maximum allowed number of RANGE key attributes",
                        List.of(key("pk", KeyType.HASH), key("a", KeyType.RANGE), key("b", KeyType.RANGE), key("c", KeyType.RANGE),
                                key("d", KeyType.RANGE), key("e", KeyType.RANGE))),
                new Case("All HASH key attributes must precede RANGE key attributes in the KeySchema",
                        List.of(key("a", KeyType.HASH), key("b", KeyType.RANGE), key("c", KeyType.HASH), key("d", KeyType.HASH),
                                key("e", KeyType.HASH))),
                new Case("The KeySchema contains multiple key attributes with the same name",
                        List.of(key("a", KeyType.HASH), key("b", KeyType.HASH), key("a", KeyType.RANGE), key("c", KeyType.RANGE),
                                key("d", KeyType.RANGE), key("e", KeyType.RANGE))),
                new Case("Invalid KeySchema: The first KeySchemaElement is not a HASH key type",
                        List.of(key("a", KeyType.RANGE), key("b", KeyType.RANGE), key("c", KeyType.HASH), key("d", KeyType.HASH),
                                key("e", KeyType.HASH))));
        for (Case c : cases) {
            String got = message(() -> ddb.createTable(b -> b.tableName("mak-bad").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(defs).keySchema(key("pk", KeyType.HASH))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("gsi").keySchema(c.keys())
                            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())));
            assertEquals(c.expected(), got);
        }
        String tableKey = message(() -> ddb.createTable(b -> b.tableName("mak-bad").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("a", ScalarAttributeType.S), def("b", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("a", KeyType.RANGE), key("b", KeyType.RANGE))));
        assertTrue(tableKey.startsWith("1 validation error detected: Value '[") && tableKey.endsWith(
                "]' at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2"), tableKey);

        // UpdateTable adds a multi-attribute index and fills it from the items already there.
        ddb.createTable(b -> b.tableName("mak-update").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH)));
        ddb.putItem(b -> b.tableName("mak-update").item(Map.of("pk", s("1"), "org", s("acme"), "team", s("x"), "level", n("2"))));
        ddb.putItem(b -> b.tableName("mak-update").item(Map.of("pk", s("2"), "org", s("acme"), "team", s("x"), "level", n("1"))));
        ddb.putItem(b -> b.tableName("mak-update").item(Map.of("pk", s("3"), "org", s("acme"), "team", s("y"), "level", n("0"))));
        ddb.updateTable(b -> b.tableName("mak-update")
                .attributeDefinitions(def("org", ScalarAttributeType.S), def("team", ScalarAttributeType.S), def("level", ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-team")
                        .keySchema(key("org", KeyType.HASH), key("team", KeyType.HASH), key("level", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))));
        var q = ddb.query(b -> b.tableName("mak-update").indexName("by-team").keyConditionExpression("org = :o AND team = :t")
                .expressionAttributeValues(Map.of(":o", s("acme"), ":t", s("x"))));
        assertEquals(List.of("2", "1"), q.items().stream().map(i -> i.get("pk").s()).toList());
        assertEquals(java.util.Set.of("pk", "org", "team", "level"), q.items().get(0).keySet());
        assertNull(ddb.describeTable(b -> b.tableName("mak-update")).table().globalSecondaryIndexes().get(0).keySchema().stream()
                .filter(k -> k.keyType() != KeyType.HASH && !k.attributeName().equals("level")).findFirst().orElse(null));
    }

    @Test
    void boto3QueriesAMultiAttributeIndex(DynamoDbClient ddb, URI endpoint) {
        createMatches(ddb, "mak-boto3");
        String script = String.join("\n",
                "import boto3, os, botocore",
                "c = boto3.client('dynamodb', endpoint_url=os.environ['ENDPOINT'])",
                "r = c.query(TableName='mak-boto3', IndexName='by-bracket',",
                "    KeyConditionExpression='tournament = :t AND area = :g AND #r = :r',",
                "    ExpressionAttributeNames={'#r': 'round'},",
                "    ExpressionAttributeValues={':t': {'S': 'W24'}, ':g': {'S': 'EU'}, ':r': {'S': 'SEMI'}})",
                "print(','.join(i['id']['S'] for i in r['Items']))",
                "try:",
                "    c.query(TableName='mak-boto3', IndexName='by-bracket', KeyConditionExpression='tournament = :t',",
                "        ExpressionAttributeValues={':t': {'S': 'W24'}})",
                "    raise SystemExit('no error')",
                "except botocore.exceptions.ClientError as e:",
                "    print(e.response['Error']['Code'] + '|' + e.response['Error']['Message'])");
        CliRunner.Result result = new CliRunner(endpoint.toString()).python(script).assertSuccess();
        assertTrue(result.stdout().contains("m3,m1,m2"), result.stdout());
        assertTrue(result.stdout().contains("ValidationException|Query condition missed key schema element: area"), result.stdout());
    }
}
