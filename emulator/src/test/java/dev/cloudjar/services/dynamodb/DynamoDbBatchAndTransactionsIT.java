package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchGetItem, BatchWriteItem, transactions and PartiQL through the AWS SDK v2. */
@ExtendWith(CloudJarExtension.class)
class DynamoDbBatchAndTransactionsIT {

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of("id", s(id));
    }

    @BeforeAll
    static void tables(DynamoDbClient ddb) {
        for (String name : List.of("accounts", "ledger")) {
            ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
        }
    }

    @Test
    void batchWriteThenBatchGet(DynamoDbClient ddb) {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("id", s("b" + i), "n", AttributeValue.fromN("" + i))).build()).build());
        }
        var written = ddb.batchWriteItem(b -> b.requestItems(Map.of("accounts", writes)));
        assertTrue(written.unprocessedItems().isEmpty());
        var got = ddb.batchGetItem(b -> b.requestItems(Map.of("accounts", KeysAndAttributes.builder()
                .keys(key("b1"), key("b2"), key("missing")).projectionExpression("id").build())));
        assertEquals(2, got.responses().get("accounts").size());
        assertEquals(1, got.responses().get("accounts").get(0).size());
        List<WriteRequest> tooMany = new ArrayList<>(writes);
        tooMany.add(writes.get(0));
        DynamoDbException tooManyError = assertThrows(DynamoDbException.class, () -> ddb.batchWriteItem(b -> b.requestItems(Map.of("accounts", tooMany))));
        assertEquals("ValidationException", tooManyError.awsErrorDetails().errorCode());
        DynamoDbException dup = assertThrows(DynamoDbException.class, () -> ddb.batchGetItem(b -> b.requestItems(Map.of("accounts",
                KeysAndAttributes.builder().keys(key("b1"), key("b1")).build()))));
        assertEquals("Provided list of item keys contains duplicates", dup.awsErrorDetails().errorMessage());
    }

    @Test
    void transactWriteIsAtomicWithReasonsInOrder(DynamoDbClient ddb) {
        ddb.putItem(b -> b.tableName("accounts").item(Map.of("id", s("alice"), "balance", AttributeValue.fromN("100"))));
        ddb.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().update(Update.builder().tableName("accounts").key(key("alice"))
                        .updateExpression("SET balance = balance - :a").conditionExpression("balance >= :a")
                        .expressionAttributeValues(Map.of(":a", AttributeValue.fromN("30"))).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName("ledger").item(Map.of("id", s("t1"), "amount", AttributeValue.fromN("30"))).build()).build()));
        assertEquals("70", ddb.getItem(b -> b.tableName("accounts").key(key("alice"))).item().get("balance").n());
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> ddb.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName("ledger").item(Map.of("id", s("t2"))).build()).build(),
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("accounts").key(key("alice"))
                        .conditionExpression("balance > :x").expressionAttributeValues(Map.of(":x", AttributeValue.fromN("1000")))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build())));
        assertEquals(List.of("None", "ConditionalCheckFailed"), e.cancellationReasons().stream().map(r -> r.code()).toList());
        assertEquals("70", e.cancellationReasons().get(1).item().get("balance").n());
        assertTrue(e.awsErrorDetails().errorMessage().contains("[None, ConditionalCheckFailed]"));
        assertFalse(ddb.getItem(b -> b.tableName("ledger").key(key("t2"))).hasItem());
        DynamoDbException twice = assertThrows(DynamoDbException.class, () -> ddb.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().delete(Delete.builder().tableName("ledger").key(key("t1")).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName("ledger").item(key("t1")).build()).build())));
        assertEquals("Transaction request cannot include multiple operations on one item", twice.awsErrorDetails().errorMessage());
        var read = ddb.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder().get(Get.builder().tableName("accounts").key(key("alice")).build()).build(),
                TransactGetItem.builder().get(Get.builder().tableName("ledger").key(key("nothing")).build()).build()));
        assertEquals("70", read.responses().get(0).item().get("balance").n());
        assertFalse(read.responses().get(1).hasItem());
    }

    @Test
    void clientRequestTokenIsIdempotent(DynamoDbClient ddb) {
        ddb.putItem(b -> b.tableName("accounts").item(Map.of("id", s("bob"), "n", AttributeValue.fromN("0"))));
        for (int i = 0; i < 2; i++) {
            ddb.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(TransactWriteItem.builder()
                    .update(Update.builder().tableName("accounts").key(key("bob")).updateExpression("ADD n :one")
                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))).build()).build()));
        }
        assertEquals("1", ddb.getItem(b -> b.tableName("accounts").key(key("bob"))).item().get("n").n());
    }

    @Test
    void partiqlStatements(DynamoDbClient ddb) {
        ddb.executeStatement(b -> b.statement("INSERT INTO \"ledger\" VALUE {'id': ?, 'amount': 5}").parameters(s("p1")));
        assertThrows(DuplicateItemException.class,
                () -> ddb.executeStatement(b -> b.statement("INSERT INTO \"ledger\" VALUE {'id': 'p1'}")));
        var selected = ddb.executeStatement(b -> b.statement("SELECT * FROM \"ledger\" WHERE id = ?").parameters(s("p1")));
        assertEquals("5", selected.items().get(0).get("amount").n());
        ddb.executeStatement(b -> b.statement("UPDATE \"ledger\" SET amount = amount + 1 WHERE id = 'p1'"));
        assertEquals("6", ddb.getItem(b -> b.tableName("ledger").key(key("p1"))).item().get("amount").n());
        assertThrows(ConditionalCheckFailedException.class,
                () -> ddb.executeStatement(b -> b.statement("UPDATE \"ledger\" SET amount = 1 WHERE id = 'p1' AND amount > 100")));
        var batch = ddb.batchExecuteStatement(b -> b.statements(
                BatchStatementRequest.builder().statement("SELECT * FROM \"ledger\" WHERE id = 'p1'").build(),
                BatchStatementRequest.builder().statement("INSERT INTO \"ledger\" VALUE {'id': 'p1'}").build()));
        assertEquals("6", batch.responses().get(0).item().get("amount").n());
        assertEquals("DuplicateItem", batch.responses().get(1).error().codeAsString());
        ddb.executeTransaction(b -> b.transactStatements(
                ParameterizedStatement.builder().statement("DELETE FROM \"ledger\" WHERE id = 'p1'").build(),
                ParameterizedStatement.builder().statement("INSERT INTO \"ledger\" VALUE {'id': 'p2'}").build()));
        assertFalse(ddb.getItem(b -> b.tableName("ledger").key(key("p1"))).hasItem());
        assertTrue(ddb.getItem(b -> b.tableName("ledger").key(key("p2"))).hasItem());
    }
}
