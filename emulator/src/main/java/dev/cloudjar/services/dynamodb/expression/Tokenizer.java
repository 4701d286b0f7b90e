package dev.cloudjar.services.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;

/** Splits expression text into tokens. Unknown characters become syntax errors with AWS's shape. */
final class Tokenizer {
    private Tokenizer() {
    }

    static List<Token> tokenize(String source) {
        List<Token> tokens = new ArrayList<>();
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            Token.Type type;
            if (isIdentifierStart(c)) {
                i = scanWord(source, i + 1);
                type = Token.Type.IDENTIFIER;
            } else if (c >= '0' && c <= '9') {
                // Digits only: "123a" is the number 123 followed by the name "a" (a name cannot start with a digit).
                i++;
                while (i < n && source.charAt(i) >= '0' && source.charAt(i) <= '9') {
                    i++;
                }
                type = Token.Type.NUMBER;
            } else if (c == '#' || c == ':') {
                i = scanWord(source, i + 1);
                if (i == start + 1) {
                    type = Token.Type.UNKNOWN; // a bare '#' or ':' is its own token, which no rule accepts
                } else {
                    type = c == '#' ? Token.Type.NAME_PLACEHOLDER : Token.Type.VALUE_PLACEHOLDER;
                }
            } else {
                i++;
                switch (c) {
                    case '=':
                        type = Token.Type.EQ;
                        break;
                    case '<':
                        if (i < n && source.charAt(i) == '>') {
                            i++;
                            type = Token.Type.NE;
                        } else if (i < n && source.charAt(i) == '=') {
                            i++;
                            type = Token.Type.LE;
                        } else {
                            type = Token.Type.LT;
                        }
                        break;
                    case '>':
                        if (i < n && source.charAt(i) == '=') {
                            i++;
                            type = Token.Type.GE;
                        } else {
                            type = Token.Type.GT;
                        }
                        break;
                    case '(':
                        type = Token.Type.LPAREN;
                        break;
                    case ')':
                        type = Token.Type.RPAREN;
                        break;
                    case '[':
                        type = Token.Type.LBRACKET;
                        break;
                    case ']':
                        type = Token.Type.RBRACKET;
                        break;
                    case ',':
                        type = Token.Type.COMMA;
                        break;
                    case '.':
                        type = Token.Type.DOT;
                        break;
                    case '+':
                        type = Token.Type.PLUS;
                        break;
                    case '-':
                        type = Token.Type.MINUS;
                        break;
                    default:
                        if (Character.isHighSurrogate(c) && i < n && Character.isLowSurrogate(source.charAt(i))) {
                            i++;
                        }
                        type = Token.Type.UNKNOWN; // e.g. '_' (names start with a letter), '$', '@'
                }
            }
            tokens.add(new Token(type, source.substring(start, i), start, i));
        }
        tokens.add(new Token(Token.Type.EOF, "", n, n));
        return tokens;
    }

    /** AWS: an unquoted name starts with a letter; "_version" fails at the "_". */
    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isWordChar(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '_';
    }

    private static int scanWord(String s, int i) {
        while (i < s.length() && isWordChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * AWS's syntax error: the offending token, and "near" = the source text from the previous token through
     * the next one (e.g. token "-", near "a-b"; token "INVALID", near "INVALID SYNTAX"; at the end,
     * token "<EOF>", near the last token).
     */
    static ExpressionException syntaxError(ExpressionKind kind, String source, Token previous, Token offending,
                                           Token following) {
        int from = previous == null ? offending.start() : previous.start();
        int to;
        if (offending.is(Token.Type.EOF)) {
            to = previous == null ? 0 : previous.end();
        } else if (following != null && !following.is(Token.Type.EOF)) {
            to = following.end();
        } else {
            to = offending.end();
        }
        return new ExpressionException(kind.invalid("Syntax error; token: \"" + offending.display()
                + "\", near: \"" + source.substring(Math.min(from, to), to) + "\""));
    }
}
