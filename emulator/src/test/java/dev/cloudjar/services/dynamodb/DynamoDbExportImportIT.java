package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.InputCompressionType;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableCreationParameters;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** ExportTableToPointInTime into CloudJar's S3 and ImportTable from it, through the SDK v2 and boto3. */
@ExtendWith(CloudJarExtension.class)
class DynamoDbExportImportIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TableCreationParameters params(String name) {
        return TableCreationParameters.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("n").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("n").keyType(KeyType.RANGE).build()).build();
    }

    @Test
    void exportWritesAwsLayoutAndImportReadsItBack(DynamoDbClient ddb, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("ddb-exports"));
        ddb.createTable(b -> b.tableName("exp-source").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("n").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("n").keyType(KeyType.RANGE).build()));
        for (int i = 0; i < 5; i++) {
            String n = Integer.toString(i);
            ddb.putItem(b -> b.tableName("exp-source").item(Map.of("pk", AttributeValue.fromS("p"), "n", AttributeValue.fromN(n),
                    "tags", AttributeValue.fromSs(List.of("a", "b")))));
        }
        String tableArn = ddb.describeTable(b -> b.tableName("exp-source")).table().tableArn();
        PointInTimeRecoveryUnavailableException off = assertThrows(PointInTimeRecoveryUnavailableException.class,
                () -> ddb.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket("ddb-exports")));
        assertEquals("Point in time recovery is not enabled for table 'exp-source'", off.awsErrorDetails().errorMessage());
        ddb.updateContinuousBackups(b -> b.tableName("exp-source").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));

        ExportDescription started = ddb.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket("ddb-exports")
                .s3Prefix("nightly")).exportDescription();
        assertEquals(ExportStatus.IN_PROGRESS, started.exportStatus());
        assertTrue(started.exportArn().matches(tableArn.replace(".", "\\.") + "/export/\\d{14}-[0-9a-f]{8}"), started.exportArn());
        ExportDescription done = ddb.describeExport(b -> b.exportArn(started.exportArn())).exportDescription();
        assertEquals(ExportStatus.COMPLETED, done.exportStatus());
        assertEquals(5L, done.itemCount());
        assertEquals("DYNAMODB_JSON", done.exportFormatAsString());
        assertEquals(List.of(started.exportArn()), ddb.listExports(b -> b.tableArn(tableArn)).exportSummaries().stream()
                .map(e -> e.exportArn()).toList());

        String id = started.exportArn().substring(started.exportArn().lastIndexOf('/') + 1);
        String root = "nightly/AWSDynamoDB/" + id + "/";
        List<String> keys = s3.listObjectsV2(b -> b.bucket("ddb-exports").prefix(root)).contents().stream().map(S3Object::key).toList();
        assertTrue(keys.containsAll(List.of(root + "_started", root + "manifest-files.json", root + "manifest-files.md5",
                root + "manifest-summary.json", root + "manifest-summary.md5")), keys.toString());
        assertEquals(root + "manifest-summary.json", done.exportManifest());
        JsonNode summary = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket("ddb-exports").key(root + "manifest-summary.json")).asByteArray());
        assertEquals(started.exportArn(), summary.get("exportArn").asText());
        assertEquals(5, summary.get("itemCount").asInt());
        JsonNode file = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket("ddb-exports").key(root + "manifest-files.json")).asUtf8String());
        String dataKey = file.get("dataFileS3Key").asText();
        assertTrue(dataKey.startsWith(root + "data/") && dataKey.endsWith(".json.gz"), dataKey);
        byte[] gz = s3.getObjectAsBytes(b -> b.bucket("ddb-exports").key(dataKey)).asByteArray();
        String[] lines = new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8).split("\n");
        assertEquals(5, lines.length);
        assertEquals("p", JSON.readTree(lines[0]).get("Item").get("pk").get("S").asText());

        ImportTableDescription imported = ddb.importTable(b -> b.s3BucketSource(s -> s.s3Bucket("ddb-exports").s3KeyPrefix(root + "data/"))
                .inputFormat(InputFormat.DYNAMODB_JSON).inputCompressionType(InputCompressionType.GZIP)
                .tableCreationParameters(params("exp-imported"))).importTableDescription();
        assertEquals(ImportStatus.IN_PROGRESS, imported.importStatus());
        ImportTableDescription finished = ddb.describeImport(b -> b.importArn(imported.importArn())).importTableDescription();
        assertEquals(ImportStatus.COMPLETED, finished.importStatus());
        assertEquals(5L, finished.importedItemCount());
        assertEquals(0L, finished.errorCount());
        assertEquals("exp-imported", finished.tableCreationParameters().tableName());
        assertEquals(List.of("a", "b"), ddb.getItem(b -> b.tableName("exp-imported").key(Map.of("pk", AttributeValue.fromS("p"),
                "n", AttributeValue.fromN("3")))).item().get("tags").ss());
        assertEquals(1, ddb.listImports(b -> b.tableArn(finished.tableArn())).importSummaryList().size());
    }

    @Test
    void csvImportTypesKeysAndCountsBadRows(DynamoDbClient ddb, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("ddb-csv"));
        s3.putObject(b -> b.bucket("ddb-csv").key("in/one.csv"), RequestBody.fromString("pk,n,city\nx,1,\"Paris, FR\"\ny,2,Oslo\nz,notanumber,Rome\n"));
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
            out.write("pk,n,city\nw,4,Lima\n".getBytes(StandardCharsets.UTF_8));
        }
        s3.putObject(b -> b.bucket("ddb-csv").key("gz/two.csv.gz"), RequestBody.fromBytes(zipped.toByteArray()));

        ImportTableDescription csv = ddb.importTable(b -> b.s3BucketSource(s -> s.s3Bucket("ddb-csv").s3KeyPrefix("in/"))
                .inputFormat(InputFormat.CSV).tableCreationParameters(params("csv-imported"))).importTableDescription();
        ImportTableDescription d = ddb.describeImport(b -> b.importArn(csv.importArn())).importTableDescription();
        assertEquals(2L, d.importedItemCount());
        assertEquals(1L, d.errorCount());
        assertEquals(3L, d.processedItemCount());
        assertEquals("Paris, FR", ddb.getItem(b -> b.tableName("csv-imported").key(Map.of("pk", AttributeValue.fromS("x"),
                "n", AttributeValue.fromN("1")))).item().get("city").s());

        ddb.importTable(b -> b.s3BucketSource(s -> s.s3Bucket("ddb-csv").s3KeyPrefix("gz/")).inputFormat(InputFormat.CSV)
                .inputCompressionType(InputCompressionType.GZIP).tableCreationParameters(params("csv-gz")));
        assertEquals(1, ddb.scan(b -> b.tableName("csv-gz")).count());

        ImportTableDescription missing = ddb.importTable(b -> b.s3BucketSource(s -> s.s3Bucket("no-such-bucket-here"))
                .inputFormat(InputFormat.CSV).tableCreationParameters(params("csv-missing"))).importTableDescription();
        ImportTableDescription failed = ddb.describeImport(b -> b.importArn(missing.importArn())).importTableDescription();
        assertEquals(ImportStatus.FAILED, failed.importStatus());
        assertTrue(ddb.listTables().tableNames().stream().noneMatch("csv-missing"::equals));
    }

    @Test
    void boto3ExportsAndDescribes(DynamoDbClient ddb, S3Client s3, URI endpoint) {
        s3.createBucket(b -> b.bucket("ddb-boto-exports"));
        ddb.createTable(b -> b.tableName("exp-boto").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
        String script = String.join("\n",
                "import boto3, os",
                "c = boto3.client('dynamodb', endpoint_url=os.environ['ENDPOINT'])",
                "c.update_continuous_backups(TableName='exp-boto', PointInTimeRecoverySpecification={'PointInTimeRecoveryEnabled': True})",
                "arn = c.describe_table(TableName='exp-boto')['Table']['TableArn']",
                "e = c.export_table_to_point_in_time(TableArn=arn, S3Bucket='ddb-boto-exports')['ExportDescription']",
                "print('export|' + c.describe_export(ExportArn=e['ExportArn'])['ExportDescription']['ExportStatus'])");
        CliRunner.Result result = new CliRunner(endpoint.toString()).python(script).assertSuccess();
        assertTrue(result.stdout().contains("export|COMPLETED"), result.stdout());
    }
}
