package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Table management through the AWS SDK v2, including the validation errors users meet. */
@ExtendWith(CloudJarExtension.class)
class DynamoDbTablesIT {

    static CreateTableRequest.Builder hashTable(String name) {
        return CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST);
    }

    @Test
    void createDescribeListDelete(DynamoDbClient ddb) {
        var created = ddb.createTable(hashTable("tables-basic").tags(Tag.builder().key("team").value("a").build()).build());
        assertEquals("tables-basic", created.tableDescription().tableName());
        assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/tables-basic", created.tableDescription().tableArn());
        DescribeTableResponse d = ddb.describeTable(b -> b.tableName("tables-basic"));
        assertEquals("ACTIVE", d.table().tableStatusAsString());
        assertEquals(0L, d.table().itemCount());
        assertNotNull(d.table().tableId());
        assertNotNull(d.table().creationDateTime());
        assertEquals(BillingMode.PAY_PER_REQUEST, d.table().billingModeSummary().billingMode());
        assertEquals(0L, d.table().provisionedThroughput().numberOfDecreasesToday());
        assertFalse(d.table().deletionProtectionEnabled());
        ddb.waiter().waitUntilTableExists(b -> b.tableName("tables-basic"));
        assertTrue(ddb.listTables().tableNames().contains("tables-basic"));
        assertEquals("a", ddb.listTagsOfResource(b -> b.resourceArn(d.table().tableArn())).tags().get(0).value());
        ddb.deleteTable(b -> b.tableName("tables-basic"));
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                () -> ddb.describeTable(b -> b.tableName("tables-basic")));
        assertTrue(missing.awsErrorDetails().errorMessage().startsWith("Requested resource not found"));
    }

    @Test
    void duplicateTableIsResourceInUse(DynamoDbClient ddb) {
        ddb.createTable(hashTable("tables-dup").build());
        ResourceInUseException e = assertThrows(ResourceInUseException.class, () -> ddb.createTable(hashTable("tables-dup").build()));
        assertEquals("Table already exists: tables-dup", e.awsErrorDetails().errorMessage());
    }

    @Test
    void attributeDefinitionsMustMatchKeys(DynamoDbClient ddb) {
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> ddb.createTable(hashTable("tables-bad")
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("extra").attributeType(ScalarAttributeType.S).build()).build()));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertEquals("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match "
                + "number of attributes defined in AttributeDefinitions", e.awsErrorDetails().errorMessage());
        DynamoDbException unused = assertThrows(DynamoDbException.class, () -> ddb.createTable(hashTable("tables-bad2")
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("extra").attributeType(ScalarAttributeType.S).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("gsi")
                        .keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()).build()));
        assertEquals("One or more parameter values were invalid: Some AttributeDefinitions are not used. "
                + "AttributeDefinitions: [extra, g, pk], keys used: [g, pk]", unused.awsErrorDetails().errorMessage());
    }

    @Test
    void provisionedNeedsThroughput(DynamoDbClient ddb) {
        DynamoDbException e = assertThrows(DynamoDbException.class,
                () -> ddb.createTable(hashTable("tables-prov").billingMode(BillingMode.PROVISIONED).build()));
        assertEquals("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be "
                + "specified when BillingMode is PROVISIONED", e.awsErrorDetails().errorMessage());
        DynamoDbException both = assertThrows(DynamoDbException.class, () -> ddb.createTable(hashTable("tables-prov")
                .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(1L).writeCapacityUnits(1L).build()).build()));
        assertTrue(both.awsErrorDetails().errorMessage().contains("Neither ReadCapacityUnits nor WriteCapacityUnits"));
    }

    @Test
    void listTablesPages(DynamoDbClient ddb) {
        for (int i = 0; i < 3; i++) {
            ddb.createTable(hashTable("page-" + i).build());
        }
        ListTablesResponse first = ddb.listTables(b -> b.limit(2).exclusiveStartTableName("page-"));
        assertEquals(List.of("page-0", "page-1"), first.tableNames());
        assertEquals("page-1", first.lastEvaluatedTableName());
        ListTablesResponse second = ddb.listTables(b -> b.limit(2).exclusiveStartTableName("page-1"));
        assertEquals("page-2", second.tableNames().get(0));
    }

    @Test
    void streamsOnOffGiveNewLabels(DynamoDbClient ddb) throws Exception {
        ddb.createTable(hashTable("tables-streams").streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)).build());
        var d = ddb.describeTable(b -> b.tableName("tables-streams")).table();
        assertTrue(d.streamSpecification().streamEnabled());
        String first = d.latestStreamArn();
        assertTrue(first.startsWith(d.tableArn() + "/stream/"));
        assertEquals(first.substring(first.lastIndexOf('/') + 1), d.latestStreamLabel());
        ddb.updateTable(b -> b.tableName("tables-streams").streamSpecification(s -> s.streamEnabled(false)));
        Thread.sleep(2);
        ddb.updateTable(b -> b.tableName("tables-streams").streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(StreamViewType.KEYS_ONLY)));
        var again = ddb.describeTable(b -> b.tableName("tables-streams")).table();
        assertFalse(first.equals(again.latestStreamArn()));
        assertEquals(StreamViewType.KEYS_ONLY, again.streamSpecification().streamViewType());
    }

    @Test
    void deletionProtectionBlocksDelete(DynamoDbClient ddb) {
        ddb.createTable(hashTable("tables-protected").deletionProtectionEnabled(true).build());
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> ddb.deleteTable(b -> b.tableName("tables-protected")));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        ddb.updateTable(b -> b.tableName("tables-protected").deletionProtectionEnabled(false));
        ddb.deleteTable(b -> b.tableName("tables-protected"));
    }

    @Test
    void timeToLiveAndLimits(DynamoDbClient ddb) {
        ddb.createTable(hashTable("tables-ttl").build());
        assertEquals(TimeToLiveStatus.DISABLED, ddb.describeTimeToLive(b -> b.tableName("tables-ttl")).timeToLiveDescription().timeToLiveStatus());
        ddb.updateTimeToLive(b -> b.tableName("tables-ttl").timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));
        var ttl = ddb.describeTimeToLive(b -> b.tableName("tables-ttl")).timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
        assertEquals("expires", ttl.attributeName());
        assertEquals(40000L, ddb.describeLimits(b -> { }).tableMaxReadCapacityUnits());
        assertEquals(1, ddb.describeEndpoints(b -> { }).endpoints().size());
        assertNull(ddb.describeTable(b -> b.tableName("tables-ttl")).table().latestStreamArn());
    }
}
