package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeGlobalTableSettingsResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListGlobalTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.Replica;
import software.amazon.awssdk.services.dynamodb.model.ReplicaAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.ReplicaNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReplicaUpdate;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/** Global tables (version 2017.11.29) across regions of one CloudJar, through the SDK v2 and boto3. */
@ExtendWith(CloudJarExtension.class)
class DynamoDbGlobalTablesIT {

    private static DynamoDbClient in(CloudJar cloudJar, Region region) {
        return CloudJarExtension.client(DynamoDbClient.builder(), cloudJar).region(region).build();
    }

    private static void createReplicaTable(DynamoDbClient ddb, String name, StreamViewType view) {
        ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(view)));
    }

    private static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        T value = read.get();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            value = read.get();
        }
        return value;
    }

    @Test
    void writesInOneReplicaReachTheOthersAndStayThere(CloudJar cloudJar) throws InterruptedException {
        try (DynamoDbClient east = in(cloudJar, Region.US_EAST_1); DynamoDbClient west = in(cloudJar, Region.US_WEST_2)) {
            createReplicaTable(east, "gt-orders", StreamViewType.NEW_AND_OLD_IMAGES);
            createReplicaTable(west, "gt-orders", StreamViewType.NEW_AND_OLD_IMAGES);
            GlobalTableDescription created = east.createGlobalTable(b -> b.globalTableName("gt-orders")
                    .replicationGroup(Replica.builder().regionName("us-east-1").build(), Replica.builder().regionName("us-west-2").build()))
                    .globalTableDescription();
            assertEquals(GlobalTableStatus.CREATING, created.globalTableStatus());
            assertEquals("arn:aws:dynamodb::000000000000:global-table/gt-orders", created.globalTableArn());
            assertEquals(List.of("us-east-1", "us-west-2"), created.replicationGroup().stream().map(r -> r.regionName()).toList());
            assertEquals(GlobalTableStatus.ACTIVE, west.describeGlobalTable(b -> b.globalTableName("gt-orders"))
                    .globalTableDescription().globalTableStatus());

            east.putItem(b -> b.tableName("gt-orders").item(Map.of("id", AttributeValue.fromS("o1"), "qty", AttributeValue.fromN("3"))));
            Map<String, AttributeValue> replicated = eventually(
                    () -> west.getItem(b -> b.tableName("gt-orders").key(Map.of("id", AttributeValue.fromS("o1")))).item(),
                    item -> item != null && !item.isEmpty());
            assertEquals("3", replicated.get("qty").n());

            west.updateItem(b -> b.tableName("gt-orders").key(Map.of("id", AttributeValue.fromS("o1")))
                    .updateExpression("SET qty = :q").expressionAttributeValues(Map.of(":q", AttributeValue.fromN("5"))));
            Map<String, AttributeValue> back = eventually(
                    () -> east.getItem(b -> b.tableName("gt-orders").key(Map.of("id", AttributeValue.fromS("o1")))).item(),
                    item -> "5".equals(item.get("qty").n()));
            assertEquals("5", back.get("qty").n());

            east.deleteItem(b -> b.tableName("gt-orders").key(Map.of("id", AttributeValue.fromS("o1"))));
            Map<String, AttributeValue> gone = eventually(
                    () -> west.getItem(b -> b.tableName("gt-orders").key(Map.of("id", AttributeValue.fromS("o1")))).item(),
                    item -> item == null || item.isEmpty());
            assertTrue(gone == null || gone.isEmpty(), String.valueOf(gone));
            // a replicated write is not sent back: the east table stays empty and the west one too
            Thread.sleep(200);
            assertEquals(0, east.scan(b -> b.tableName("gt-orders")).count());
            assertEquals(0, west.scan(b -> b.tableName("gt-orders")).count());

            DescribeGlobalTableSettingsResponse settings = east.describeGlobalTableSettings(b -> b.globalTableName("gt-orders"));
            assertEquals(2, settings.replicaSettings().size());
            assertEquals(BillingMode.PAY_PER_REQUEST, settings.replicaSettings().get(0).replicaBillingModeSummary().billingMode());
        }
    }

    @Test
    void concurrentWritesOfOneItemInTwoRegionsConverge(CloudJar cloudJar) throws Exception {
        try (DynamoDbClient east = in(cloudJar, Region.US_EAST_1); DynamoDbClient west = in(cloudJar, Region.US_WEST_1)) {
            createReplicaTable(east, "gt-race", StreamViewType.NEW_AND_OLD_IMAGES);
            createReplicaTable(west, "gt-race", StreamViewType.NEW_AND_OLD_IMAGES);
            east.createGlobalTable(b -> b.globalTableName("gt-race").replicationGroup(Replica.builder().regionName("us-east-1").build(),
                    Replica.builder().regionName("us-west-1").build()));
            java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (DynamoDbClient client : List.of(east, west)) {
                    String region = client == east ? "east" : "west";
                    done.add(writers.submit(() -> {
                        for (int i = 0; i < 40; i++) {
                            String id = "k" + (i % 8);
                            String value = region + i;
                            client.putItem(b -> b.tableName("gt-race").item(Map.of("id", AttributeValue.fromS(id), "v", AttributeValue.fromS(value))));
                        }
                    }));
                }
                for (java.util.concurrent.Future<?> f : done) {
                    f.get();
                }
            } finally {
                writers.shutdown();
            }
            Supplier<Map<String, String>> eastItems = () -> contents(east, "gt-race");
            Map<String, String> westItems = eventually(() -> contents(west, "gt-race"),
                    w -> w.size() == 8 && w.equals(eastItems.get()));
            assertEquals(eastItems.get(), westItems, "both replicas hold the last write of every item");
        }
    }

    private static Map<String, String> contents(DynamoDbClient ddb, String table) {
        Map<String, String> out = new java.util.TreeMap<>();
        ddb.scan(b -> b.tableName(table).consistentRead(true)).items().forEach(i -> out.put(i.get("id").s(), i.get("v").s()));
        return out;
    }

    @Test
    void replicasJoinAndLeaveAndTheRulesOfAReplicaAreEnforced(CloudJar cloudJar) {
        try (DynamoDbClient east = in(cloudJar, Region.US_EAST_1); DynamoDbClient eu = in(cloudJar, Region.EU_WEST_1);
             DynamoDbClient ap = in(cloudJar, Region.AP_SOUTHEAST_2)) {
            createReplicaTable(east, "gt-rules", StreamViewType.NEW_AND_OLD_IMAGES);
            TableNotFoundException missing = assertThrows(TableNotFoundException.class, () -> east.createGlobalTable(b -> b
                    .globalTableName("gt-rules").replicationGroup(Replica.builder().regionName("us-east-1").build(),
                            Replica.builder().regionName("eu-west-1").build())));
            assertTrue(missing.awsErrorDetails().errorMessage().contains("eu-west-1"), missing.awsErrorDetails().errorMessage());
            createReplicaTable(eu, "gt-rules", StreamViewType.NEW_IMAGE);
            DynamoDbException wrongView = assertThrows(DynamoDbException.class, () -> east.createGlobalTable(b -> b
                    .globalTableName("gt-rules").replicationGroup(Replica.builder().regionName("us-east-1").build(),
                            Replica.builder().regionName("eu-west-1").build())));
            assertEquals("ValidationException", wrongView.awsErrorDetails().errorCode());
            assertTrue(wrongView.awsErrorDetails().errorMessage().contains("NEW_AND_OLD_IMAGES"), wrongView.awsErrorDetails().errorMessage());

            east.createGlobalTable(b -> b.globalTableName("gt-rules").replicationGroup(Replica.builder().regionName("us-east-1").build()));
            assertThrows(GlobalTableAlreadyExistsException.class, () -> east.createGlobalTable(b -> b.globalTableName("gt-rules")
                    .replicationGroup(Replica.builder().regionName("us-east-1").build())));

            createReplicaTable(ap, "gt-rules", StreamViewType.NEW_AND_OLD_IMAGES);
            ap.putItem(b -> b.tableName("gt-rules").item(Map.of("id", AttributeValue.fromS("early"))));
            DynamoDbException notEmpty = assertThrows(DynamoDbException.class, () -> east.updateGlobalTable(b -> b.globalTableName("gt-rules")
                    .replicaUpdates(ReplicaUpdate.builder().create(c -> c.regionName("ap-southeast-2")).build())));
            assertEquals("ValidationException", notEmpty.awsErrorDetails().errorCode());
            ap.deleteItem(b -> b.tableName("gt-rules").key(Map.of("id", AttributeValue.fromS("early"))));
            GlobalTableDescription joined = east.updateGlobalTable(b -> b.globalTableName("gt-rules")
                    .replicaUpdates(ReplicaUpdate.builder().create(c -> c.regionName("ap-southeast-2")).build())).globalTableDescription();
            assertEquals(List.of("us-east-1", "ap-southeast-2"), joined.replicationGroup().stream().map(r -> r.regionName()).toList());
            assertThrows(ReplicaAlreadyExistsException.class, () -> east.updateGlobalTable(b -> b.globalTableName("gt-rules")
                    .replicaUpdates(ReplicaUpdate.builder().create(c -> c.regionName("ap-southeast-2")).build())));
            assertThrows(ReplicaNotFoundException.class, () -> east.updateGlobalTable(b -> b.globalTableName("gt-rules")
                    .replicaUpdates(ReplicaUpdate.builder().delete(c -> c.regionName("eu-west-1")).build())));
            east.updateGlobalTable(b -> b.globalTableName("gt-rules")
                    .replicaUpdates(ReplicaUpdate.builder().delete(c -> c.regionName("ap-southeast-2")).build()));
            assertEquals(1, east.describeGlobalTable(b -> b.globalTableName("gt-rules")).globalTableDescription().replicationGroup().size());
            assertThrows(GlobalTableNotFoundException.class, () -> east.describeGlobalTable(b -> b.globalTableName("gt-none")));
        }
    }

    @Test
    void listingPagesByNameAndFiltersByRegion(CloudJar cloudJar) {
        try (DynamoDbClient east = in(cloudJar, Region.US_EAST_1); DynamoDbClient sa = in(cloudJar, Region.SA_EAST_1)) {
            for (String name : List.of("gt-list-a", "gt-list-b", "gt-list-c")) {
                createReplicaTable(east, name, StreamViewType.NEW_AND_OLD_IMAGES);
                east.createGlobalTable(b -> b.globalTableName(name).replicationGroup(Replica.builder().regionName("us-east-1").build()));
            }
            createReplicaTable(sa, "gt-list-b", StreamViewType.NEW_AND_OLD_IMAGES);
            east.updateGlobalTable(b -> b.globalTableName("gt-list-b")
                    .replicaUpdates(ReplicaUpdate.builder().create(c -> c.regionName("sa-east-1")).build()));
            ListGlobalTablesResponse first = east.listGlobalTables(b -> b.exclusiveStartGlobalTableName("gt-list-").limit(2));
            assertEquals(List.of("gt-list-a", "gt-list-b"), first.globalTables().stream().map(g -> g.globalTableName()).toList());
            assertEquals("gt-list-b", first.lastEvaluatedGlobalTableName());
            ListGlobalTablesResponse rest = east.listGlobalTables(b -> b.exclusiveStartGlobalTableName("gt-list-b").limit(2));
            assertTrue(rest.globalTables().stream().anyMatch(g -> g.globalTableName().equals("gt-list-c")));
            ListGlobalTablesResponse inSa = east.listGlobalTables(b -> b.regionName("sa-east-1"));
            assertEquals(List.of("gt-list-b"), inSa.globalTables().stream().map(g -> g.globalTableName()).toList());
            assertNull(inSa.lastEvaluatedGlobalTableName());
        }
    }

    @Test
    void updateTableReplicaUpdatesMakeAVersion2019GlobalTable(CloudJar cloudJar) throws InterruptedException {
        try (DynamoDbClient east = in(cloudJar, Region.US_EAST_1); DynamoDbClient eu = in(cloudJar, Region.EU_CENTRAL_1)) {
            east.createTable(b -> b.tableName("gt-v2").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
            east.putItem(b -> b.tableName("gt-v2").item(Map.of("id", AttributeValue.fromS("before"))));
            DynamoDbException local = assertThrows(DynamoDbException.class, () -> east.updateTable(b -> b.tableName("gt-v2")
                    .replicaUpdates(software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate.builder()
                            .create(c -> c.regionName("us-east-1")).build())));
            assertEquals("Cannot add, delete, or update the local region through ReplicaUpdates. Use CreateTable, DeleteTable, "
                    + "or UpdateTable as required.", local.awsErrorDetails().errorMessage());

            TableDescription updating = east.updateTable(b -> b.tableName("gt-v2")
                    .replicaUpdates(software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate.builder()
                            .create(c -> c.regionName("eu-central-1")).build())).tableDescription();
            assertEquals(TableStatus.UPDATING, updating.tableStatus());
            TableDescription described = east.describeTable(b -> b.tableName("gt-v2")).table();
            assertEquals("2019.11.21", described.globalTableVersion());
            assertEquals(List.of("eu-central-1"), described.replicas().stream().map(r -> r.regionName()).toList());
            assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, described.streamSpecification().streamViewType());
            TableDescription replica = eu.describeTable(b -> b.tableName("gt-v2")).table();
            assertEquals(List.of("us-east-1"), replica.replicas().stream().map(r -> r.regionName()).toList());
            assertEquals("before", eu.getItem(b -> b.tableName("gt-v2").key(Map.of("id", AttributeValue.fromS("before")))).item()
                    .get("id").s(), "existing items are copied into the new replica");

            eu.putItem(b -> b.tableName("gt-v2").item(Map.of("id", AttributeValue.fromS("from-eu"))));
            Map<String, AttributeValue> arrived = eventually(
                    () -> east.getItem(b -> b.tableName("gt-v2").key(Map.of("id", AttributeValue.fromS("from-eu")))).item(),
                    i -> i != null && !i.isEmpty());
            assertEquals("from-eu", arrived.get("id").s());
            DynamoDbException streamOff = assertThrows(DynamoDbException.class, () -> eu.updateTable(b -> b.tableName("gt-v2")
                    .streamSpecification(st -> st.streamEnabled(false))));
            assertEquals("One or more parameter values were invalid: Disabling Stream is not allowed for a Global Table replica.",
                    streamOff.awsErrorDetails().errorMessage());
            assertThrows(GlobalTableNotFoundException.class, () -> east.describeGlobalTable(b -> b.globalTableName("gt-v2")));

            east.updateTable(b -> b.tableName("gt-v2").replicaUpdates(software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate
                    .builder().delete(c -> c.regionName("eu-central-1")).build()));
            assertThrows(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class,
                    () -> eu.describeTable(b -> b.tableName("gt-v2")));
            TableDescription alone = east.describeTable(b -> b.tableName("gt-v2")).table();
            assertTrue(alone.replicas().isEmpty());
            assertNull(alone.globalTableVersion());
        }
    }

    @Test
    void aProvisionedTableCannotGetReplicas(CloudJar cloudJar) {
        try (DynamoDbClient east = in(cloudJar, Region.US_EAST_1)) {
            east.createTable(b -> b.tableName("gt-prov")
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
            DynamoDbException e = assertThrows(DynamoDbException.class, () -> east.updateTable(b -> b.tableName("gt-prov")
                    .replicaUpdates(software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate.builder()
                            .create(c -> c.regionName("us-west-1")).build())));
            assertEquals("Table write capacity should either be Pay-Per-Request or AutoScaled.", e.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void aGlobalTableKeepsReplicatingAfterARestart(@TempDir Path dataDir) throws InterruptedException {
        try (CloudJar first = CloudJar.start(CloudJarConfig.defaults().withPort(0).withDataDir(dataDir));
             DynamoDbClient east = in(first, Region.US_EAST_1); DynamoDbClient west = in(first, Region.US_WEST_2)) {
            createReplicaTable(east, "gt-kept", StreamViewType.NEW_AND_OLD_IMAGES);
            createReplicaTable(west, "gt-kept", StreamViewType.NEW_AND_OLD_IMAGES);
            east.createGlobalTable(b -> b.globalTableName("gt-kept").replicationGroup(Replica.builder().regionName("us-east-1").build(),
                    Replica.builder().regionName("us-west-2").build()));
        }
        try (CloudJar second = CloudJar.start(CloudJarConfig.defaults().withPort(0).withDataDir(dataDir));
             DynamoDbClient east = in(second, Region.US_EAST_1); DynamoDbClient west = in(second, Region.US_WEST_2)) {
            assertEquals(2, west.describeGlobalTable(b -> b.globalTableName("gt-kept")).globalTableDescription().replicationGroup().size());
            west.putItem(b -> b.tableName("gt-kept").item(Map.of("id", AttributeValue.fromS("after"))));
            Map<String, AttributeValue> item = eventually(
                    () -> east.getItem(b -> b.tableName("gt-kept").key(Map.of("id", AttributeValue.fromS("after")))).item(),
                    i -> i != null && !i.isEmpty());
            assertEquals("after", item.get("id").s());
        }
    }

    @Test
    void boto3CreatesAndDescribesAGlobalTable(CloudJar cloudJar, URI endpoint) {
        try (DynamoDbClient east = in(cloudJar, Region.US_EAST_1)) {
            createReplicaTable(east, "gt-boto", StreamViewType.NEW_AND_OLD_IMAGES);
        }
        String script = String.join("\n",
                "import boto3, os, botocore",
                "c = boto3.client('dynamodb', endpoint_url=os.environ['ENDPOINT'], region_name='us-east-1')",
                "d = c.create_global_table(GlobalTableName='gt-boto', ReplicationGroup=[{'RegionName': 'us-east-1'}])['GlobalTableDescription']",
                "print('create|' + d['GlobalTableStatus'] + '|' + type(d['CreationDateTime']).__name__)",
                "print('describe|' + c.describe_global_table(GlobalTableName='gt-boto')['GlobalTableDescription']['GlobalTableStatus'])",
                "try:",
                "    c.describe_global_table(GlobalTableName='gt-nothing')",
                "except botocore.exceptions.ClientError as e:",
                "    print('error|' + e.response['Error']['Code'])");
        CliRunner.Result result = new CliRunner(endpoint.toString()).python(script).assertSuccess();
        assertEquals(List.of("create|CREATING|datetime", "describe|ACTIVE", "error|GlobalTableNotFoundException"),
                List.of(result.stdout().strip().split("\n")), result.stdout() + result.stderr());
    }
}
