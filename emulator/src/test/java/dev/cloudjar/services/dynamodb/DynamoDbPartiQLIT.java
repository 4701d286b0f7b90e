package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** ExecuteStatement: nested SELECT paths, INSERT of an existing key, RETURNING, ORDER BY, multi-attribute index partitions. */
@ExtendWith(CloudJarExtension.class)
class DynamoDbPartiQLIT {

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    private static void createTable(DynamoDbClient ddb, String name) {
        ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build(),
                        AttributeDefinition.builder().attributeName("org").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("team").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-team")
                        .keySchema(KeySchemaElement.builder().attributeName("org").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("team").keyType(KeyType.HASH).build())
                        .projection(p -> p.projectionType("ALL")).build()));
    }

    private static ExecuteStatementResponse run(DynamoDbClient ddb, String statement) {
        return ddb.executeStatement(b -> b.statement(statement));
    }

    @Test
    void selectReturnsNestedValuesAndInsertRefusesAnExistingKey(DynamoDbClient ddb) {
        createTable(ddb, "pq-nested");
        run(ddb, "INSERT INTO \"pq-nested\" VALUE {'pk': 'a', 'sk': 1, 'm': {'x': 1, 'y': [10, 20, {'z': 'deep'}]}}");
        var nested = run(ddb, "SELECT m.x, m.y[2].z FROM \"pq-nested\" WHERE pk = 'a' AND sk = 1");
        assertEquals(List.of(Map.of("x", n("1"), "z", s("deep"))), nested.items());
        DuplicateItemException duplicate = assertThrows(DuplicateItemException.class,
                () -> run(ddb, "INSERT INTO \"pq-nested\" VALUE {'pk': 'a', 'sk': 1}"));
        assertEquals("Duplicate primary key exists in table", duplicate.awsErrorDetails().errorMessage());
    }

    @Test
    void updateAndDeleteReturnWhatReturningAsksFor(DynamoDbClient ddb) {
        createTable(ddb, "pq-returning");
        run(ddb, "INSERT INTO \"pq-returning\" VALUE {'pk': 'a', 'sk': 1, 'n': 1, 'keep': 'k'}");
        assertEquals(List.of(Map.of("n", n("2"))),
                run(ddb, "UPDATE \"pq-returning\" SET n = n + 1 WHERE pk = 'a' AND sk = 1 RETURNING MODIFIED NEW *").items());
        assertEquals(List.of(Map.of("n", n("2"))),
                run(ddb, "UPDATE \"pq-returning\" SET n = 5 WHERE pk = 'a' AND sk = 1 RETURNING MODIFIED OLD *").items());
        assertEquals(List.of(Map.of("pk", s("a"), "sk", n("1"), "n", n("6"), "keep", s("k"))),
                run(ddb, "UPDATE \"pq-returning\" SET n = 6 WHERE pk = 'a' AND sk = 1 RETURNING ALL NEW *").items());
        assertEquals(List.of(), run(ddb, "UPDATE \"pq-returning\" SET n = 7 WHERE pk = 'a' AND sk = 1").items());
        assertEquals(List.of(Map.of("pk", s("a"), "sk", n("1"), "n", n("7"), "keep", s("k"))),
                run(ddb, "DELETE FROM \"pq-returning\" WHERE pk = 'a' AND sk = 1 RETURNING ALL OLD *").items());
        assertTrue(run(ddb, "SELECT * FROM \"pq-returning\" WHERE pk = 'a'").items().isEmpty());
    }

    @Test
    void orderByWalksThePartitionEitherWay(DynamoDbClient ddb) {
        createTable(ddb, "pq-order");
        for (int i = 1; i <= 5; i++) {
            run(ddb, "INSERT INTO \"pq-order\" VALUE {'pk': 'a', 'sk': " + i + ", 'org': 'acme', 'team': 't" + (i % 2) + "'}");
        }
        run(ddb, "INSERT INTO \"pq-order\" VALUE {'pk': 'b', 'sk': 9}");
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            var page = ddb.executeStatement(b -> b.statement("SELECT sk FROM \"pq-order\" WHERE pk = 'a' ORDER BY sk DESC")
                    .limit(2).nextToken(from));
            page.items().forEach(i -> seen.add(i.get("sk").n()));
            token = page.nextToken();
        } while (token != null);
        assertEquals(List.of("5", "4", "3", "2", "1"), seen);
        assertEquals(List.of("1", "3", "5"), run(ddb, "SELECT * FROM \"pq-order\".\"by-team\" WHERE org = 'acme' AND team = 't1'")
                .items().stream().map(i -> i.get("sk").n()).sorted().toList());
        DynamoDbException noWhere = assertThrows(DynamoDbException.class, () -> run(ddb, "SELECT * FROM \"pq-order\" ORDER BY sk"));
        assertEquals("Must have WHERE clause in the statement when using ORDER BY clause.", noWhere.awsErrorDetails().errorMessage());
    }

    @Test
    void boto3SeesNestedSelectAndReturning(URI endpoint, DynamoDbClient ddb) {
        createTable(ddb, "pq-boto3");
        String script = String.join("\n",
                "import boto3, os",
                "c = boto3.client('dynamodb', endpoint_url=os.environ['ENDPOINT'])",
                "c.execute_statement(Statement=\"INSERT INTO \\\"pq-boto3\\\" VALUE {'pk': 'a', 'sk': 1, 'm': {'x': 'v'}}\")",
                "print(c.execute_statement(Statement=\"SELECT m.x FROM \\\"pq-boto3\\\" WHERE pk = 'a' AND sk = 1\")['Items'])",
                "print(c.execute_statement(Statement=\"DELETE FROM \\\"pq-boto3\\\" WHERE pk = 'a' AND sk = 1 RETURNING ALL OLD *\")['Items'])");
        String out = new CliRunner(endpoint.toString()).python(script).assertSuccess().stdout();
        assertTrue(out.contains("[{'x': {'S': 'v'}}]"), out);
        assertTrue(out.contains("'m': {'M': {'x': {'S': 'v'}}}"), out);
    }
}
