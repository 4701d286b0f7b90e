package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Request parameters are checked against the model before any table is looked up (every table here is
 * missing), all violations in one message in DynamoDB's order and wording.
 */
@ExtendWith(CloudJarExtension.class)
class DynamoDbValidationIT {
    private static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("1"));

    private static DynamoDbException validation(org.junit.jupiter.api.function.Executable call) {
        DynamoDbException e = assertThrows(DynamoDbException.class, call);
        assertEquals(400, e.statusCode());
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        return e;
    }

    @Test
    void putItemReportsEveryViolationInDynamoDbsOrder(DynamoDbClient ddb) {
        DynamoDbException e = validation(() -> ddb.putItem(b -> b.tableName("abc;").returnConsumedCapacity("hi")
                .returnItemCollectionMetrics("hi").returnValues("hi")));
        assertEquals("5 validation errors detected: "
                + "Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; "
                + "Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
                + "Value null at 'item' failed to satisfy constraint: Member must not be null; "
                + "Value 'hi' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]; "
                + "Value 'hi' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]",
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void deleteAndUpdateItemReportKeyLast(DynamoDbClient ddb) {
        String expected = "5 validation errors detected: "
                + "Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; "
                + "Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
                + "Value 'hi' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]; "
                + "Value 'hi' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]; "
                + "Value null at 'key' failed to satisfy constraint: Member must not be null";
        assertEquals(expected, validation(() -> ddb.deleteItem(b -> b.tableName("abc;").returnConsumedCapacity("hi")
                .returnItemCollectionMetrics("hi").returnValues("hi"))).awsErrorDetails().errorMessage());
        assertEquals(expected, validation(() -> ddb.updateItem(b -> b.tableName("abc;").returnConsumedCapacity("hi")
                .returnItemCollectionMetrics("hi").returnValues("hi"))).awsErrorDetails().errorMessage());
    }

    @Test
    void tableNamesAreCheckedBeforeLookup(DynamoDbClient ddb) {
        assertEquals("1 validation error detected: Value '' at 'tableName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1",
                validation(() -> ddb.getItem(b -> b.tableName("").key(KEY))).awsErrorDetails().errorMessage());
        assertEquals("1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 3",
                validation(() -> ddb.getItem(b -> b.tableName("ab").key(KEY))).awsErrorDetails().errorMessage());
        assertEquals("1 validation error detected: Value 'non!existent!table' at 'tableName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
                validation(() -> ddb.putItem(b -> b.tableName("non!existent!table").item(KEY))).awsErrorDetails().errorMessage());
    }

    @Test
    void readParametersAreCheckedBeforeLookup(DynamoDbClient ddb) {
        assertEquals("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1",
                validation(() -> ddb.scan(b -> b.tableName("no-such-table").limit(0))).awsErrorDetails().errorMessage());
        assertEquals("1 validation error detected: Value 'XOR' at 'conditionalOperator' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [OR, AND]",
                validation(() -> ddb.query(b -> b.tableName("no-such-table").conditionalOperator("XOR")))
                        .awsErrorDetails().errorMessage());
    }

    @Test
    void nestedMembersAreCheckedWithAwsPaths(DynamoDbClient ddb) {
        assertEquals("1 validation error detected: Value null at 'attributeDefinitions.1.member.attributeName' failed to satisfy "
                        + "constraint: Member must not be null",
                validation(() -> ddb.createTable(b -> b.tableName("nested-bad").billingMode("PAY_PER_REQUEST")
                        .keySchema(k -> k.attributeName("id").keyType("HASH"))
                        .attributeDefinitions(a -> a.attributeType("S")))).awsErrorDetails().errorMessage());
        assertEquals("1 validation error detected: Value null at 'keyConditions.id.member.comparisonOperator' failed to satisfy "
                        + "constraint: Member must not be null",
                validation(() -> ddb.query(b -> b.tableName("no-such-table").keyConditions(Map.of("id",
                        software.amazon.awssdk.services.dynamodb.model.Condition.builder()
                                .attributeValueList(AttributeValue.fromS("1")).build())))).awsErrorDetails().errorMessage());
    }

    @Test
    void malformedNestedShapesAreSerializationErrorsNotFailures(URI endpoint) throws Exception {
        String[] bodies = {
            "{\"TableName\":\"raw-bad\",\"KeySchema\":[123],\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}]}",
            "{\"TableName\":\"raw-bad\",\"KeyConditions\":{\"a\":null}}",
        };
        String[] targets = {"CreateTable", "Query"};
        String[] expected = {"SerializationException", "ValidationException"};
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < bodies.length; i++) {
            java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(endpoint)
                    .header("X-Amz-Target", "DynamoDB_20120810." + targets[i])
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, "
                            + "SignedHeaders=host, Signature=abc")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(bodies[i])).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("#" + expected[i] + "\""), r.body());
        }
    }

    @Test
    void gzipBodiesAreDecodedAndTagResourceAnswersWithNoBody(URI endpoint, DynamoDbClient ddb) throws Exception {
        String arn = ddb.createTable(b -> b.tableName("gzip-table").billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))).tableDescription().tableArn();
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
            gz.write("{\"TableName\":\"gzip-table\",\"Item\":{\"id\":{\"S\":\"z\"},\"v\":{\"N\":\"7\"}}}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        java.net.http.HttpResponse<String> put = raw(endpoint, "PutItem",
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray()), "gzip");
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("7", ddb.getItem(b -> b.tableName("gzip-table").key(Map.of("id", AttributeValue.fromS("z"))))
                .item().get("v").n());
        java.net.http.HttpResponse<String> tag = raw(endpoint, "TagResource", java.net.http.HttpRequest.BodyPublishers.ofString(
                "{\"ResourceArn\":\"" + arn + "\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}"), null);
        assertEquals(200, tag.statusCode(), tag.body());
        assertEquals("", tag.body());
        assertEquals("v", ddb.listTagsOfResource(b -> b.resourceArn(arn)).tags().get(0).value());
    }

    private static java.net.http.HttpResponse<String> raw(URI endpoint, String target,
            java.net.http.HttpRequest.BodyPublisher body, String encoding) throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(endpoint)
                .header("X-Amz-Target", "DynamoDB_20120810." + target)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host, Signature=abc")
                .POST(body);
        if (encoding != null) {
            b.header("Content-Encoding", encoding);
        }
        return java.net.http.HttpClient.newHttpClient().send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void createTableReportsMissingSchemaAndBadNameTogether(DynamoDbClient ddb) {
        assertEquals("3 validation errors detected: "
                + "Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null; "
                + "Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3; "
                + "Value null at 'keySchema' failed to satisfy constraint: Member must not be null",
                validation(() -> ddb.createTable(b -> b.tableName("ab"))).awsErrorDetails().errorMessage());
        assertEquals("1 validation error detected: Value '0' at 'provisionedThroughput.writeCapacityUnits' failed to satisfy "
                + "constraint: Member must have value greater than or equal to 1",
                validation(() -> ddb.createTable(b -> b.tableName("bad-throughput")
                        .keySchema(k -> k.attributeName("id").keyType("HASH"))
                        .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                        .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(0L)))).awsErrorDetails().errorMessage());
    }

    @Test
    void emptyBatchRequestItemsUseDynamoDbsWording(DynamoDbClient ddb) {
        assertEquals("The requestItems parameter is required for BatchGetItem",
                validation(() -> ddb.batchGetItem(b -> b.requestItems(Map.of()))).awsErrorDetails().errorMessage());
        assertEquals("The requestItems parameter is required for BatchWriteItem",
                validation(() -> ddb.batchWriteItem(b -> b.requestItems(Map.of()))).awsErrorDetails().errorMessage());
    }

    @Test
    void describeTableWithoutNameUsesTheRequiredParameterWording(DynamoDbClient ddb) {
        assertEquals("The parameter 'TableName' is required but was not present in the request",
                validation(() -> ddb.describeTable(b -> { })).awsErrorDetails().errorMessage());
    }

    @Test
    void boto3SeesTheSameMessage(URI endpoint) {
        String script = String.join("\n",
                "import boto3, os, botocore",
                "c = boto3.client('dynamodb', endpoint_url=os.environ['ENDPOINT'])",
                "try:",
                "    c.put_item(TableName='no-such-table', Item={'id': {'S': '1'}}, ReturnValues='BOGUS')",
                "    raise SystemExit('no error')",
                "except botocore.exceptions.ClientError as e:",
                "    print(e.response['Error']['Code'] + '|' + e.response['Error']['Message'])");
        CliRunner.Result result = new CliRunner(endpoint.toString()).python(script).assertSuccess();
        assertTrue(result.stdout().contains("ValidationException|1 validation error detected: Value 'BOGUS' at 'returnValues' "
                + "failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]"),
                result.stdout());
    }
}
