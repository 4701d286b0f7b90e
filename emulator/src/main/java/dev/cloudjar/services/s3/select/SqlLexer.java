package dev.cloudjar.services.s3.select;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Splits an S3 Select expression into tokens: words, "quoted" names, 'strings', numbers and operators. */
final class SqlLexer {
    enum Kind { WORD, QUOTED, STRING, NUMBER, OP, END }

    record Token(Kind kind, String text, Object value) {
        boolean is(String word) {
            return (kind == Kind.WORD || kind == Kind.OP) && text.equalsIgnoreCase(word);
        }
    }

    private SqlLexer() {
    }

    static List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Kind.WORD, sql.substring(start, i), null));
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                int start = i;
                while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
                    i++;
                    if (i < n && (sql.charAt(i) == '+' || sql.charAt(i) == '-')) {
                        i++;
                    }
                    while (i < n && Character.isDigit(sql.charAt(i))) {
                        i++;
                    }
                }
                String text = sql.substring(start, i);
                try {
                    BigDecimal number = new BigDecimal(text);
                    Object value = text.matches("\\d+") && text.length() < 19 ? (Object) Long.valueOf(text) : number;
                    out.add(new Token(Kind.NUMBER, text, value));
                } catch (NumberFormatException e) {
                    throw SelectErrors.unexpectedToken(text);
                }
            } else if (c == '\'' || c == '"') {
                StringBuilder text = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw SelectErrors.unexpectedToken(String.valueOf(c));
                    }
                    char d = sql.charAt(i++);
                    if (d == c) {
                        if (i < n && sql.charAt(i) == c) {
                            text.append(c);
                            i++;
                            continue;
                        }
                        break;
                    }
                    text.append(d);
                }
                out.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED, text.toString(), text.toString()));
            } else {
                String two = i + 1 < n ? sql.substring(i, i + 2) : "";
                if (two.equals("<=") || two.equals(">=") || two.equals("<>") || two.equals("!=") || two.equals("||")) {
                    out.add(new Token(Kind.OP, two, null));
                    i += 2;
                } else if ("=<>+-*/%(),.[]".indexOf(c) >= 0) {
                    out.add(new Token(Kind.OP, String.valueOf(c), null));
                    i++;
                } else {
                    throw SelectErrors.invalidChar(c);
                }
            }
        }
        out.add(new Token(Kind.END, "", null));
        return out;
    }
}
