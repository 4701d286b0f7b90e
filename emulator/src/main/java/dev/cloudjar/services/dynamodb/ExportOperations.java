package dev.cloudjar.services.dynamodb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.dynamodb.backup.ExportRecord;
import dev.cloudjar.services.dynamodb.backup.ExportStore;
import dev.cloudjar.services.dynamodb.backup.ExportsPage;
import dev.cloudjar.services.dynamodb.model.AttributeValues;
import dev.cloudjar.services.dynamodb.storage.ItemCodec;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * ExportTableToPointInTime, DescribeExport and ListExports. An export writes AWS's layout under
 * {@code <prefix>/AWSDynamoDB/<export-id>/}: {@code _started}, one gzipped data file of
 * {@code {"Item":{...}}} lines under {@code data/}, {@code manifest-files.json} (one line per data file)
 * and {@code manifest-summary.json}, each manifest with its {@code .md5}. The export completes within
 * the request; ExportTableToPointInTime answers IN_PROGRESS as AWS does and DescribeExport COMPLETED.
 */
final class ExportOperations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ServiceContext ctx;
    private final TableCatalog catalog;
    private final PointInTimeRecovery pitr;
    private final Supplier<ExportStore> store;
    private final PersistentMap<ExportRecord> exports;

    ExportOperations(ServiceContext ctx, TableCatalog catalog, PointInTimeRecovery pitr, Supplier<ExportStore> store) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.pitr = pitr;
        this.store = store;
        this.exports = ctx.store().map("dynamodb.exports", ExportRecord.class);
    }

    ExportRecord export(Scope scope, String tableArn, Long exportMillis, String clientToken, String bucket, String bucketOwner,
                        String prefix, String sseAlgorithm, String format, String type) {
        String exportFormat = format == null ? "DYNAMODB_JSON" : format;
        String exportType = type == null ? "FULL_EXPORT" : type;
        if (!exportFormat.equals("DYNAMODB_JSON")) {
            throw new AwsException(400, "ValidationException", "CloudJar exports DYNAMODB_JSON only; ExportFormat " + exportFormat
                    + " is not supported");
        }
        if (!exportType.equals("FULL_EXPORT")) {
            throw new AwsException(400, "ValidationException", "CloudJar exports FULL_EXPORT only; ExportType " + exportType
                    + " is not supported");
        }
        TableStorage table = catalog.find(scope, tableArn);
        if (table == null) {
            throw new AwsException(400, "TableNotFoundException", "Table not found: " + TableCatalog.tableName(tableArn));
        }
        TableRecord d = table.definition();
        String arnOfTable = TableCatalog.tableArn(scope, d.name());
        if (clientToken != null) {
            ExportRecord earlier = ScopedRecords.first(exports, scope, r -> clientToken.equals(r.clientToken()));
            if (earlier != null) {
                if (earlier.tableArn().equals(arnOfTable) && earlier.s3Bucket().equals(bucket)
                        && Objects.equals(earlier.s3Prefix(), prefix)) {
                    return earlier;
                }
                throw new AwsException(400, "ExportConflictException", "There was a conflict when writing to the specified "
                        + "S3 bucket. The request uses the same client token as a previous, but different, export request.");
            }
        }
        List<Map.Entry<String, byte[]>> items = pitr.snapshot(table, exportMillis);
        long start = ctx.clock().millis();
        String id = String.format("%014d-%s", start, ctx.ids().hex(4));
        String exportArn = arnOfTable + "/export/" + id;
        String root = (prefix == null || prefix.isEmpty() ? "" : trimSlash(prefix) + "/") + "AWSDynamoDB/" + id + "/";
        String manifestKey = root + "manifest-summary.json";
        long at = exportMillis == null ? start : exportMillis;
        String sse = sseAlgorithm == null ? "AES256" : sseAlgorithm;
        ExportRecord record;
        try {
            ExportStore s3 = store.get();
            s3.write(scope, bucket, root + "_started", new byte[0]);
            byte[] data = dataFile(items);
            String dataKey = root + "data/" + ctx.ids().base32(26).toLowerCase() + ".json.gz";
            s3.write(scope, bucket, dataKey, data);
            ObjectNode file = JSON.createObjectNode().put("itemCount", items.size()).put("md5Checksum", md5Base64(data))
                    .put("etag", HexFormat.of().formatHex(digest(data))).put("dataFileS3Key", dataKey);
            byte[] files = (JSON.writeValueAsString(file) + "\n").getBytes(StandardCharsets.UTF_8);
            s3.write(scope, bucket, root + "manifest-files.json", files);
            s3.write(scope, bucket, root + "manifest-files.md5", md5Base64(files).getBytes(StandardCharsets.UTF_8));
            long end = ctx.clock().millis();
            ObjectNode summary = JSON.createObjectNode().put("version", "2020-06-30").put("exportArn", exportArn)
                    .put("startTime", Instant.ofEpochMilli(start).toString()).put("endTime", Instant.ofEpochMilli(end).toString())
                    .put("tableArn", arnOfTable).put("tableId", d.tableId()).put("exportTime", Instant.ofEpochMilli(at).toString())
                    .put("s3Bucket", bucket).put("s3Prefix", prefix).put("s3SseAlgorithm", sse).putNull("s3SseKmsKeyId")
                    .put("manifestFilesS3Key", root + "manifest-files.json").put("billedSizeBytes", table.sizeBytes())
                    .put("itemCount", items.size()).put("outputFormat", exportFormat).put("exportType", exportType);
            byte[] summaryBytes = JSON.writeValueAsBytes(summary);
            s3.write(scope, bucket, manifestKey, summaryBytes);
            s3.write(scope, bucket, root + "manifest-summary.md5", md5Base64(summaryBytes).getBytes(StandardCharsets.UTF_8));
            record = new ExportRecord(ExportRecord.FORMAT, exportArn, arnOfTable, d.tableId(), clientToken, start, end, at, bucket,
                    bucketOwner, prefix, sse, exportFormat, exportType, "COMPLETED", manifestKey, items.size(), table.sizeBytes(),
                    null, null);
        } catch (AwsException e) {
            // AWS accepts the request and fails the export when it cannot write to the bucket.
            record = new ExportRecord(ExportRecord.FORMAT, exportArn, arnOfTable, d.tableId(), clientToken, start,
                    ctx.clock().millis(), at, bucket, bucketOwner, prefix, sse, exportFormat, exportType, "FAILED", null, 0, 0,
                    "S3" + e.code(), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        exports.put(KeyRanges.compose(scope.account(), scope.region(), id), record);
        return record.inProgress();
    }

    ExportRecord describe(Scope scope, String arn) {
        ExportRecord r = ScopedRecords.byArn(exports, scope, arn, "export");
        if (r == null || !r.exportArn().equals(arn)) {
            throw new AwsException(400, "ExportNotFoundException", "Export not found: " + arn);
        }
        return r;
    }

    ExportsPage<ExportRecord> list(Scope scope, String tableArn, Integer max, String nextToken) {
        String table = tableArn == null ? null : TableCatalog.tableArn(scope, TableCatalog.tableName(tableArn));
        return ScopedRecords.page(exports, scope, r -> table == null || table.equals(r.tableArn()), max == null ? 25 : max, nextToken);
    }


    private static byte[] dataFile(List<Map.Entry<String, byte[]>> items) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : items) {
                ObjectNode line = JSON.createObjectNode();
                line.set("Item", AttributeValues.itemToJson(ItemCodec.decode(e.getValue())));
                gz.write(JSON.writeValueAsBytes(line));
                gz.write('\n');
            }
        }
        return bytes.toByteArray();
    }

    private static String trimSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    static String md5Base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(digest(bytes));
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
