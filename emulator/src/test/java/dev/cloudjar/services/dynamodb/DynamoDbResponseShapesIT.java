package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** DescribeTable/CreateTable/DeleteTable members as DynamoDB returns them, DescribeLimits, and request and transaction limits. */
@ExtendWith(CloudJarExtension.class)
class DynamoDbResponseShapesIT {

    private static void create(DynamoDbClient ddb, String name, boolean provisioned) {
        ddb.createTable(b -> {
            b.tableName(name)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build());
            GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder().indexName("by-g")
                    .keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build())
                    .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build());
            if (provisioned) {
                ProvisionedThroughput t = ProvisionedThroughput.builder().readCapacityUnits(20_000L).writeCapacityUnits(5L).build();
                b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(t).globalSecondaryIndexes(gsi.provisionedThroughput(t).build());
            } else {
                b.billingMode(BillingMode.PAY_PER_REQUEST).globalSecondaryIndexes(gsi.build());
            }
        });
    }

    @Test
    void tablesAndIndexesReportWarmThroughput(DynamoDbClient ddb) {
        create(ddb, "shape-ondemand", false);
        TableDescription t = ddb.describeTable(b -> b.tableName("shape-ondemand")).table();
        assertEquals(12_000L, t.warmThroughput().readUnitsPerSecond());
        assertEquals(4_000L, t.warmThroughput().writeUnitsPerSecond());
        assertEquals("ACTIVE", t.warmThroughput().statusAsString());
        assertEquals(12_000L, t.globalSecondaryIndexes().get(0).warmThroughput().readUnitsPerSecond());
        assertEquals("ACTIVE", t.globalSecondaryIndexes().get(0).warmThroughput().statusAsString());
        assertEquals(BillingMode.PAY_PER_REQUEST, t.billingModeSummary().billingMode());
        assertFalse(t.deletionProtectionEnabled());

        create(ddb, "shape-provisioned", true);
        TableDescription p = ddb.describeTable(b -> b.tableName("shape-provisioned")).table();
        assertEquals(20_000L, p.warmThroughput().readUnitsPerSecond());
        assertEquals(4_000L, p.warmThroughput().writeUnitsPerSecond());
        assertEquals(20_000L, p.globalSecondaryIndexes().get(0).provisionedThroughput().readCapacityUnits());
    }

    @Test
    void deleteTableAnswersWithTheTablesIdentityAndStatusOnly(DynamoDbClient ddb) {
        create(ddb, "shape-delete", false);
        String id = ddb.describeTable(b -> b.tableName("shape-delete")).table().tableId();
        TableDescription d = ddb.deleteTable(b -> b.tableName("shape-delete")).tableDescription();
        assertEquals("shape-delete", d.tableName());
        assertEquals("DELETING", d.tableStatusAsString());
        assertEquals(id, d.tableId());
        assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/shape-delete", d.tableArn());
        assertEquals(0L, d.itemCount());
        assertEquals(0L, d.provisionedThroughput().readCapacityUnits());
        assertFalse(d.hasKeySchema());
        assertFalse(d.hasAttributeDefinitions());
        assertFalse(d.hasGlobalSecondaryIndexes());
        assertNull(d.creationDateTime());
    }

    @Test
    void describeLimitsGivesTheAccountDefaults(DynamoDbClient ddb) {
        DescribeLimitsResponse l = ddb.describeLimits(b -> { });
        assertEquals(80_000L, l.accountMaxReadCapacityUnits());
        assertEquals(80_000L, l.accountMaxWriteCapacityUnits());
        assertEquals(40_000L, l.tableMaxReadCapacityUnits());
        assertEquals(40_000L, l.tableMaxWriteCapacityUnits());
    }

    @Test
    void itemValidationErrorsInATransactionAreCancellationReasons(DynamoDbClient ddb) {
        create(ddb, "shape-tx", false);
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> ddb.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("shape-tx").item(Map.of("pk", AttributeValue.fromS("ok")))).build(),
                TransactWriteItem.builder().put(p -> p.tableName("shape-tx").item(Map.of("pk", AttributeValue.fromN("1")))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("shape-tx").key(Map.of("nope", AttributeValue.fromS("x")))).build())));
        assertEquals("Transaction cancelled, please refer cancellation reasons for specific reasons [None, ValidationError, "
                + "ValidationError]", e.awsErrorDetails().errorMessage());
        assertEquals(List.of("None", "ValidationError", "ValidationError"),
                e.cancellationReasons().stream().map(r -> r.code()).toList());
        assertEquals("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N",
                e.cancellationReasons().get(1).message());
        assertEquals("The provided key element does not match the schema", e.cancellationReasons().get(2).message());
        assertEquals(0, ddb.scan(b -> b.tableName("shape-tx")).count());

        DynamoDbException empty = assertThrows(DynamoDbException.class, () -> ddb.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().delete(d -> d.tableName("shape-tx").key(Map.of("pk", AttributeValue.fromS("")))).build())));
        assertEquals("ValidationException", empty.awsErrorDetails().errorCode());
    }

    @Test
    void transactionsOverFourMegabytesAreRejected(DynamoDbClient ddb) {
        create(ddb, "shape-tx-big", false);
        SdkBytes blob = SdkBytes.fromByteArray(new byte[390 * 1024]);
        List<TransactWriteItem> items = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            String pk = "big-" + i;
            items.add(TransactWriteItem.builder().put(p -> p.tableName("shape-tx-big")
                    .item(Map.of("pk", AttributeValue.fromS(pk), "b", AttributeValue.fromB(blob)))).build());
        }
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> ddb.transactWriteItems(b -> b.transactItems(items)));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertEquals("Transaction item size has exceeded the 4 MB limit", e.awsErrorDetails().errorMessage());
        ddb.transactWriteItems(b -> b.transactItems(items.subList(0, 10)));
        assertEquals(10, ddb.scanPaginator(b -> b.tableName("shape-tx-big").select("COUNT")).stream()
                .mapToInt(page -> page.count()).sum());
    }

    @Test
    void requestsOverSixteenMegabytesAre413(URI endpoint) throws Exception {
        String body = "{\"TableName\":\"shape-none\"," + " ".repeat(17 * 1024 * 1024) + "\"Item\":{\"pk\":{\"S\":\"x\"}}}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                .header("X-Amz-Target", "DynamoDB_20120810.PutItem")
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host, Signature=abc")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("RequestEntityTooLarge"), r.body());
    }

    @Test
    void boto3ReadsTheNewMembers(URI endpoint, DynamoDbClient ddb) {
        create(ddb, "shape-boto", false);
        String script = String.join("\n",
                "import boto3, os",
                "c = boto3.client('dynamodb', endpoint_url=os.environ['ENDPOINT'])",
                "t = c.describe_table(TableName='shape-boto')['Table']",
                "print('warm|%d|%s' % (t['WarmThroughput']['ReadUnitsPerSecond'], t['WarmThroughput']['Status']))",
                "d = c.delete_table(TableName='shape-boto')['TableDescription']",
                "print('deleted|%s|%s' % (d['TableStatus'], 'KeySchema' in d))");
        CliRunner.Result result = new CliRunner(endpoint.toString()).python(script).assertSuccess();
        assertTrue(result.stdout().contains("warm|12000|ACTIVE"), result.stdout());
        assertTrue(result.stdout().contains("deleted|DELETING|False"), result.stdout());
    }
}
