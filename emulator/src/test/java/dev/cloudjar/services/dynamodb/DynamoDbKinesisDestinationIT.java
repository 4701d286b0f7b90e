package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ApproximateCreationDateTimePrecision;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DestinationStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.EnableKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KinesisDataStreamDestination;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Kinesis Data Streams for DynamoDB through the SDK v2 (and boto3): destinations, AWS's records, errors, restart. */
@ExtendWith(CloudJarExtension.class)
class DynamoDbKinesisDestinationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVALID_STATE = "Table is not in a valid state to enable Kinesis Streaming Destination: ";

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static void table(DynamoDbClient ddb, String name) {
        ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("n").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("n").keyType(KeyType.RANGE).build()));
    }

    static String stream(KinesisClient kinesis, String name) {
        kinesis.createStream(b -> b.streamName(name).shardCount(1));
        return kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamARN();
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of("id", s(id), "n", AttributeValue.fromN("1"));
    }

    /** Every record of a one-shard stream, oldest first. */
    static List<Record> records(KinesisClient kinesis, String name) {
        String iterator = kinesis.getShardIterator(b -> b.streamName(name).shardId("shardId-000000000000")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        return kinesis.getRecords(b -> b.shardIterator(iterator)).records();
    }

    static JsonNode data(Record r) throws Exception {
        return JSON.readTree(r.data().asByteArray());
    }

    static List<KinesisDataStreamDestination> destinations(DynamoDbClient ddb, String table) {
        return ddb.describeKinesisStreamingDestination(b -> b.tableName(table)).kinesisDataStreamDestinations();
    }

    static void assertError(String code, String message, Runnable call) {
        DynamoDbException e = assertThrows(DynamoDbException.class, call::run);
        assertEquals(400, e.statusCode());
        assertEquals(code, e.awsErrorDetails().errorCode());
        assertEquals(message, e.awsErrorDetails().errorMessage());
    }

    @Test
    void everyItemChangeReachesTheStreamAsAwsRecord(DynamoDbClient ddb, KinesisClient kinesis, CloudJar cloudJar) throws Exception {
        table(ddb, "orders");
        String arn = stream(kinesis, "orders-cdc");
        assertTrue(destinations(ddb, "orders").isEmpty());

        EnableKinesisStreamingDestinationResponse enabled = ddb.enableKinesisStreamingDestination(b -> b.tableName("orders").streamArn(arn));
        assertEquals(DestinationStatus.ENABLING, enabled.destinationStatus());
        assertEquals("orders", enabled.tableName());
        assertEquals(arn, enabled.streamArn());
        assertNull(enabled.enableKinesisStreamingConfiguration().approximateCreationDateTimePrecision());
        List<KinesisDataStreamDestination> listed = destinations(ddb, "orders");
        assertEquals(1, listed.size());
        assertEquals(arn, listed.get(0).streamArn());
        assertEquals(DestinationStatus.ACTIVE, listed.get(0).destinationStatus());
        assertNull(listed.get(0).destinationStatusDescription());
        assertNull(listed.get(0).approximateCreationDateTimePrecision());
        assertNull(ddb.describeTable(b -> b.tableName("orders")).table().streamSpecification(), "a Kinesis destination is no DynamoDB stream");

        long before = System.currentTimeMillis();
        ddb.putItem(b -> b.tableName("orders").item(Map.of("id", s("o-1"), "n", AttributeValue.fromN("1"), "state", s("new"))));
        ddb.putItem(b -> b.tableName("orders").item(Map.of("id", s("o-1"), "n", AttributeValue.fromN("1"), "state", s("new"))));
        ddb.updateItem(b -> b.tableName("orders").key(key("o-1")).updateExpression("SET #s = :s")
                .expressionAttributeNames(Map.of("#s", "state")).expressionAttributeValues(Map.of(":s", s("paid"))));
        ddb.deleteItem(b -> b.tableName("orders").key(key("o-1")));
        ddb.deleteItem(b -> b.tableName("orders").key(key("o-1")));

        List<Record> records = records(kinesis, "orders-cdc");
        assertEquals(3, records.size(), "a write that changes nothing leaves no record");
        List<String> names = new ArrayList<>();
        for (Record r : records) {
            JsonNode d = data(r);
            names.add(d.get("eventName").asText());
            assertEquals("us-east-1", d.get("awsRegion").asText());
            assertTrue(d.get("eventID").asText().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), d.toString());
            assertTrue(d.has("userIdentity") && d.get("userIdentity").isNull(), d.toString());
            assertEquals("application/json", d.get("recordFormat").asText());
            assertEquals("orders", d.get("tableName").asText());
            assertEquals("aws:dynamodb", d.get("eventSource").asText());
            JsonNode db = d.get("dynamodb");
            long at = db.get("ApproximateCreationDateTime").asLong();
            assertTrue(at >= before - 1000 && at <= System.currentTimeMillis() + 1000, "epoch milliseconds: " + at);
            assertEquals("MILLISECOND", db.get("ApproximateCreationDateTimePrecision").asText());
            assertEquals(JSON.readTree("{\"id\":{\"S\":\"o-1\"},\"n\":{\"N\":\"1\"}}"), db.get("Keys"));
            assertTrue(db.get("SizeBytes").asLong() > 0);
            assertFalse(db.has("SequenceNumber") || db.has("StreamViewType"), "DynamoDB Streams members only: " + db);
            assertTrue(r.partitionKey().matches("[0-9A-F]{32}"), r.partitionKey());
            assertEquals(records.get(0).partitionKey(), r.partitionKey(), "one item, one partition key");
        }
        assertEquals(List.of("INSERT", "MODIFY", "REMOVE"), names);
        JsonNode insert = data(records.get(0)).get("dynamodb");
        assertEquals("new", insert.get("NewImage").get("state").get("S").asText());
        assertFalse(insert.has("OldImage"));
        JsonNode modify = data(records.get(1)).get("dynamodb");
        assertEquals("new", modify.get("OldImage").get("state").get("S").asText(), "images are always NEW_AND_OLD");
        assertEquals("paid", modify.get("NewImage").get("state").get("S").asText());
        JsonNode remove = data(records.get(2)).get("dynamodb");
        assertEquals("paid", remove.get("OldImage").get("state").get("S").asText());
        assertFalse(remove.has("NewImage"));

        // batches, transactions and PartiQL go the same way; a TTL deletion is the service's
        ddb.batchWriteItem(b -> b.requestItems(Map.of("orders", List.of(software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                .putRequest(p -> p.item(Map.of("id", s("o-2"), "n", AttributeValue.fromN("1")))).build()))));
        ddb.executeStatement(b -> b.statement("UPDATE orders SET note = 'x' WHERE id = 'o-2' AND n = 1"));
        ddb.updateTimeToLive(b -> b.tableName("orders").timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        long past = cloudJar.context().clock().millis() / 1000 - 60;
        ddb.putItem(b -> b.tableName("orders").item(Map.of("id", s("o-3"), "n", AttributeValue.fromN("1"),
                "expires", AttributeValue.fromN(Long.toString(past)))));
        cloudJar.backend(DynamoDbBackend.class).sweepNow();
        records = records(kinesis, "orders-cdc");
        List<String> later = new ArrayList<>();
        for (Record r : records.subList(3, records.size())) {
            later.add(data(r).get("eventName").asText() + " " + data(r).get("dynamodb").get("Keys").get("id").get("S").asText());
        }
        assertEquals(List.of("INSERT o-2", "MODIFY o-2", "INSERT o-3", "REMOVE o-3"), later);
        JsonNode ttl = data(records.get(records.size() - 1)).get("userIdentity");
        assertEquals("Service", ttl.get("type").asText());
        assertEquals("dynamodb.amazonaws.com", ttl.get("principalId").asText());
    }

    @Test
    void precisionUpdatesAndDisableStopsDelivery(DynamoDbClient ddb, KinesisClient kinesis) throws Exception {
        table(ddb, "clicks");
        String arn = stream(kinesis, "clicks-cdc");
        ddb.enableKinesisStreamingDestination(b -> b.tableName("clicks").streamArn(arn));

        assertError("ValidationException", "Streaming destination cannot be updated with given parameters: "
                + "UpdateKinesisStreamingConfiguration cannot be null or contain only null values",
                () -> ddb.updateKinesisStreamingDestination(b -> b.tableName("clicks").streamArn(arn)));
        assertError("ValidationException", "Invalid Request: Precision is already set to the desired value of MILLISECOND for tableId: "
                        + ddb.describeTable(b -> b.tableName("clicks")).table().tableId() + ", kdsArn: " + arn,
                () -> ddb.updateKinesisStreamingDestination(b -> b.tableName("clicks").streamArn(arn)
                        .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MILLISECOND))));
        UpdateKinesisStreamingDestinationResponse updated = ddb.updateKinesisStreamingDestination(b -> b.tableName("clicks").streamArn(arn)
                .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MICROSECOND)));
        assertEquals(DestinationStatus.UPDATING, updated.destinationStatus());
        assertEquals(ApproximateCreationDateTimePrecision.MICROSECOND,
                updated.updateKinesisStreamingConfiguration().approximateCreationDateTimePrecision());
        KinesisDataStreamDestination d = destinations(ddb, "clicks").get(0);
        assertEquals(DestinationStatus.ACTIVE, d.destinationStatus());
        assertEquals(ApproximateCreationDateTimePrecision.MICROSECOND, d.approximateCreationDateTimePrecision());

        ddb.putItem(b -> b.tableName("clicks").item(key("c-1")));
        JsonNode micro = data(records(kinesis, "clicks-cdc").get(0)).get("dynamodb");
        assertEquals("MICROSECOND", micro.get("ApproximateCreationDateTimePrecision").asText());
        long at = micro.get("ApproximateCreationDateTime").asLong();
        assertTrue(Math.abs(at / 1000 - System.currentTimeMillis()) < 60_000, "epoch microseconds: " + at);

        assertError("ValidationException", "Stream cannot be disabled using EnableKinesisStreamingConfiguration parameters",
                () -> ddb.disableKinesisStreamingDestination(b -> b.tableName("clicks").streamArn(arn)
                        .enableKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MICROSECOND))));
        assertEquals(DestinationStatus.DISABLING,
                ddb.disableKinesisStreamingDestination(b -> b.tableName("clicks").streamArn(arn)).destinationStatus());
        d = destinations(ddb, "clicks").get(0);
        assertEquals(DestinationStatus.DISABLED, d.destinationStatus());
        assertNull(d.approximateCreationDateTimePrecision(), "disabling forgets the precision");
        ddb.putItem(b -> b.tableName("clicks").item(key("c-2")));
        assertEquals(1, records(kinesis, "clicks-cdc").size(), "a disabled destination receives nothing");

        String notActive = INVALID_STATE + "KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.";
        assertError("ValidationException", notActive, () -> ddb.disableKinesisStreamingDestination(b -> b.tableName("clicks").streamArn(arn)));
        assertError("ValidationException", INVALID_STATE + "Kinesis streaming is not in ACTIVE state. Updates are only allowed in ACTIVE state. "
                + "TableName: clicks", () -> ddb.updateKinesisStreamingDestination(b -> b.tableName("clicks").streamArn(arn)
                .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MILLISECOND))));

        ddb.enableKinesisStreamingDestination(b -> b.tableName("clicks").streamArn(arn));
        assertEquals(1, destinations(ddb, "clicks").size(), "enabling again flips the DISABLED entry");
        assertEquals(DestinationStatus.ACTIVE, destinations(ddb, "clicks").get(0).destinationStatus());
        ddb.deleteItem(b -> b.tableName("clicks").key(key("c-2")));
        List<Record> records = records(kinesis, "clicks-cdc");
        assertEquals(2, records.size());
        assertEquals("REMOVE", data(records.get(1)).get("eventName").asText());
    }

    @Test
    void errorsAreAwsOwn(DynamoDbClient ddb, KinesisClient kinesis) {
        table(ddb, "audit");
        String arn = stream(kinesis, "audit-cdc");
        String other = stream(kinesis, "audit-other");
        String missingTable = "Requested resource not found: Table: nope not found";
        assertError("ResourceNotFoundException", missingTable, () -> ddb.enableKinesisStreamingDestination(b -> b.tableName("nope").streamArn(arn)));
        assertError("ResourceNotFoundException", missingTable, () -> ddb.describeKinesisStreamingDestination(b -> b.tableName("nope")));
        assertError("ResourceNotFoundException", missingTable, () -> ddb.updateKinesisStreamingDestination(b -> b.tableName("nope").streamArn(arn)
                .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MICROSECOND))));
        assertError("ResourceNotFoundException", missingTable, () -> ddb.disableKinesisStreamingDestination(b -> b.tableName("nope").streamArn(arn)));
        assertError("ValidationException", "1 validation error detected: Value 'arn:short' at 'streamArn' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 37",
                () -> ddb.enableKinesisStreamingDestination(b -> b.tableName("audit").streamArn("arn:short")));

        // a stream that is missing, foreign or elsewhere is accepted, then fails with AWS's description
        String missing = "arn:aws:kinesis:us-east-1:000000000000:stream/missing";
        String foreign = "arn:aws:kinesis:us-east-1:111122223333:stream/audit-cdc";
        String elsewhere = "arn:aws:kinesis:eu-west-1:000000000000:stream/audit-cdc";
        for (String bad : List.of(missing, foreign, elsewhere, arn + "/consumer/c:1")) {
            assertEquals(DestinationStatus.ENABLING, ddb.enableKinesisStreamingDestination(b -> b.tableName("audit").streamArn(bad)).destinationStatus());
        }
        List<KinesisDataStreamDestination> failed = destinations(ddb, "audit");
        assertEquals(4, failed.size());
        Map<String, String> described = new java.util.HashMap<>();
        for (KinesisDataStreamDestination d : failed) {
            assertEquals(DestinationStatus.ENABLE_FAILED, d.destinationStatus());
            described.put(d.streamArn(), d.destinationStatusDescription());
        }
        assertEquals("User does not have a permission to use kinesis stream", described.get(missing));
        assertEquals("The kinesis Arn used to enable kinesis replication belongs to a stream which is not in Active state", described.get(foreign));
        assertEquals("The kinesis Arn used to enable kinesis replication belongs to a stream which is not in the current region",
                described.get(elsewhere));
        assertEquals("User does not have a permission to use kinesis stream", described.get(arn + "/consumer/c:1"));
        assertError("ValidationException", INVALID_STATE + "KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.",
                () -> ddb.disableKinesisStreamingDestination(b -> b.tableName("audit").streamArn(missing)));

        ddb.enableKinesisStreamingDestination(b -> b.tableName("audit").streamArn(arn));
        assertEquals(5, destinations(ddb, "audit").size());
        assertEquals(arn, destinations(ddb, "audit").get(0).streamArn(), "the latest enable is listed first");
        String enableOnce = INVALID_STATE + "EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation.";
        assertError("ValidationException", enableOnce, () -> ddb.enableKinesisStreamingDestination(b -> b.tableName("audit").streamArn(arn)));
        assertError("ValidationException", enableOnce, () -> ddb.enableKinesisStreamingDestination(b -> b.tableName("audit").streamArn(other)));
        assertError("ValidationException", INVALID_STATE + "No streaming destination with streamArn: " + other,
                () -> ddb.updateKinesisStreamingDestination(b -> b.tableName("audit").streamArn(other)
                        .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MICROSECOND))));
        assertError("ValidationException", "1 validation error detected: Value 'SECOND' at "
                        + "'enableKinesisStreamingConfiguration.approximateCreationDateTimePrecision' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [MILLISECOND, MICROSECOND]",
                () -> ddb.enableKinesisStreamingDestination(b -> b.tableName("audit").streamArn(other)
                        .enableKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision("SECOND"))));
    }

    @Test
    void deletingTheStreamOrTheTableStopsDeliveryQuietly(DynamoDbClient ddb, KinesisClient kinesis) {
        table(ddb, "carts");
        String arn = stream(kinesis, "carts-cdc");
        ddb.enableKinesisStreamingDestination(b -> b.tableName("carts").streamArn(arn)
                .enableKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MICROSECOND)));
        ddb.putItem(b -> b.tableName("carts").item(key("a")));
        kinesis.deleteStream(b -> b.streamName("carts-cdc"));
        ddb.putItem(b -> b.tableName("carts").item(key("b")));
        ddb.deleteItem(b -> b.tableName("carts").key(key("a")));
        assertEquals(1, ddb.scan(b -> b.tableName("carts")).count(), "writes go on without the stream");
        KinesisDataStreamDestination d = destinations(ddb, "carts").get(0);
        assertEquals(DestinationStatus.ACTIVE, d.destinationStatus(), "AWS keeps a destination whose stream is gone ACTIVE");
        assertEquals(ApproximateCreationDateTimePrecision.MICROSECOND, d.approximateCreationDateTimePrecision());

        stream(kinesis, "carts-cdc");
        ddb.deleteTable(b -> b.tableName("carts"));
        assertThrows(ResourceNotFoundException.class, () -> destinations(ddb, "carts"));
        table(ddb, "carts");
        assertTrue(destinations(ddb, "carts").isEmpty(), "a table created again starts without destinations");
        ddb.putItem(b -> b.tableName("carts").item(key("c")));
        assertTrue(records(kinesis, "carts-cdc").isEmpty());
    }

    @Test
    void destinationsSurviveRestartAndBoto3SeesThem(@TempDir Path dir) throws Exception {
        CloudJarConfig config = CloudJarConfig.defaults().withPort(0).withDataDir(dir.resolve("data"));
        String arn;
        try (CloudJar first = CloudJar.start(config)) {
            CliRunner cli = new CliRunner(first.endpoint());
            String out = cli.python("""
                    import boto3, os, json
                    kw = dict(endpoint_url=os.environ['ENDPOINT'], region_name='us-east-1',
                              aws_access_key_id='test', aws_secret_access_key='test')
                    ddb, k = boto3.client('dynamodb', **kw), boto3.client('kinesis', **kw)
                    ddb.create_table(TableName='durable', BillingMode='PAY_PER_REQUEST',
                                     AttributeDefinitions=[{'AttributeName': 'id', 'AttributeType': 'S'}],
                                     KeySchema=[{'AttributeName': 'id', 'KeyType': 'HASH'}])
                    k.create_stream(StreamName='durable-cdc', ShardCount=1)
                    arn = k.describe_stream_summary(StreamName='durable-cdc')['StreamDescriptionSummary']['StreamARN']
                    r = ddb.enable_kinesis_streaming_destination(TableName='durable', StreamArn=arn,
                        EnableKinesisStreamingConfiguration={'ApproximateCreationDateTimePrecision': 'MICROSECOND'})
                    print(r['DestinationStatus'], r['EnableKinesisStreamingConfiguration']['ApproximateCreationDateTimePrecision'])
                    ddb.put_item(TableName='durable', Item={'id': {'S': 'before'}})
                    d = ddb.describe_kinesis_streaming_destination(TableName='durable')['KinesisDataStreamDestinations'][0]
                    print(d['DestinationStatus'], d['ApproximateCreationDateTimePrecision'])
                    it = k.get_shard_iterator(StreamName='durable-cdc', ShardId='shardId-000000000000',
                                              ShardIteratorType='TRIM_HORIZON')['ShardIterator']
                    rec = json.loads(k.get_records(ShardIterator=it)['Records'][0]['Data'])
                    print(rec['eventName'], rec['dynamodb']['NewImage']['id']['S'])
                    try:
                        ddb.enable_kinesis_streaming_destination(TableName='durable', StreamArn=arn)
                    except ddb.exceptions.ClientError as e:
                        print(e.response['Error']['Code'])
                    print(arn)
                    """).assertSuccess().stdout();
            String[] lines = out.strip().split("\n");
            assertEquals(List.of("ENABLING MICROSECOND", "ACTIVE MICROSECOND", "INSERT before", "ValidationException"),
                    List.of(lines).subList(0, 4));
            arn = lines[4];
        }
        try (CloudJar again = CloudJar.start(config);
             DynamoDbClient ddb = CloudJarExtension.client(DynamoDbClient.builder(), again).build();
             KinesisClient kinesis = CloudJarExtension.client(KinesisClient.builder(), again).build()) {
            KinesisDataStreamDestination d = destinations(ddb, "durable").get(0);
            assertEquals(arn, d.streamArn());
            assertEquals(DestinationStatus.ACTIVE, d.destinationStatus());
            assertEquals(ApproximateCreationDateTimePrecision.MICROSECOND, d.approximateCreationDateTimePrecision());
            ddb.putItem(b -> b.tableName("durable").item(Map.of("id", s("after"))));
            List<Record> records = records(kinesis, "durable-cdc");
            assertEquals(2, records.size());
            assertEquals("after", data(records.get(1)).get("dynamodb").get("NewImage").get("id").get("S").asText());
        }
    }
}
