package dev.cloudjar.services.s3.select;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The input records of a query: CSV lines, JSON lines, or the values of a JSON document. */
abstract class RecordSource {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    /** The next record, or null at the end. */
    abstract Row next();

    /** Where the last record started in the uncompressed input (for ScanRange); -1 when unknown. */
    long start() {
        return -1;
    }

    static RecordSource csv(InputStream in, SelectRequest.CsvInput csv) {
        return new Csv(in, csv);
    }

    static RecordSource jsonLines(InputStream in) {
        return new JsonLines(in);
    }

    static RecordSource jsonDocument(InputStream in, List<Object> fromPath) {
        return new JsonDocument(in, fromPath);
    }

    /** JSON numbers as Long / BigDecimal, objects and arrays as LinkedHashMap / List. */
    @SuppressWarnings("unchecked")
    static Object normalize(Object v) {
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> out.put(k, normalize(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(normalize(x)));
            return out;
        }
        return v;
    }

    static Row row(Object value) {
        if (value instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) m;
            return new Row(fields, null);
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("_1", value);
        return new Row(wrapped, null);
    }

    private static final class Csv extends RecordSource {
        private final RecordSplitter lines;
        private final SelectRequest.CsvInput csv;
        private final char fieldDelimiter;
        private final char quote;
        private final char escape;
        private List<String> header;

        Csv(InputStream in, SelectRequest.CsvInput csv) {
            this.csv = csv;
            this.fieldDelimiter = csv.fieldDelimiter().charAt(0);
            this.quote = csv.quoteCharacter().charAt(0);
            this.escape = csv.quoteEscapeCharacter().charAt(0);
            this.lines = new RecordSplitter(in, csv.recordDelimiter(), csv.allowQuotedRecordDelimiter() ? quote : -1, escape);
        }

        @Override
        long start() {
            return lines.start();
        }

        private String line() {
            while (true) {
                String line = lines.next();
                if (line == null) {
                    return null;
                }
                if (csv.comments() != null && !csv.comments().isEmpty() && line.startsWith(csv.comments())) {
                    continue;
                }
                return line;
            }
        }

        @Override
        Row next() {
            if (header == null && !"NONE".equals(csv.fileHeaderInfo())) {
                String first = line();
                if (first == null) {
                    return null;
                }
                header = "USE".equals(csv.fileHeaderInfo()) ? fields(first) : List.of();
            }
            String line = line();
            if (line == null) {
                return null;
            }
            List<String> values = fields(line);
            Map<String, Object> named = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                String name = header != null && i < header.size() ? header.get(i) : "_" + (i + 1);
                named.putIfAbsent(name, values.get(i));
            }
            return new Row(named, values);
        }

        List<String> fields(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == escape && i + 1 < line.length() && line.charAt(i + 1) == quote) {
                        field.append(quote);
                        i++;
                    } else if (c == quote) {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == quote) {
                    quoted = true;
                } else if (c == fieldDelimiter) {
                    out.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            out.add(field.toString());
            return out;
        }
    }

    private static final class JsonLines extends RecordSource {
        private final RecordSplitter lines;

        JsonLines(InputStream in) {
            this.lines = new RecordSplitter(in, "\n", -1, -1);
        }

        @Override
        long start() {
            return lines.start();
        }

        @Override
        Row next() {
            while (true) {
                String line = lines.next();
                if (line == null) {
                    return null;
                }
                if (line.isBlank()) {
                    continue;
                }
                try {
                    return row(normalize(JSON.readValue(line, Object.class)));
                } catch (JsonProcessingException e) {
                    throw SelectErrors.invalidJson();
                }
            }
        }
    }

    /**
     * A JSON document's root values are read whole (a {@code [*]} path then walks them), so each is bounded:
     * one over {@link #MAX_ROOT} bytes is OverMaxRecordSize.
     */
    private static final class JsonDocument extends RecordSource {
        static final long MAX_ROOT = 16L * 1024 * 1024;
        private final MappingIterator<Object> values;
        private final List<Object> fromPath;
        private final Deque<Object> pending = new ArrayDeque<>();
        private final Bounded bounded;

        JsonDocument(InputStream in, List<Object> fromPath) {
            this.fromPath = fromPath;
            this.bounded = new Bounded(in);
            try {
                JsonParser parser = JSON.getFactory().createParser(bounded);
                this.values = JSON.readValues(parser, Object.class);
            } catch (IOException e) {
                throw SelectErrors.invalidJson();
            }
        }

        @Override
        Row next() {
            while (pending.isEmpty()) {
                Object value;
                bounded.since = 0;
                try {
                    if (!values.hasNextValue()) {
                        return null;
                    }
                    value = normalize(values.nextValue());
                } catch (JsonProcessingException e) {
                    throw SelectErrors.invalidJson();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (RuntimeException e) {
                    if (e.getCause() instanceof JsonProcessingException) {
                        throw SelectErrors.invalidJson();
                    }
                    throw e;
                }
                expand(value, 0);
            }
            return row(pending.poll());
        }

        /** Counts the bytes read for the current root value. */
        private static final class Bounded extends java.io.FilterInputStream {
            long since;

            Bounded(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                since += n;
                if (since > MAX_ROOT) {
                    throw SelectErrors.error("OverMaxRecordSize",
                            "The length of a record in the input or result is greater than maxCharsPerRecord of 1 MB.");
                }
            }
        }

        /** Applies the FROM path: {@code [*]} takes an array's elements, names and indexes step in. */
        private void expand(Object value, int segment) {
            if (segment == fromPath.size()) {
                pending.add(value);
                return;
            }
            Object s = fromPath.get(segment);
            if ("*".equals(s)) {
                if (value instanceof List<?> list) {
                    for (Object element : list) {
                        expand(element, segment + 1);
                    }
                } else {
                    expand(value, segment + 1);
                }
                return;
            }
            Object stepped = SqlEvaluator.step(value, s);
            if (stepped != SqlValues.MISSING) {
                expand(stepped, segment + 1);
            }
        }
    }
}
