package dev.cloudjar.services.s3.select;

import dev.cloudjar.core.AwsException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * S3 Select (SelectObjectContent): checks the request as S3 does, then streams an object's records
 * (CSV or JSON, optionally GZIP) through the query, handing result records out in chunks of at most
 * 64 KB, with S3's byte counts (scanned: stored bytes read; processed: after decompression; returned).
 *
 * <p>LIMITATIONS: no Parquet, BZIP2 or ZSTD input (501 NotImplemented); no date/time functions or
 * TIMESTAMP casts; ScanRange only for uncompressed CSV and JSON LINES, and it reads the object from its
 * start; a CSV field compares with a number as a number when it reads as one; a JSON DOCUMENT root value is
 * read whole and refused (OverMaxRecordSize) over 16 MB, where S3 streams the elements of a large array.
 */
public final class SelectEngine {
    static final int CHUNK = 64 * 1024;
    private static final Set<String> HEADER_INFO = Set.of("USE", "IGNORE", "NONE");
    private final SelectRequest request;
    private final SelectQuery query;

    /** What the stream carries while the query runs. */
    public interface Events {
        void records(byte[] chunk) throws IOException;

        void progress(Stats stats) throws IOException;
    }

    public record Stats(long bytesScanned, long bytesProcessed, long bytesReturned) {
    }

    private SelectEngine(SelectRequest request, SelectQuery query) {
        this.request = request;
        this.query = query;
    }

    private static AwsException invalidParameter() {
        return SelectErrors.error("InvalidRequestParameter",
                "The value of a parameter in SelectRequest element is invalid. Check the service documentation and try again.");
    }

    /** Checks the request and parses its expression; every error here is S3's 400 before any byte is streamed. */
    public static SelectEngine prepare(SelectRequest r) {
        if (r.expression() == null || r.expressionType() == null) {
            throw SelectErrors.error("MissingRequiredParameter",
                    "The SelectRequest entity is missing a required parameter. Check the service documentation and try again.");
        }
        if (!"SQL".equals(r.expressionType())) {
            throw SelectErrors.error("InvalidExpressionType", "The ExpressionType is invalid. Only SQL expressions are supported.");
        }
        int inputs = (r.csvIn() != null ? 1 : 0) + (r.jsonType() != null ? 1 : 0) + (r.parquet() ? 1 : 0);
        int outputs = (r.csvOut() != null ? 1 : 0) + (r.jsonOut() != null ? 1 : 0);
        if (inputs > 1 || outputs > 1) {
            throw SelectErrors.error("ObjectSerializationConflict", "InputSerialization specifies more than one format (CSV, JSON, "
                    + "or Parquet), or OutputSerialization specifies more than one format (CSV or JSON). InputSerialization and "
                    + "OutputSerialization can only specify one format each.");
        }
        if (inputs == 0 || outputs == 0) {
            throw SelectErrors.error("MissingRequiredParameter",
                    "The SelectRequest entity is missing a required parameter. Check the service documentation and try again.");
        }
        if (r.parquet()) {
            throw new AwsException(501, "NotImplemented", "A header or query you provided requested a function that is not implemented.")
                    .with("Header", "InputSerialization/Parquet");
        }
        String compression = r.compressionType() == null ? "NONE" : r.compressionType();
        if (compression.equals("BZIP2") || compression.equals("ZSTD")) {
            throw new AwsException(501, "NotImplemented", "A header or query you provided requested a function that is not implemented.")
                    .with("Header", "CompressionType/" + compression);
        }
        if (!compression.equals("NONE") && !compression.equals("GZIP")) {
            throw SelectErrors.invalidCompression();
        }
        if (r.csvIn() != null) {
            if (!HEADER_INFO.contains(r.csvIn().fileHeaderInfo())) {
                throw SelectErrors.error("InvalidFileHeaderInfo", "The FileHeaderInfo is invalid. Only NONE, USE, and IGNORE are supported.");
            }
            checkCharacters(r.csvIn().fieldDelimiter(), r.csvIn().quoteCharacter(), r.csvIn().quoteEscapeCharacter());
            if (r.csvIn().recordDelimiter().isEmpty()) {
                throw invalidParameter();
            }
        }
        if (r.jsonType() != null && !r.jsonType().equals("DOCUMENT") && !r.jsonType().equals("LINES")) {
            throw SelectErrors.error("InvalidJsonType", "The JsonType is invalid. Only DOCUMENT and LINES are supported.");
        }
        if (r.csvOut() != null) {
            if (!"ALWAYS".equals(r.csvOut().quoteFields()) && !"ASNEEDED".equals(r.csvOut().quoteFields())) {
                throw SelectErrors.error("InvalidQuoteFields", "The QuoteFields is invalid. Only ALWAYS and ASNEEDED are supported.");
            }
            checkCharacters(r.csvOut().fieldDelimiter(), r.csvOut().quoteCharacter(), r.csvOut().quoteEscapeCharacter());
        }
        if (r.scanStart() != null || r.scanEnd() != null) {
            boolean ranged = compression.equals("NONE") && (r.csvIn() != null || "LINES".equals(r.jsonType()));
            long start = r.scanStart() == null ? 0 : r.scanStart();
            long end = r.scanEnd() == null ? Long.MAX_VALUE : r.scanEnd();
            if (!ranged || start < 0 || end < start) {
                throw invalidParameter();
            }
        }
        return new SelectEngine(r, SqlParser.parse(r.expression()));
    }

    private static void checkCharacters(String... values) {
        for (String value : values) {
            if (value == null || value.length() != 1) {
                throw invalidParameter();
            }
        }
    }

    /** Runs the query over the object's stored bytes. */
    public Stats run(InputStream object, Events events) throws IOException {
        Counting scanned = new Counting(object);
        InputStream data = scanned;
        if ("GZIP".equals(request.compressionType())) {
            try {
                data = new GZIPInputStream(scanned, 64 * 1024);
            } catch (ZipException | java.io.EOFException e) {
                throw SelectErrors.truncatedInput();
            }
        }
        Counting processed = new Counting(data);
        RecordSource source = request.csvIn() != null ? RecordSource.csv(processed, request.csvIn())
                : "LINES".equals(request.jsonType()) ? RecordSource.jsonLines(processed)
                : RecordSource.jsonDocument(processed, query.fromPath());
        SqlEvaluator evaluator = new SqlEvaluator(query.alias());
        SelectOutput output = new SelectOutput(request.csvOut(), request.jsonOut());
        Aggregates aggregates = query.aggregates() > 0 ? new Aggregates(query) : null;
        long start = request.scanStart() == null ? 0 : request.scanStart();
        long end = request.scanEnd() == null ? Long.MAX_VALUE : request.scanEnd();
        StringBuilder out = new StringBuilder();
        long[] returned = {0};
        long written = 0;
        try {
            Row row;
            while ((query.limit() == null || written < query.limit() || aggregates != null) && (row = source.next()) != null) {
                long at = source.start();
                if (at >= 0 && (at < start || at > end)) {
                    if (at > end) {
                        break;
                    }
                    continue;
                }
                if (!evaluator.matches(query.where(), row)) {
                    continue;
                }
                if (aggregates != null) {
                    aggregates.add(evaluator, row);
                    continue;
                }
                project(evaluator, output, out, row);
                written++;
                if (out.length() >= CHUNK) {
                    flush(out, events, returned);
                    if (request.progress()) {
                        events.progress(new Stats(scanned.count, processed.count, returned[0]));
                    }
                }
            }
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof ZipException || e.getCause() instanceof java.io.EOFException) {
                throw SelectErrors.truncatedInput();
            }
            throw e.getCause();
        }
        if (aggregates != null && (query.limit() == null || query.limit() > 0)) {
            evaluator.aggregated(aggregates.results());
            project(evaluator, output, out, new Row(new java.util.LinkedHashMap<>(), null));
        }
        flush(out, events, returned);
        Stats stats = new Stats(scanned.count, processed.count, returned[0]);
        if (request.progress()) {
            events.progress(stats);
        }
        return stats;
    }

    private void project(SqlEvaluator evaluator, SelectOutput output, StringBuilder out, Row row) {
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (query.star()) {
            if (row.positional() != null && request.jsonOut() == null) {
                values.addAll(row.positional());
                row.positional().forEach(v -> names.add(""));
            } else {
                row.fields().forEach((k, v) -> {
                    names.add(k);
                    values.add(v);
                });
            }
        } else {
            int i = 0;
            for (SelectQuery.Projection p : query.projections()) {
                i++;
                names.add(p.name() != null ? p.name() : defaultName(p.expr(), i));
                values.add(evaluator.eval(p.expr(), row));
            }
        }
        output.write(out, names, values);
    }

    /** A column keeps its name (its last path step); any other expression is {@code _N} by position. */
    private static String defaultName(Expr e, int position) {
        if (e instanceof Expr.Path p && p.segments().get(p.segments().size() - 1) instanceof String last && p.segments().size() > 0) {
            return last;
        }
        return "_" + position;
    }

    private static void flush(StringBuilder out, Events events, long[] returned) throws IOException {
        if (out.length() == 0) {
            return;
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        out.setLength(0);
        returned[0] += bytes.length;
        events.records(bytes);
    }

    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
