package dev.cloudjar.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.dynamodb.backup.ExportStore;
import dev.cloudjar.services.dynamodb.backup.ExportsPage;
import dev.cloudjar.services.dynamodb.backup.ImportRecord;
import dev.cloudjar.services.dynamodb.backup.ImportSource;
import dev.cloudjar.services.dynamodb.item.ItemValidation;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.AttributeValues;
import dev.cloudjar.services.dynamodb.storage.StorageKeys;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.table.AttributeDefinition;
import dev.cloudjar.services.dynamodb.table.CreateTableRequest;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * ImportTable, DescribeImport and ListImports: a new table is created from TableCreationParameters and
 * filled from every object under the S3 prefix (DYNAMODB_JSON lines or CSV, NONE or GZIP). Lines that
 * do not parse or do not match the key schema are counted in ErrorCount and skipped, as AWS does. The
 * import completes within the request: ImportTable answers IN_PROGRESS and DescribeImport COMPLETED,
 * or FAILED (and no table) when the source cannot be read.
 */
final class ImportOperations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_OBJECT_BYTES = 64L * 1024 * 1024;
    private final ServiceContext ctx;
    private final TableCatalog catalog;
    private final TableOperations tables;
    private final Supplier<ExportStore> store;
    private final PersistentMap<ImportRecord> imports;

    ImportOperations(ServiceContext ctx, TableCatalog catalog, TableOperations tables, Supplier<ExportStore> store) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.tables = tables;
        this.store = store;
        this.imports = ctx.store().map("dynamodb.imports", ImportRecord.class);
    }

    ImportRecord importTable(Scope scope, String clientToken, ImportSource source, CreateTableRequest create, String createJson) {
        if (clientToken != null) {
            ImportRecord earlier = ScopedRecords.first(imports, scope, r -> clientToken.equals(r.clientToken()));
            if (earlier != null) {
                if (earlier.s3Bucket().equals(source.bucket()) && Objects.equals(earlier.s3KeyPrefix(), source.keyPrefix())
                        && earlier.tableCreationParametersJson().equals(createJson)) {
                    return earlier;
                }
                throw new AwsException(400, "ImportConflictException", "There was a conflict when importing from the specified "
                        + "S3 source. This can occur when the current import conflicts with a previous import request that had "
                        + "the same client token.");
            }
        }
        if (!List.of("DYNAMODB_JSON", "CSV").contains(source.inputFormat())) {
            throw new AwsException(400, "ValidationException", "CloudJar imports DYNAMODB_JSON and CSV only; InputFormat "
                    + source.inputFormat() + " is not supported");
        }
        String compression = source.compression() == null ? "NONE" : source.compression();
        if (!List.of("NONE", "GZIP").contains(compression)) {
            throw new AwsException(400, "ValidationException", "CloudJar reads NONE and GZIP input only; InputCompressionType "
                    + compression + " is not supported");
        }
        tables.create(scope, create);
        TableStorage table = catalog.require(scope, create.tableName());
        TableRecord d = table.definition();
        long start = ctx.clock().millis();
        String id = String.format("%014d-%s", start, ctx.ids().hex(4));
        String tableArn = TableCatalog.tableArn(scope, d.name());
        long[] counts = new long[4]; // processed bytes, processed items, imported items, errors
        String failureCode = null;
        String failureMessage = null;
        try {
            ExportStore s3 = store.get();
            String prefix = source.keyPrefix() == null ? "" : source.keyPrefix();
            for (String key : s3.list(scope, source.bucket(), prefix)) {
                if (key.endsWith("/")) {
                    continue;
                }
                byte[] bytes = s3.read(scope, source.bucket(), key, MAX_OBJECT_BYTES);
                counts[0] += bytes.length;
                load(table, d, source, compression, bytes, counts);
            }
        } catch (AwsException e) {
            failureCode = "S3" + e.code();
            failureMessage = e.getMessage();
            catalog.remove(scope, table);
        }
        ImportRecord record = new ImportRecord(ImportRecord.FORMAT, tableArn + "/import/" + id, tableArn, d.tableId(), clientToken,
                source.bucket(), source.bucketOwner(), source.keyPrefix(), source.inputFormat(), source.inputFormatOptionsJson(),
                compression, createJson, start, ctx.clock().millis(), failureCode == null ? "COMPLETED" : "FAILED", counts[0],
                counts[1], counts[2], counts[3], failureCode, failureMessage);
        imports.put(KeyRanges.compose(scope.account(), scope.region(), id), record);
        return record.inProgress();
    }

    ImportRecord describe(Scope scope, String arn) {
        ImportRecord r = ScopedRecords.byArn(imports, scope, arn, "import");
        if (r == null || !r.importArn().equals(arn)) {
            throw new AwsException(400, "ImportNotFoundException", "Import not found: " + arn);
        }
        return r;
    }

    ExportsPage<ImportRecord> list(Scope scope, String tableArn, Integer max, String nextToken) {
        String table = tableArn == null ? null : TableCatalog.tableArn(scope, TableCatalog.tableName(tableArn));
        return ScopedRecords.page(imports, scope, r -> table == null || table.equals(r.tableArn()), max == null ? 25 : max, nextToken);
    }

    private void load(TableStorage table, TableRecord d, ImportSource source, String compression, byte[] bytes, long[] counts) {
        try (InputStream raw = compression.equals("GZIP") ? new GZIPInputStream(new ByteArrayInputStream(bytes))
                : new ByteArrayInputStream(bytes);
             BufferedReader lines = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
            boolean csv = source.inputFormat().equals("CSV");
            String delimiter = source.csvDelimiter() == null ? "," : source.csvDelimiter();
            List<String> headers = source.csvHeaders();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                if (csv && headers == null) {
                    headers = splitCsv(line, delimiter.charAt(0));
                    continue;
                }
                counts[1]++;
                Map<String, AttributeValue> item;
                try {
                    item = csv ? csvItem(d, headers, splitCsv(line, delimiter.charAt(0))) : jsonItem(line);
                    ItemValidation.checkItem(d, item, false);
                } catch (AwsException | IllegalArgumentException | IOException e) {
                    counts[3]++;
                    continue;
                }
                String key = StorageKeys.tableKey(d.key(), item);
                table.writeLock().lock();
                try {
                    table.write(key, table.get(key), item);
                } finally {
                    table.writeLock().unlock();
                }
                counts[2]++;
            }
        } catch (IOException e) {
            counts[3]++;
        }
    }

    private static Map<String, AttributeValue> jsonItem(String line) throws IOException {
        JsonNode node = JSON.readTree(line);
        JsonNode item = node == null ? null : node.get("Item");
        if (item == null || !item.isObject()) {
            throw new IllegalArgumentException("a DynamoDB JSON import line is {\"Item\": {...}}");
        }
        return AttributeValues.itemFromJson(item);
    }

    /** A CSV row as an item: key attributes typed by the table's AttributeDefinitions, the rest as strings. */
    private static Map<String, AttributeValue> csvItem(TableRecord d, List<String> headers, List<String> values) {
        Map<String, String> types = new LinkedHashMap<>();
        for (AttributeDefinition a : d.attributeDefinitions()) {
            types.put(a.name(), a.type());
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < headers.size() && i < values.size(); i++) {
            String v = values.get(i);
            if (v.isEmpty()) {
                continue;
            }
            String type = types.getOrDefault(headers.get(i), "S");
            item.put(headers.get(i), switch (type) {
                case "N" -> AttributeValues.fromJson(JSON.createObjectNode().put("N", v));
                case "B" -> new AttributeValue.B(Base64.getDecoder().decode(v));
                default -> new AttributeValue.S(v);
            });
        }
        return item;
    }

    /** One CSV record: fields split on the delimiter, double-quoted fields may hold it and "" for a quote. */
    static List<String> splitCsv(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

}
