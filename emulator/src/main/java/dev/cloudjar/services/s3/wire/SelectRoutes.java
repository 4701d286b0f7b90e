package dev.cloudjar.services.s3.wire;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.eventstream.EventStreamWriter;
import dev.cloudjar.protocol.xml.XmlNode;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.S3Errors;
import dev.cloudjar.services.s3.select.SelectEngine;
import dev.cloudjar.services.s3.select.SelectRequest;
import dev.cloudjar.services.s3.select.SelectRun;
import java.io.IOException;

/**
 * SelectObjectContent ({@code POST /bucket/key?select&select-type=2}): the request document in, the
 * answer as AWS's event stream out: Records, Progress (when asked), Stats and End events; an error found
 * while records stream is an error event, as from S3.
 */
final class SelectRoutes {
    private final S3Backend backend;

    SelectRoutes(S3Backend backend) {
        this.backend = backend;
    }

    AwsResponse select(AwsRequest request, S3Address address) {
        XmlNode root = S3Xml.parse(request);
        if (!"SelectObjectContentRequest".equals(root.name())) {
            throw S3Errors.malformedXml();
        }
        SelectRun run = backend.selectObjectContent(address.bucket(), address.key(), read(root));
        return AwsResponse.ok().stream(out -> {
            EventStreamWriter events = new EventStreamWriter(out);
            try {
                SelectEngine.Stats stats = backend.runSelect(run, new SelectEngine.Events() {
                    @Override
                    public void records(byte[] chunk) throws IOException {
                        events.event("Records", "application/octet-stream", chunk);
                        events.flush();
                    }

                    @Override
                    public void progress(SelectEngine.Stats stats) throws IOException {
                        events.event("Progress", "text/xml", counts("Progress", stats));
                    }
                });
                events.event("Stats", "text/xml", counts("Stats", stats));
                events.event("End", null, new byte[0]);
            } catch (AwsException e) {
                events.error(e.code(), e.getMessage());
            }
            events.flush();
        }, -1, "application/octet-stream");
    }

    private static byte[] counts(String element, SelectEngine.Stats stats) {
        return new XmlWriter().declaration().start(element)
                .element("BytesScanned", stats.bytesScanned())
                .element("BytesProcessed", stats.bytesProcessed())
                .element("BytesReturned", stats.bytesReturned()).end().toBytes();
    }

    static SelectRequest read(XmlNode root) {
        XmlNode input = root.child("InputSerialization");
        XmlNode output = root.child("OutputSerialization");
        XmlNode csvIn = input == null ? null : input.child("CSV");
        XmlNode jsonIn = input == null ? null : input.child("JSON");
        XmlNode csvOut = output == null ? null : output.child("CSV");
        XmlNode jsonOut = output == null ? null : output.child("JSON");
        XmlNode progress = root.child("RequestProgress");
        XmlNode range = root.child("ScanRange");
        return new SelectRequest(root.childText("Expression"), root.childText("ExpressionType"),
                input == null ? null : input.childText("CompressionType"),
                csvIn == null ? null : new SelectRequest.CsvInput(
                        or(csvIn, "FileHeaderInfo", "NONE"), csvIn.childText("Comments"), or(csvIn, "QuoteEscapeCharacter", "\""),
                        or(csvIn, "RecordDelimiter", "\n"), or(csvIn, "FieldDelimiter", ","), or(csvIn, "QuoteCharacter", "\""),
                        bool(csvIn.childText("AllowQuotedRecordDelimiter"))),
                jsonIn == null ? null : or(jsonIn, "Type", "DOCUMENT"),
                input != null && input.child("Parquet") != null,
                csvOut == null ? null : new SelectRequest.CsvOutput(or(csvOut, "QuoteFields", "ASNEEDED"),
                        or(csvOut, "QuoteEscapeCharacter", "\""), or(csvOut, "RecordDelimiter", "\n"), or(csvOut, "FieldDelimiter", ","),
                        or(csvOut, "QuoteCharacter", "\"")),
                jsonOut == null ? null : new SelectRequest.JsonOutput(or(jsonOut, "RecordDelimiter", "\n")),
                progress != null && bool(progress.childText("Enabled")),
                range == null ? null : number(range.childText("Start")), range == null ? null : number(range.childText("End")));
    }

    /** A member's raw text (delimiters may be whitespace), or the default when absent. */
    private static String or(XmlNode node, String name, String fallback) {
        XmlNode child = node.child(name);
        return child == null ? fallback : child.rawText();
    }

    private static boolean bool(String text) {
        if (text == null) {
            return false;
        }
        if (!text.trim().equals("true") && !text.trim().equals("false")) {
            throw S3Errors.malformedXml();
        }
        return text.trim().equals("true");
    }

    private static Long number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw S3Errors.malformedXml();
        }
    }
}
