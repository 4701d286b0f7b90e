package dev.cloudjar.services.logs.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the inside of a JSON or space-delimited pattern into tokens: parentheses, {@code &&},
 * {@code ||}, comparison operators, quoted strings and bare words (selectors, numbers, keywords,
 * values with {@code *} wildcards).
 */
final class ConditionLexer {
    enum Kind { LPAREN, RPAREN, AND, OR, OPERATOR, QUOTED, WORD }

    record Token(Kind kind, String text) {
        boolean is(Kind k, String t) {
            return kind == k && (t == null || t.equals(text));
        }
    }

    private ConditionLexer() {
    }

    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "("));
                i++;
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")"));
                i++;
            } else if (text.startsWith("&&", i)) {
                out.add(new Token(Kind.AND, "&&"));
                i += 2;
            } else if (text.startsWith("||", i)) {
                out.add(new Token(Kind.OR, "||"));
                i += 2;
            } else if (text.startsWith("!=", i) || text.startsWith("<=", i) || text.startsWith(">=", i)) {
                out.add(new Token(Kind.OPERATOR, text.substring(i, i + 2)));
                i += 2;
            } else if (c == '=' || c == '<' || c == '>') {
                out.add(new Token(Kind.OPERATOR, String.valueOf(c)));
                i++;
            } else if (c == '"') {
                int end = TermPattern.closing(text, i, '"');
                out.add(new Token(Kind.QUOTED, TermPattern.unescape(text.substring(i + 1, end))));
                i = end + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && "()=!<>&|\"".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                if (end == i) {
                    throw new IllegalArgumentException("Invalid character '" + c + "' in filter pattern");
                }
                out.add(new Token(Kind.WORD, text.substring(i, end)));
                i = end;
            }
        }
        return out;
    }
}
