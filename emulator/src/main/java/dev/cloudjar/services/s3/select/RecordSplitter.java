package dev.cloudjar.services.s3.select;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Cuts a byte stream into records at a record delimiter, outside quotes when quoted delimiters are
 * allowed, remembering where each record starts (for ScanRange). Records are bounded to 1 MB, as in S3.
 */
final class RecordSplitter {
    static final int MAX_RECORD = 1024 * 1024;
    private final InputStream in;
    private final byte[] delimiter;
    private final int quote;
    private final int escape;
    private long offset;
    private long start;
    private boolean done;

    /** {@code quote} is -1 when a delimiter inside quotes still ends the record. */
    RecordSplitter(InputStream in, String delimiter, int quote, int escape) {
        this.in = in;
        this.delimiter = delimiter.getBytes(StandardCharsets.UTF_8);
        this.quote = quote;
        this.escape = escape;
    }

    /** Where the record last returned starts in the (uncompressed) input. */
    long start() {
        return start;
    }

    /** The next record's text (without its delimiter), or null at the end. */
    String next() {
        if (done) {
            return null;
        }
        start = offset;
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        boolean quoted = false;
        int matched = 0;
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    done = true;
                    if (record.size() == 0 && matched == 0) {
                        return null;
                    }
                    record.write(delimiter, 0, matched);
                    return text(record);
                }
                offset++;
                if (quote >= 0 && b == escape && escape != quote && quoted) {
                    record.write(b);
                    int n = in.read();
                    if (n >= 0) {
                        offset++;
                        record.write(n);
                    }
                    continue;
                }
                if (quote >= 0 && b == quote) {
                    quoted = !quoted;
                }
                if (!quoted && b == (delimiter[matched] & 0xff)) {
                    matched++;
                    if (matched == delimiter.length) {
                        return text(record);
                    }
                    continue;
                }
                if (matched > 0) {
                    record.write(delimiter, 0, matched);
                    matched = 0;
                    if (!quoted && b == (delimiter[0] & 0xff)) {
                        matched = 1;
                        continue;
                    }
                }
                record.write(b);
                if (record.size() > MAX_RECORD) {
                    throw SelectErrors.error("OverMaxRecordSize",
                            "The length of a record in the input or result is greater than maxCharsPerRecord of 1 MB.");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(ByteArrayOutputStream record) {
        String s = record.toString(StandardCharsets.UTF_8);
        if (delimiter.length == 1 && delimiter[0] == '\n' && s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
