package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Expression limits, the legacy/expression parameter mix and tag calls on another account's ARN, as AWS answers them. */
@ExtendWith(CloudJarExtension.class)
class DynamoDbExpressionLimitsIT {

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static DynamoDbException error(Executable call) {
        DynamoDbException e = assertThrows(DynamoDbException.class, call);
        assertEquals(400, e.statusCode());
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        return e;
    }

    private static void createTable(DynamoDbClient ddb, String name) {
        ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
    }

    private static Map<String, Condition> pkEquals(String value) {
        return Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s(value)).build());
    }

    @Test
    void legacyKeyConditionsGoWithFilterAndProjectionExpressions(DynamoDbClient ddb) {
        createTable(ddb, "limits-mix");
        ddb.putItem(b -> b.tableName("limits-mix").item(Map.of("pk", s("a"), "sk", s("1"), "v", s("keep"), "w", s("x"))));
        ddb.putItem(b -> b.tableName("limits-mix").item(Map.of("pk", s("a"), "sk", s("2"), "v", s("drop"), "w", s("y"))));
        QueryResponse mixed = ddb.query(b -> b.tableName("limits-mix").keyConditions(pkEquals("a"))
                .filterExpression("v = :v").projectionExpression("sk, #w")
                .expressionAttributeNames(Map.of("#w", "w")).expressionAttributeValues(Map.of(":v", s("keep"))));
        assertEquals(List.of(Map.of("sk", s("1"), "w", s("x"))), mixed.items());

        DynamoDbException withKeyExpression = error(() -> ddb.query(b -> b.tableName("limits-mix").keyConditions(pkEquals("a"))
                .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("a")))));
        assertEquals("Can not use both expression and non-expression parameters in the same request:"
                + " Non-expression parameters: {KeyConditions} Expression parameters: {KeyConditionExpression}",
                withKeyExpression.awsErrorDetails().errorMessage());

        DynamoDbException queryFilter = error(() -> ddb.query(b -> b.tableName("limits-mix").keyConditions(pkEquals("a"))
                .queryFilter(Map.of("v", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                        .attributeValueList(s("keep")).build()))
                .filterExpression("v = :v").expressionAttributeValues(Map.of(":v", s("keep")))));
        assertEquals("Can not use both expression and non-expression parameters in the same request:"
                + " Non-expression parameters: {QueryFilter} Expression parameters: {FilterExpression}",
                queryFilter.awsErrorDetails().errorMessage());
    }

    @Test
    void conditionsStopAtThreeHundredOperators(DynamoDbClient ddb) {
        createTable(ddb, "limits-ops");
        Map<String, AttributeValue> key = Map.of("pk", s("a"), "sk", s("1"));
        ddb.putItem(b -> b.tableName("limits-ops").item(Map.of("pk", s("a"), "sk", s("1"), "a", AttributeValue.fromN("1"),
                "b", AttributeValue.fromN("2"))));
        // 149 nested "or (a<b": 299 operators, nested deeper than any document path may be.
        String within = "a<b " + "or (a<b ".repeat(149) + ")".repeat(149);
        ddb.updateItem(b -> b.tableName("limits-ops").key(key).updateExpression("SET z = :z")
                .conditionExpression(within).expressionAttributeValues(Map.of(":z", AttributeValue.fromN("1"))));
        assertEquals("1", ddb.getItem(b -> b.tableName("limits-ops").key(key)).item().get("z").n());

        String over = "a<b " + "or (a<b ".repeat(454) + ")".repeat(454);
        assertTrue(over.length() < 4096);
        DynamoDbException tooMany = error(() -> ddb.updateItem(b -> b.tableName("limits-ops").key(key)
                .updateExpression("SET z = :z").conditionExpression(over)
                .expressionAttributeValues(Map.of(":z", AttributeValue.fromN("2")))));
        assertEquals("Invalid ConditionExpression: The expression contains too many operators; operator count: 301",
                tooMany.awsErrorDetails().errorMessage());

        DynamoDbException nots = error(() -> ddb.scan(b -> b.tableName("limits-ops").filterExpression("not ".repeat(1000) + "a<b")));
        assertEquals("Invalid FilterExpression: The expression contains too many operators; operator count: 301",
                nots.awsErrorDetails().errorMessage());

        String parens = "(".repeat(2046) + "a<b" + ")".repeat(2046);
        DynamoDbException redundant = error(() -> ddb.updateItem(b -> b.tableName("limits-ops").key(key)
                .updateExpression("SET z = :z").conditionExpression(parens)
                .expressionAttributeValues(Map.of(":z", AttributeValue.fromN("2")))));
        assertEquals("Invalid ConditionExpression: The expression has redundant parentheses;",
                redundant.awsErrorDetails().errorMessage());
        assertEquals("1", ddb.getItem(b -> b.tableName("limits-ops").key(key)).item().get("z").n());
        DynamoDbException operandGroups = error(() -> ddb.scan(b -> b.tableName("limits-ops")
                .filterExpression("a < " + "(".repeat(2000) + "b" + ")".repeat(2000))));
        assertEquals("Invalid FilterExpression: The expression has redundant parentheses;", operandGroups.awsErrorDetails().errorMessage());
        DynamoDbException sizes = error(() -> ddb.scan(b -> b.tableName("limits-ops")
                .filterExpression("a < " + "size(".repeat(680) + "b" + ")".repeat(680))));
        assertTrue(sizes.awsErrorDetails().errorMessage().startsWith("Invalid FilterExpression: "), sizes.awsErrorDetails().errorMessage());
        DynamoDbException unbalanced = error(() -> ddb.scan(b -> b.tableName("limits-ops").filterExpression("(".repeat(4096))));
        assertTrue(unbalanced.awsErrorDetails().errorMessage().startsWith("Invalid FilterExpression: Syntax error;"),
                unbalanced.awsErrorDetails().errorMessage());
    }

    @Test
    void tagCallsOnAnotherAccountsTableAreAccessDenied(DynamoDbClient ddb) {
        createTable(ddb, "limits-tags");
        String own = ddb.describeTable(b -> b.tableName("limits-tags")).table().tableArn();
        String account = own.split(":")[4];
        String foreign = own.replace(":" + account + ":", ":" + (account.equals("999999999999") ? "888888888888" : "999999999999") + ":");
        String caller = "User: arn:aws:iam::" + account + ":root is not authorized to perform: ";
        DynamoDbException list = assertThrows(DynamoDbException.class, () -> ddb.listTagsOfResource(b -> b.resourceArn(foreign)));
        assertEquals(400, list.statusCode());
        assertEquals("AccessDeniedException", list.awsErrorDetails().errorCode());
        assertEquals(caller + "dynamodb:ListTagsOfResource on resource: " + foreign
                + " because no resource-based policy allows the dynamodb:ListTagsOfResource action", list.awsErrorDetails().errorMessage());
        DynamoDbException tag = assertThrows(DynamoDbException.class, () -> ddb.tagResource(b -> b.resourceArn(foreign)
                .tags(t -> t.key("k").value("v"))));
        assertEquals("AccessDeniedException", tag.awsErrorDetails().errorCode());
        assertEquals(caller + "dynamodb:TagResource on resource: " + foreign
                + " because no resource-based policy allows the dynamodb:TagResource action", tag.awsErrorDetails().errorMessage());
        DynamoDbException untag = assertThrows(DynamoDbException.class, () -> ddb.untagResource(b -> b.resourceArn(foreign).tagKeys("k")));
        assertEquals("AccessDeniedException", untag.awsErrorDetails().errorCode());
        assertTrue(ddb.listTagsOfResource(b -> b.resourceArn(own)).tags().isEmpty());
    }
}
