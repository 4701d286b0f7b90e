package dev.cloudjar.services.dynamodb.expression.partiql;

import java.util.ArrayList;
import java.util.List;

/** Tokens of the PartiQL subset DynamoDB users write. */
final class PartiQLLexer {

    enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, PARAM, SYMBOL, EOF }

    record Tok(Kind kind, String text) {
        boolean isWord(String w) {
            return kind == Kind.WORD && text.equalsIgnoreCase(w);
        }

        boolean isSymbol(String s) {
            return kind == Kind.SYMBOL && text.equals(s);
        }
    }

    private PartiQLLexer() {
    }

    static List<Tok> lex(String s) {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw PartiQL.malformed("unterminated quoted text");
                    }
                    char d = s.charAt(i);
                    if (d == c) {
                        if (i + 1 < n && s.charAt(i + 1) == c) {
                            sb.append(c);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    sb.append(d);
                    i++;
                }
                out.add(new Tok(c == '\'' ? Kind.STRING : Kind.QUOTED_NAME, sb.toString()));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                int start = i;
                while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    i++;
                    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                        i++;
                    }
                    while (i < n && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                }
                out.add(new Tok(Kind.NUMBER, s.substring(start, i)));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Tok(Kind.WORD, s.substring(start, i)));
            } else if (c == '?') {
                out.add(new Tok(Kind.PARAM, "?"));
                i++;
            } else {
                String two = i + 1 < n ? s.substring(i, i + 2) : "";
                if (two.equals("<=") || two.equals(">=") || two.equals("<>") || two.equals("!=")
                        || two.equals("<<") || two.equals(">>")) {
                    out.add(new Tok(Kind.SYMBOL, two));
                    i += 2;
                } else if ("=<>(),.[]{}:*+-;".indexOf(c) >= 0) {
                    out.add(new Tok(Kind.SYMBOL, String.valueOf(c)));
                    i++;
                } else {
                    throw PartiQL.malformed("Unexpected character: " + c);
                }
            }
        }
        out.add(new Tok(Kind.EOF, ""));
        return out;
    }
}
