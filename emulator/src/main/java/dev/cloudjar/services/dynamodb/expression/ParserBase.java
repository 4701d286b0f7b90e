package dev.cloudjar.services.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Shared machinery of the expression parsers: the token cursor, document paths and placeholders.
 * Semantic errors (undefined placeholders, reserved words, operand types) are remembered and thrown only
 * after the whole expression parsed, because AWS reports syntax errors first.
 */
abstract class ParserBase {
    /** AWS limits each expression string to 4 KB. */
    static final int MAX_EXPRESSION_BYTES = 4096;
    /** DynamoDB documents nest at most 32 levels. */
    static final int MAX_PATH_DEPTH = 32;
    /**
     * Guards the recursive descent against stack exhaustion (2,000 levels overflowed a server thread).
     * Above the operator limit: a condition nested deeper than this carries parentheses that group
     * nothing new, which AWS reports as redundant.
     */
    static final int MAX_NESTING = 400;
    /** AWS's limit on operators in one expression. */
    static final int MAX_OPERATORS = 300;
    final String source;
    final ExpressionKind kind;
    final ExpressionContext ctx;
    private final List<Token> tokens;
    private int pos;

    /**
     * Kinds of semantic problems, in the order AWS reports them when an expression has several
     * (redundant parentheses first, function type errors last).
     */
    enum Problem { PARENS, UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED, UNDEFINED, OPERAND_COUNT, DISTINCT, FUNCTION, OTHER }

    private final ExpressionException[] deferred = new ExpressionException[Problem.values().length];

    ParserBase(String source, ExpressionKind kind, ExpressionContext ctx) {
        this.source = source;
        this.kind = kind;
        this.ctx = ctx;
        if (source.isBlank()) {
            throw new ExpressionException(kind.invalid("The expression can not be empty;"));
        }
        int size = dev.cloudjar.services.dynamodb.model.ItemSize.utf8Length(source);
        if (size > MAX_EXPRESSION_BYTES) {
            throw new ExpressionException(kind.invalid(
                    "Expression size has exceeded the maximum allowed size; expression size: " + size));
        }
        this.tokens = Tokenizer.tokenize(source);
    }

    /** True when every '(' of the whole expression has its ')'. */
    boolean balancedParentheses() {
        int level = 0;
        for (Token t : tokens) {
            level += t.is(Token.Type.LPAREN) ? 1 : t.is(Token.Type.RPAREN) ? -1 : 0;
        }
        return level == 0;
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(pos);
        if (!t.is(Token.Type.EOF)) {
            pos++;
        }
        return t;
    }

    boolean accept(Token.Type type) {
        if (peek().is(type)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(Token.Type type) {
        if (!peek().is(type)) {
            throw unexpected();
        }
        return next();
    }

    /** A syntax error at the current token. */
    ExpressionException unexpected() {
        Token offending = peek();
        Token previous = pos == 0 ? null : tokens.get(pos - 1);
        return Tokenizer.syntaxError(kind, source, previous, offending, peek(1));
    }

    void expectEnd() {
        if (!peek().is(Token.Type.EOF)) {
            throw unexpected();
        }
    }

    /** Records the first semantic problem of its kind; {@link #finish} throws the most important one. */
    void defer(Problem problem, String detail) {
        if (deferred[problem.ordinal()] == null) {
            deferred[problem.ordinal()] = new ExpressionException(kind.invalid(detail));
        }
    }

    void defer(String detail) {
        defer(Problem.OTHER, detail);
    }

    /** The order in which this kind of expression reports problems (conditions: the enum order). */
    Problem[] reportOrder() {
        return Problem.values();
    }

    /** Throws the most important deferred problem, if any. */
    void throwDeferred() {
        for (Problem p : reportOrder()) {
            if (deferred[p.ordinal()] != null) {
                throw deferred[p.ordinal()];
            }
        }
    }

    void finish() {
        expectEnd();
        throwDeferred();
    }

    /** Offset from the cursor of the ')' matching the '(' at the cursor, or -1. */
    int matchingParen() {
        int level = 0;
        for (int i = 0; ; i++) {
            Token t = peek(i);
            if (t.is(Token.Type.EOF)) {
                return -1;
            }
            if (t.is(Token.Type.LPAREN)) {
                level++;
            } else if (t.is(Token.Type.RPAREN) && --level == 0) {
                return i;
            }
        }
    }

    boolean atPathStart() {
        Token t = peek();
        return t.is(Token.Type.IDENTIFIER) || t.is(Token.Type.NAME_PLACEHOLDER);
    }

    /** path := (name | #placeholder) ('.' (name | #placeholder) | '[' number ']')* */
    Path parsePath() {
        List<Path.Element> elements = new ArrayList<>(4);
        elements.add(new Path.Name(pathName()));
        while (true) {
            if (accept(Token.Type.DOT)) {
                elements.add(new Path.Name(pathName()));
            } else if (peek().is(Token.Type.LBRACKET)) {
                next();
                Token number = expect(Token.Type.NUMBER);
                int index;
                try {
                    index = Integer.parseInt(number.text());
                } catch (NumberFormatException e) {
                    defer("List index is not within the allowable range; index: " + number.text());
                    index = 0;
                }
                expect(Token.Type.RBRACKET);
                elements.add(new Path.Index(index));
            } else {
                if (elements.size() > MAX_PATH_DEPTH) {
                    defer("The document path has too many nesting levels; nesting levels: " + elements.size());
                }
                return new Path(elements);
            }
        }
    }

    private String pathName() {
        Token t = peek();
        if (t.is(Token.Type.NAME_PLACEHOLDER)) {
            next();
            String name = ctx.resolveName(t.text());
            if (name == null) {
                defer(Problem.UNDEFINED, "An expression attribute name used in the document path is not defined; attribute name: "
                        + t.text());
                return t.text();
            }
            return name;
        }
        if (t.is(Token.Type.IDENTIFIER)) {
            next();
            if (ReservedWords.isReserved(t.text())) {
                defer(Problem.RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + t.text());
            }
            return t.text();
        }
        throw unexpected();
    }

    /** A :placeholder operand resolved to its value (or a deferred "not defined" error). */
    Operand.Literal literal(Token t) {
        var value = ctx.resolveValue(t.text());
        if (value == null) {
            defer(Problem.UNDEFINED, "An expression attribute value used in expression is not defined; attribute value: " + t.text());
        }
        return new Operand.Literal(t.text(), value);
    }
}
