package dev.cloudjar.services.dynamodb.wire;

import static dev.cloudjar.services.dynamodb.wire.JsonInput.intValue;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.object;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.string;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.strings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.dynamodb.DynamoDbBackend;
import dev.cloudjar.services.dynamodb.backup.ExportRecord;
import dev.cloudjar.services.dynamodb.backup.ExportsPage;
import dev.cloudjar.services.dynamodb.backup.ImportRecord;
import dev.cloudjar.services.dynamodb.backup.ImportSource;
import java.io.IOException;

/** ExportTableToPointInTime, DescribeExport, ListExports, ImportTable, DescribeImport, ListImports over JSON 1.0. */
final class ExportHandlers {
    private final DynamoDbBackend backend;

    ExportHandlers(DynamoDbBackend backend) {
        this.backend = backend;
    }

    void register(OperationTable operations) {
        operations.register("ExportTableToPointInTime", this::exportTable)
                .register("DescribeExport", this::describeExport)
                .register("ListExports", this::listExports)
                .register("ImportTable", this::importTable)
                .register("DescribeImport", this::describeImport)
                .register("ListImports", this::listImports);
    }

    private AwsResponse exportTable(AwsRequest request) {
        JsonNode b = JsonProtocol.readTree(request);
        ExportRecord e = backend.exportTableToPointInTime(request.scope(), string(b, "TableArn"), BackupHandlers.epochMillis(b, "ExportTime"),
                string(b, "ClientToken"), string(b, "S3Bucket"), string(b, "S3BucketOwner"), string(b, "S3Prefix"),
                string(b, "S3SseAlgorithm"), string(b, "ExportFormat"), string(b, "ExportType"));
        return JsonOutput.ok(g -> writeExport(g, e));
    }

    private AwsResponse describeExport(AwsRequest request) {
        ExportRecord e = backend.describeExport(request.scope(), string(JsonProtocol.readTree(request), "ExportArn"));
        return JsonOutput.ok(g -> writeExport(g, e));
    }

    private AwsResponse listExports(AwsRequest request) {
        JsonNode b = JsonProtocol.readTree(request);
        ExportsPage<ExportRecord> page = backend.listExports(request.scope(), string(b, "TableArn"), intValue(b, "MaxResults"),
                string(b, "NextToken"));
        return JsonOutput.ok(g -> {
            g.writeArrayFieldStart("ExportSummaries");
            for (ExportRecord e : page.entries()) {
                g.writeStartObject();
                g.writeStringField("ExportArn", e.exportArn());
                g.writeStringField("ExportStatus", e.status());
                g.writeStringField("ExportType", e.exportType());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (page.nextToken() != null) {
                g.writeStringField("NextToken", page.nextToken());
            }
        });
    }

    private AwsResponse importTable(AwsRequest request) {
        JsonNode b = JsonProtocol.readTree(request);
        JsonNode bucket = object(b, "S3BucketSource");
        JsonNode create = object(b, "TableCreationParameters");
        JsonNode options = object(b, "InputFormatOptions");
        JsonNode csv = options == null ? null : object(options, "Csv");
        if (bucket == null || create == null || string(b, "InputFormat") == null) {
            throw new AwsException(400, "ValidationException", "S3BucketSource, InputFormat and TableCreationParameters are required");
        }
        ImportSource source = new ImportSource(string(bucket, "S3Bucket"), string(bucket, "S3BucketOwner"), string(bucket, "S3KeyPrefix"),
                string(b, "InputFormat"), csv == null ? null : string(csv, "Delimiter"), csv == null ? null : strings(csv, "HeaderList"),
                string(b, "InputCompressionType"), options == null ? null : options.toString());
        ImportRecord r = backend.importTable(request.scope(), string(b, "ClientToken"), source, TableJson.createTable(create),
                create.toString());
        return JsonOutput.ok(g -> writeImport(g, r));
    }

    private AwsResponse describeImport(AwsRequest request) {
        ImportRecord r = backend.describeImport(request.scope(), string(JsonProtocol.readTree(request), "ImportArn"));
        return JsonOutput.ok(g -> writeImport(g, r));
    }

    private AwsResponse listImports(AwsRequest request) {
        JsonNode b = JsonProtocol.readTree(request);
        ExportsPage<ImportRecord> page = backend.listImports(request.scope(), string(b, "TableArn"), intValue(b, "PageSize"),
                string(b, "NextToken"));
        return JsonOutput.ok(g -> {
            g.writeArrayFieldStart("ImportSummaryList");
            for (ImportRecord r : page.entries()) {
                g.writeStartObject();
                g.writeStringField("ImportArn", r.importArn());
                g.writeStringField("ImportStatus", r.status());
                g.writeStringField("TableArn", r.tableArn());
                writeBucketSource(g, r);
                g.writeStringField("InputFormat", r.inputFormat());
                JsonOutput.epochSeconds(g, "StartTime", r.startMillis());
                if (r.endMillis() > 0) {
                    JsonOutput.epochSeconds(g, "EndTime", r.endMillis());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (page.nextToken() != null) {
                g.writeStringField("NextToken", page.nextToken());
            }
        });
    }

    private static void writeExport(JsonGenerator g, ExportRecord e) throws IOException {
        g.writeObjectFieldStart("ExportDescription");
        g.writeStringField("ExportArn", e.exportArn());
        g.writeStringField("ExportStatus", e.status());
        JsonOutput.epochSeconds(g, "StartTime", e.startMillis());
        if (e.endMillis() > 0) {
            JsonOutput.epochSeconds(g, "EndTime", e.endMillis());
        }
        if (e.manifestKey() != null) {
            g.writeStringField("ExportManifest", e.manifestKey());
        }
        g.writeStringField("TableArn", e.tableArn());
        g.writeStringField("TableId", e.tableId());
        JsonOutput.epochSeconds(g, "ExportTime", e.exportMillis());
        if (e.clientToken() != null) {
            g.writeStringField("ClientToken", e.clientToken());
        }
        g.writeStringField("S3Bucket", e.s3Bucket());
        if (e.s3BucketOwner() != null) {
            g.writeStringField("S3BucketOwner", e.s3BucketOwner());
        }
        if (e.s3Prefix() != null) {
            g.writeStringField("S3Prefix", e.s3Prefix());
        }
        g.writeStringField("S3SseAlgorithm", e.s3SseAlgorithm());
        if (e.failureCode() != null) {
            g.writeStringField("FailureCode", e.failureCode());
            g.writeStringField("FailureMessage", e.failureMessage());
        }
        g.writeStringField("ExportFormat", e.exportFormat());
        if (e.status().equals("COMPLETED")) {
            g.writeNumberField("BilledSizeBytes", e.billedSizeBytes());
            g.writeNumberField("ItemCount", e.itemCount());
        }
        g.writeStringField("ExportType", e.exportType());
        g.writeEndObject();
    }

    private static void writeImport(JsonGenerator g, ImportRecord r) throws IOException {
        g.writeObjectFieldStart("ImportTableDescription");
        g.writeStringField("ImportArn", r.importArn());
        g.writeStringField("ImportStatus", r.status());
        g.writeStringField("TableArn", r.tableArn());
        g.writeStringField("TableId", r.tableId());
        if (r.clientToken() != null) {
            g.writeStringField("ClientToken", r.clientToken());
        }
        writeBucketSource(g, r);
        g.writeNumberField("ErrorCount", r.errorCount());
        g.writeStringField("InputFormat", r.inputFormat());
        if (r.inputFormatOptionsJson() != null) {
            g.writeFieldName("InputFormatOptions");
            g.writeRawValue(r.inputFormatOptionsJson());
        }
        g.writeStringField("InputCompressionType", r.compression());
        g.writeFieldName("TableCreationParameters");
        g.writeRawValue(r.tableCreationParametersJson());
        JsonOutput.epochSeconds(g, "StartTime", r.startMillis());
        if (r.endMillis() > 0) {
            JsonOutput.epochSeconds(g, "EndTime", r.endMillis());
        }
        g.writeNumberField("ProcessedSizeBytes", r.processedSizeBytes());
        g.writeNumberField("ProcessedItemCount", r.processedItemCount());
        g.writeNumberField("ImportedItemCount", r.importedItemCount());
        if (r.failureCode() != null) {
            g.writeStringField("FailureCode", r.failureCode());
            g.writeStringField("FailureMessage", r.failureMessage());
        }
        g.writeEndObject();
    }

    private static void writeBucketSource(JsonGenerator g, ImportRecord r) throws IOException {
        g.writeObjectFieldStart("S3BucketSource");
        if (r.s3BucketOwner() != null) {
            g.writeStringField("S3BucketOwner", r.s3BucketOwner());
        }
        g.writeStringField("S3Bucket", r.s3Bucket());
        if (r.s3KeyPrefix() != null) {
            g.writeStringField("S3KeyPrefix", r.s3KeyPrefix());
        }
        g.writeEndObject();
    }
}
