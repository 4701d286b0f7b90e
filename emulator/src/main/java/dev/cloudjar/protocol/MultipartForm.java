package dev.cloudjar.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A {@code multipart/form-data} body (RFC 7578) read part by part as it arrives: each part's headers are
 * parsed and its content is a stream that ends at the next boundary, so a file part goes to its
 * destination without the body ever being held whole. Jetty's own parser hands parts over only once the
 * whole body is read (spooling large parts to temporary files), which is what this avoids.
 * A body that breaks the framing throws {@link Malformed}.
 */
public final class MultipartForm {
    private static final int BUFFER = 64 * 1024;
    private static final int MAX_PART_HEADERS = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private boolean done;
    private PartStream current;

    /** The framing is broken: no boundary, a part without headers, a body that ends inside a part. */
    public static final class Malformed extends IOException {
        public Malformed(String message) {
            super(message);
        }
    }

    /** One part: its form field name, the {@code filename} parameter (null when absent), its Content-Type. */
    public record Part(String name, String filename, String contentType, InputStream content) {
        /** The content as UTF-8 text, refused past {@code max} bytes (returns null then). */
        public String text(int max) throws IOException {
            byte[] bytes = content.readNBytes(max + 1);
            return bytes.length > max ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    public MultipartForm(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[Math.max(BUFFER, delimiter.length * 4)];
        // the first boundary has no CRLF before it: supplying one lets every boundary be found the same way
        buf[0] = '\r';
        buf[1] = '\n';
        limit = 2;
    }

    /** The boundary parameter of a {@code multipart/form-data} Content-Type, or null when it is not one or names none. */
    public static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("multipart/form-data")) {
            return null;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String value = p.substring(9).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() || value.length() > 200 ? null : value;
            }
        }
        return null;
    }

    public static boolean isFormData(String contentType) {
        return contentType != null && contentType.split(";")[0].trim().equalsIgnoreCase("multipart/form-data");
    }

    /** The next part, or null after the closing boundary; the previous part's unread content is skipped. */
    public Part next() throws IOException {
        if (done) {
            return null;
        }
        if (current == null) {
            new PartStream().skipAll(); // the preamble
        } else {
            current.skipAll();
        }
        // after a delimiter: "--" closes the body, else optional padding and CRLF open a part
        if (!fill(2)) {
            throw new Malformed("body ends after a boundary");
        }
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            done = true;
            return null;
        }
        String headers = readHeaders();
        String disposition = null;
        String type = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Disposition")) {
                disposition = value;
            } else if (name.equalsIgnoreCase("Content-Type")) {
                type = value;
            }
        }
        if (disposition == null || !disposition.split(";")[0].trim().equalsIgnoreCase("form-data")) {
            throw new Malformed("a part without Content-Disposition: form-data");
        }
        String name = parameter(disposition, "name");
        if (name == null) {
            throw new Malformed("a part without a name");
        }
        current = new PartStream();
        return new Part(name, parameter(disposition, "filename"), type, current);
    }

    private String readHeaders() throws IOException {
        // the rest of the boundary line (transport padding), then header lines up to an empty line
        StringBuilder all = new StringBuilder();
        int total = 0;
        boolean firstLine = true;
        while (true) {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (!fill(1)) {
                    throw new Malformed("body ends inside part headers");
                }
                byte b = buf[pos++];
                if (++total > MAX_PART_HEADERS) {
                    throw new Malformed("part headers too large");
                }
                if (b == '\n') {
                    break;
                }
                if (b != '\r') {
                    line.append((char) (b & 0xFF));
                }
            }
            if (firstLine) {
                firstLine = false;
                if (!line.toString().isBlank()) {
                    throw new Malformed("text after a boundary");
                }
                continue;
            }
            if (line.length() == 0) {
                return new String(all.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
            all.append(line).append("\r\n");
        }
    }

    /** A parameter of a Content-Disposition value ({@code name="file"}), quotes removed; null when absent. */
    static String parameter(String disposition, String wanted) {
        int i = disposition.indexOf(';');
        while (i >= 0 && i < disposition.length()) {
            int start = i + 1;
            while (start < disposition.length() && disposition.charAt(start) == ' ') {
                start++;
            }
            int eq = disposition.indexOf('=', start);
            if (eq < 0) {
                return null;
            }
            String name = disposition.substring(start, eq).trim().toLowerCase(Locale.ROOT);
            String value;
            int end;
            if (eq + 1 < disposition.length() && disposition.charAt(eq + 1) == '"') {
                StringBuilder v = new StringBuilder();
                end = eq + 2;
                while (end < disposition.length() && disposition.charAt(end) != '"') {
                    char c = disposition.charAt(end);
                    // only \" is an escape: browsers send Windows paths with their backslashes as they are
                    if (c == '\\' && end + 1 < disposition.length() && disposition.charAt(end + 1) == '"') {
                        c = disposition.charAt(++end);
                    }
                    v.append(c);
                    end++;
                }
                value = v.toString();
                end = disposition.indexOf(';', end);
            } else {
                end = disposition.indexOf(';', eq);
                value = disposition.substring(eq + 1, end < 0 ? disposition.length() : end).trim();
            }
            if (name.equals(wanted)) {
                return value;
            }
            i = end;
        }
        return null;
    }

    /** Ensures {@code n} unread bytes are buffered; false when the body ends first. */
    private boolean fill(int n) throws IOException {
        while (limit - pos < n) {
            if (eof) {
                return false;
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            int read = in.read(buf, limit, buf.length - limit);
            if (read < 0) {
                eof = true;
            } else {
                limit += read;
            }
        }
        return true;
    }

    /** Where the delimiter starts, looking only at starts before {@code before}; -1 when none does. */
    private int indexOfDelimiter(int before) {
        int last = Math.min(limit - delimiter.length, before - 1);
        byte first = delimiter[0];
        outer:
        for (int i = pos; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int j = 0; j < delimiter.length; j++) {
                if (buf[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A part's content: ends where the next delimiter starts, which it consumes. */
    private final class PartStream extends BlockInputStream {
        private boolean ended;

        @Override
        protected int readSome(byte[] out, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            while (true) {
                // a delimiter can only matter if it starts within the bytes this read could hand over
                int found = indexOfDelimiter(pos + length);
                if (found < 0 && limit - pos >= length + delimiter.length - 1) {
                    System.arraycopy(buf, pos, out, offset, length);
                    pos += length;
                    return length;
                }
                int available = found >= 0 ? found - pos : limit - pos - (delimiter.length - 1);
                if (available > 0) {
                    int n = Math.min(available, length);
                    System.arraycopy(buf, pos, out, offset, n);
                    pos += n;
                    return n;
                }
                if (found >= 0) {
                    pos = found + delimiter.length;
                    ended = true;
                    return -1;
                }
                if (eof) {
                    throw new Malformed("body ends inside a part");
                }
                fill(limit - pos + 1);
            }
        }

        void skipAll() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // discard
            }
        }
    }
}
