package dev.cloudjar.services.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.testing.CliRunner;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kinesis through the aws CLI and boto3 (AWS JSON 1.1), with a data directory that survives a restart. */
class KinesisCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void operationsErrorsAndRestart(@TempDir Path dir) throws Exception {
        CloudJarConfig config = CloudJarConfig.defaults().withPort(0).withDataDir(dir.resolve("data"));
        String seq;
        try (CloudJar cloudJar = CloudJar.start(config)) {
            CliRunner cli = new CliRunner(cloudJar.endpoint());
            cli.aws("kinesis", "create-stream", "--stream-name", "clicks", "--shard-count", "2").assertSuccess();
            cli.aws("kinesis", "wait", "stream-exists", "--stream-name", "clicks").assertSuccess();
            JsonNode put = JSON.readTree(cli.aws("kinesis", "put-record", "--stream-name", "clicks", "--partition-key", "home",
                    "--data", "page=/home").assertSuccess().stdout());
            seq = put.get("SequenceNumber").asText();
            assertEquals(56, seq.length());
            String shard = put.get("ShardId").asText();
            String iterator = cli.aws("kinesis", "get-shard-iterator", "--stream-name", "clicks", "--shard-id", shard,
                    "--shard-iterator-type", "TRIM_HORIZON", "--query", "ShardIterator", "--output", "text").assertSuccess().stdout().strip();
            JsonNode records = JSON.readTree(cli.aws("kinesis", "get-records", "--shard-iterator", iterator).assertSuccess().stdout());
            assertEquals("cGFnZT0vaG9tZQ==", records.get("Records").get(0).get("Data").asText(), "the CLI shows blobs as base64");
            assertEquals("home", records.get("Records").get(0).get("PartitionKey").asText());
            assertTrue(records.get("Records").get(0).get("ApproximateArrivalTimestamp").isNumber() || records.get("Records").get(0)
                    .get("ApproximateArrivalTimestamp").isTextual());
            assertEquals(0, records.get("MillisBehindLatest").asInt());

            String missing = cli.aws("kinesis", "describe-stream", "--stream-name", "nope").stderr();
            assertTrue(missing.contains("(ResourceNotFoundException) when calling the DescribeStream operation: "
                    + "Stream nope under account 000000000000 not found."), missing);
            String exists = cli.aws("kinesis", "create-stream", "--stream-name", "clicks", "--shard-count", "1").stderr();
            assertTrue(exists.contains("(ResourceInUseException) when calling the CreateStream operation: "
                    + "Stream clicks under account 000000000000 already exists."), exists);
            String retention = cli.aws("kinesis", "increase-stream-retention-period", "--stream-name", "clicks",
                    "--retention-period-hours", "9000").stderr();
            assertTrue(retention.contains("(InvalidArgumentException)") && retention.contains("Maximum allowed retention period is 8760 hours."),
                    retention);
            cli.aws("kinesis", "increase-stream-retention-period", "--stream-name", "clicks", "--retention-period-hours", "72").assertSuccess();
            cli.aws("kinesis", "add-tags-to-stream", "--stream-name", "clicks", "--tags", "env=dev").assertSuccess();

            String boto = cli.python("""
                    import boto3, os
                    k = boto3.client('kinesis', endpoint_url=os.environ['ENDPOINT'], region_name='us-east-1',
                                     aws_access_key_id='test', aws_secret_access_key='test')
                    r = k.put_records(StreamName='clicks', Records=[{'Data': b'\\x00\\x01binary', 'PartitionKey': 'p%d' % i} for i in range(5)])
                    print(r['FailedRecordCount'], len(r['Records']))
                    shards = k.list_shards(StreamName='clicks')['Shards']
                    total = 0
                    for s in shards:
                        it = k.get_shard_iterator(StreamName='clicks', ShardId=s['ShardId'], ShardIteratorType='TRIM_HORIZON')['ShardIterator']
                        recs = k.get_records(ShardIterator=it)['Records']
                        total += len(recs)
                        if any(x['Data'] == b'\\x00\\x01binary' for x in recs):
                            print('binary ok')
                    print(total)
                    print(k.describe_stream_summary(StreamName='clicks')['StreamDescriptionSummary']['StreamCreationTimestamp'].year > 2000)
                    try:
                        k.get_records(ShardIterator='garbage')
                    except k.exceptions.InvalidArgumentException as e:
                        print(e.response['Error']['Message'])
                    try:
                        k.put_record(StreamName='clicks', PartitionKey='', Data=b'x')
                    except Exception as e:
                        print(type(e).__name__)
                    arn = k.describe_stream_summary(StreamName='clicks')['StreamDescriptionSummary']['StreamARN']
                    consumer = k.register_stream_consumer(StreamARN=arn, ConsumerName='fanout')['Consumer']['ConsumerARN']
                    try:
                        k.subscribe_to_shard(ConsumerARN=consumer, ShardId='shardId-000000000000', StartingPosition={'Type': 'LATEST'})
                    except k.exceptions.InvalidArgumentException as e:
                        print('subscribe:', e.response['Error']['Message'])
                    k.deregister_stream_consumer(ConsumerARN=consumer)
                    """).assertSuccess().stdout();
            assertTrue(boto.contains("0 5"), boto);
            assertTrue(boto.contains("binary ok"), boto);
            assertTrue(boto.contains("\n6\n"), boto);
            assertTrue(boto.contains("True"), boto);
            assertTrue(boto.contains("Invalid ShardIterator."), boto);
            assertTrue(boto.contains("ParamValidationError"), boto + " (botocore checks the partition key length itself)");
            assertTrue(boto.contains("subscribe: CloudJar does not serve SubscribeToShard"), boto);
            JsonNode limits = JSON.readTree(cli.aws("kinesis", "describe-limits").assertSuccess().stdout());
            assertEquals(2, limits.get("OpenShardCount").asInt(), limits.toString());
            assertEquals(500, limits.get("ShardLimit").asInt());
            String unknown = cli.aws("kinesis", "describe-account-settings").stderr();
            assertTrue(unknown.contains("UnknownOperationException"), unknown);
        }
        try (CloudJar again = CloudJar.start(config)) {
            CliRunner cli = new CliRunner(again.endpoint());
            JsonNode summary = JSON.readTree(cli.aws("kinesis", "describe-stream-summary", "--stream-name", "clicks").assertSuccess().stdout())
                    .get("StreamDescriptionSummary");
            assertEquals(72, summary.get("RetentionPeriodHours").asInt());
            assertEquals("env", JSON.readTree(cli.aws("kinesis", "list-tags-for-stream", "--stream-name", "clicks").assertSuccess().stdout())
                    .get("Tags").get(0).get("Key").asText());
            JsonNode next = JSON.readTree(cli.aws("kinesis", "put-record", "--stream-name", "clicks", "--partition-key", "home",
                    "--data", "again").assertSuccess().stdout());
            assertTrue(new java.math.BigInteger(next.get("SequenceNumber").asText()).compareTo(new java.math.BigInteger(seq)) > 0,
                    "sequence numbers keep increasing after a restart");
            String iterator = cli.aws("kinesis", "get-shard-iterator", "--stream-name", "clicks", "--shard-id", next.get("ShardId").asText(),
                    "--shard-iterator-type", "AT_SEQUENCE_NUMBER", "--starting-sequence-number", seq,
                    "--query", "ShardIterator", "--output", "text").assertSuccess().stdout().strip();
            JsonNode records = JSON.readTree(cli.aws("kinesis", "get-records", "--shard-iterator", iterator).assertSuccess().stdout()).get("Records");
            assertEquals(seq, records.get(0).get("SequenceNumber").asText());
            assertEquals(next.get("SequenceNumber").asText(), records.get(records.size() - 1).get("SequenceNumber").asText());
        }
    }

    @Test
    void aConfiguredStatusDelayKeepsANewStreamCreating(@TempDir Path dir) throws Exception {
        System.setProperty("cloudjar.kinesis.status-delay-ms", "60000");
        try (CloudJar cloudJar = CloudJar.start(CloudJarConfig.defaults().withPort(0))) {
            CliRunner cli = new CliRunner(cloudJar.endpoint());
            cli.aws("kinesis", "create-stream", "--stream-name", "slow", "--shard-count", "1").assertSuccess();
            assertEquals("CREATING", cli.aws("kinesis", "describe-stream-summary", "--stream-name", "slow", "--query",
                    "StreamDescriptionSummary.StreamStatus", "--output", "text").assertSuccess().stdout().strip());
            String put = cli.aws("kinesis", "put-record", "--stream-name", "slow", "--partition-key", "k", "--data", "x").stderr();
            assertTrue(put.contains("(ResourceNotFoundException)"), put);
            String tags = cli.aws("kinesis", "add-tags-to-stream", "--stream-name", "slow", "--tags", "a=b").stderr();
            assertTrue(tags.contains("(ResourceInUseException) when calling the AddTagsToStream operation: Stream slow under account "
                    + "000000000000 not ACTIVE, instead in state CREATING"), tags);
            cloudJar.advanceClock(Duration.ofMinutes(1));
            assertEquals("ACTIVE", cli.aws("kinesis", "describe-stream-summary", "--stream-name", "slow", "--query",
                    "StreamDescriptionSummary.StreamStatus", "--output", "text").assertSuccess().stdout().strip());
            cli.aws("kinesis", "put-record", "--stream-name", "slow", "--partition-key", "k", "--data", "x").assertSuccess();
        } finally {
            System.clearProperty("cloudjar.kinesis.status-delay-ms");
        }
    }
}
