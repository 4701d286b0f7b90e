package dev.cloudjar.services.logs.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.cloudjar.services.logs.filter.ConditionLexer.Kind;
import dev.cloudjar.services.logs.filter.ConditionLexer.Token;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code { $.selector <op> value }} conditions over a JSON message, joined with {@code &&} and
 * {@code ||} and grouped with parentheses; also {@code IS NULL}, {@code IS TRUE}, {@code IS FALSE} and
 * {@code NOT EXISTS}. A message that is not a JSON document never matches.
 */
public record JsonPattern(Condition condition) implements FilterPattern {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A condition over the parsed message. */
    public sealed interface Condition permits And, Or, Compare, Check {
        boolean test(JsonNode root);
    }

    public record And(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(JsonNode root) {
            return left.test(root) && right.test(root);
        }
    }

    public record Or(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(JsonNode root) {
            return left.test(root) || right.test(root);
        }
    }

    public record Compare(Selector selector, Comparison comparison) implements Condition {
        @Override
        public boolean test(JsonNode root) {
            JsonNode value = selector.select(root);
            if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
                return false;
            }
            return comparison.test(value.asText(), value.isNumber() ? value.asDouble() : null);
        }
    }

    /** {@code IS NULL}, {@code IS TRUE}, {@code IS FALSE}, {@code NOT EXISTS}. */
    public record Check(Selector selector, String keyword) implements Condition {
        @Override
        public boolean test(JsonNode root) {
            JsonNode value = selector.select(root);
            return switch (keyword) {
                case "NULL" -> value.isNull();
                case "TRUE" -> value.isBoolean() && value.asBoolean();
                case "FALSE" -> value.isBoolean() && !value.asBoolean();
                default -> value.isMissingNode();
            };
        }
    }

    /** {@code $.a.b[0].c}: object members and array indexes from the root. */
    public record Selector(List<Object> steps) {
        static Selector parse(String text) {
            if (!text.startsWith("$")) {
                throw new IllegalArgumentException("Invalid filter pattern: a JSON selector must start with $, not " + text);
            }
            List<Object> steps = new ArrayList<>();
            int i = 1;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '.') {
                    int end = i + 1;
                    while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                        end++;
                    }
                    if (end == i + 1) {
                        throw new IllegalArgumentException("Invalid filter pattern: empty member in selector " + text);
                    }
                    steps.add(text.substring(i + 1, end));
                    i = end;
                } else if (c == '[') {
                    int end = text.indexOf(']', i);
                    if (end < 0) {
                        throw new IllegalArgumentException("Invalid filter pattern: unclosed [ in selector " + text);
                    }
                    String index = text.substring(i + 1, end);
                    try {
                        steps.add(Integer.parseInt(index));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("Invalid filter pattern: array index " + index + " in selector " + text);
                    }
                    i = end + 1;
                } else {
                    throw new IllegalArgumentException("Invalid filter pattern: unexpected '" + c + "' in selector " + text);
                }
            }
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("Invalid filter pattern: selector " + text + " selects nothing");
            }
            return new Selector(List.copyOf(steps));
        }

        JsonNode select(JsonNode root) {
            JsonNode node = root;
            for (Object step : steps) {
                node = step instanceof Integer index ? node.path(index) : node.path((String) step);
                if (node.isMissingNode()) {
                    return MissingNode.getInstance();
                }
            }
            return node;
        }
    }

    @Override
    public boolean matches(String message) {
        String text = message.strip();
        if (text.isEmpty() || (text.charAt(0) != '{' && text.charAt(0) != '[')) {
            return false;
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException notJson) {
            return false;
        }
        return root != null && condition.test(root);
    }

    static JsonPattern parse(String pattern) {
        if (!pattern.endsWith("}")) {
            throw new IllegalArgumentException("Invalid filter pattern: a JSON pattern must end with }");
        }
        Parser parser = new Parser(ConditionLexer.tokens(pattern.substring(1, pattern.length() - 1)));
        Condition condition = parser.or();
        if (parser.at < parser.tokens.size()) {
            throw new IllegalArgumentException("Invalid filter pattern: unexpected " + parser.tokens.get(parser.at).text());
        }
        return new JsonPattern(condition);
    }

    private static final class Parser {
        final List<Token> tokens;
        int at;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Condition or() {
            Condition left = and();
            while (peek(Kind.OR)) {
                at++;
                left = new Or(left, and());
            }
            return left;
        }

        Condition and() {
            Condition left = unary();
            while (peek(Kind.AND)) {
                at++;
                left = new And(left, unary());
            }
            return left;
        }

        Condition unary() {
            if (peek(Kind.LPAREN)) {
                at++;
                Condition inner = or();
                expect(Kind.RPAREN, ")");
                return inner;
            }
            Token selector = expect(Kind.WORD, "a $ selector");
            Selector sel = Selector.parse(selector.text());
            Token next = next("an operator");
            if (next.is(Kind.WORD, "IS")) {
                String keyword = expect(Kind.WORD, "NULL, TRUE or FALSE").text();
                if (!List.of("NULL", "TRUE", "FALSE").contains(keyword)) {
                    throw new IllegalArgumentException("Invalid filter pattern: IS " + keyword);
                }
                return new Check(sel, keyword);
            }
            if (next.is(Kind.WORD, "NOT")) {
                if (!expect(Kind.WORD, "EXISTS").text().equals("EXISTS")) {
                    throw new IllegalArgumentException("Invalid filter pattern: NOT must be followed by EXISTS");
                }
                return new Check(sel, "EXISTS");
            }
            if (next.kind() != Kind.OPERATOR) {
                throw new IllegalArgumentException("Invalid filter pattern: expected an operator after " + selector.text() + ", found " + next.text());
            }
            Token value = next("a value");
            if (value.kind() != Kind.WORD && value.kind() != Kind.QUOTED) {
                throw new IllegalArgumentException("Invalid filter pattern: expected a value after " + next.text() + ", found " + value.text());
            }
            return new Compare(sel, Comparison.of(next.text(), value.text(), value.kind() == Kind.QUOTED));
        }

        boolean peek(Kind kind) {
            return at < tokens.size() && tokens.get(at).kind() == kind;
        }

        Token next(String what) {
            if (at >= tokens.size()) {
                throw new IllegalArgumentException("Invalid filter pattern: expected " + what + " at the end");
            }
            return tokens.get(at++);
        }

        Token expect(Kind kind, String what) {
            Token token = next(what);
            if (token.kind() != kind) {
                throw new IllegalArgumentException("Invalid filter pattern: expected " + what + ", found " + token.text());
            }
            return token;
        }
    }
}
