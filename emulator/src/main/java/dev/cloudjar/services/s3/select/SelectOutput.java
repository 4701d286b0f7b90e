package dev.cloudjar.services.s3.select;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Writes result records as S3 Select's CSV or JSON output serialization. */
final class SelectOutput {
    private final SelectRequest.CsvOutput csv;
    private final SelectRequest.JsonOutput json;

    SelectOutput(SelectRequest.CsvOutput csv, SelectRequest.JsonOutput json) {
        this.csv = csv;
        this.json = json;
    }

    /** One result record: names (for JSON) and values, MISSING ones left out of JSON. */
    void write(StringBuilder out, List<String> names, List<Object> values) {
        if (json != null) {
            out.append('{');
            boolean first = true;
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == SqlValues.MISSING) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, names.get(i));
                out.append(':');
                json(out, values.get(i));
            }
            out.append('}').append(json.recordDelimiter());
            return;
        }
        char quote = csv.quoteCharacter().charAt(0);
        String escape = csv.quoteEscapeCharacter();
        boolean always = "ALWAYS".equals(csv.quoteFields());
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(csv.fieldDelimiter());
            }
            String text = SqlValues.text(values.get(i));
            boolean needs = always || text.contains(csv.fieldDelimiter()) || text.indexOf(quote) >= 0
                    || text.contains(csv.recordDelimiter()) || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
            if (needs) {
                out.append(quote).append(text.replace(String.valueOf(quote), escape + quote)).append(quote);
            } else {
                out.append(text);
            }
        }
        out.append(csv.recordDelimiter());
    }

    static void json(StringBuilder out, Object v) {
        if (v == null || v == SqlValues.MISSING) {
            out.append("null");
        } else if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() == SqlValues.MISSING) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, e.getKey().toString());
                out.append(':');
                json(out, e.getValue());
            }
            out.append('}');
        } else if (v instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                json(out, l.get(i));
            }
            out.append(']');
        } else {
            out.append(v);
        }
    }

    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
