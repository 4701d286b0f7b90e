package dev.cloudjar.services.s3.select;

import dev.cloudjar.services.s3.select.SqlLexer.Kind;
import dev.cloudjar.services.s3.select.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Recursive-descent parser for the SQL subset S3 Select documents. Nesting is bounded. */
final class SqlParser {
    private static final int MAX_DEPTH = 200;
    private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX");
    private static final Set<String> FUNCTIONS = Set.of("LOWER", "UPPER", "TRIM", "SUBSTRING", "CHAR_LENGTH", "CHARACTER_LENGTH",
            "COALESCE", "NULLIF", "ABS");
    private static final Set<String> RESERVED = Set.of("FROM", "WHERE", "LIMIT", "AND", "OR", "NOT", "AS", "LIKE", "BETWEEN",
            "IN", "IS", "ESCAPE", "SELECT");
    private final List<Token> tokens;
    private int at;
    private int depth;
    private int aggregates;

    private SqlParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static SelectQuery parse(String sql) {
        if (sql == null || sql.isBlank()) {
            throw SelectErrors.expectedExpression();
        }
        return new SqlParser(SqlLexer.tokens(sql)).query();
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        return tokens.get(at++);
    }

    private boolean accept(String word) {
        if (peek().is(word)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String word) {
        if (!accept(word)) {
            throw SelectErrors.unexpectedToken(peek().text());
        }
    }

    private SelectQuery query() {
        expect("SELECT");
        List<SelectQuery.Projection> projections = new ArrayList<>();
        if (!accept("*")) {
            do {
                Expr e = expr();
                String name = null;
                if (accept("AS")) {
                    name = identifier();
                } else if (peek().kind() == Kind.WORD && !RESERVED.contains(peek().text().toUpperCase(Locale.ROOT))
                        || peek().kind() == Kind.QUOTED) {
                    name = identifier();
                }
                projections.add(new SelectQuery.Projection(e, name));
            } while (accept(","));
        }
        if (!accept("FROM")) {
            throw SelectErrors.missingFrom();
        }
        Token source = next();
        if (source.kind() != Kind.WORD || !source.text().equalsIgnoreCase("S3Object")) {
            throw SelectErrors.unexpectedToken(source.text());
        }
        List<Object> fromPath = new ArrayList<>();
        while (peek().is("[") || peek().is(".")) {
            if (accept("[")) {
                if (accept("*")) {
                    fromPath.add("*");
                } else {
                    fromPath.add(index());
                }
                expect("]");
            } else {
                next();
                fromPath.add(identifier());
            }
        }
        String alias = null;
        if (accept("AS") || peek().kind() == Kind.WORD && !RESERVED.contains(peek().text().toUpperCase(Locale.ROOT))) {
            alias = identifier();
        }
        Expr where = accept("WHERE") ? expr() : null;
        Long limit = null;
        if (accept("LIMIT")) {
            Token n = next();
            if (n.kind() != Kind.NUMBER || !(n.value() instanceof Long)) {
                throw SelectErrors.unexpectedToken(n.text());
            }
            limit = (Long) n.value();
        }
        if (peek().kind() != Kind.END) {
            throw SelectErrors.unexpectedToken(peek().text());
        }
        if (where != null && containsAggregate(where)) {
            throw SelectErrors.unsupportedSyntax("aggregate in WHERE");
        }
        if (aggregates > 0) {
            for (SelectQuery.Projection p : projections) {
                if (!containsAggregate(p.expr())) {
                    throw SelectErrors.unsupportedSyntax("non-aggregate with aggregate");
                }
            }
        }
        return new SelectQuery(List.copyOf(projections), alias, List.copyOf(fromPath), where, limit, aggregates);
    }

    private static boolean containsAggregate(Expr e) {
        return e instanceof Expr.Aggregate || children(e).stream().anyMatch(SqlParser::containsAggregate);
    }

    /** The operands of an expression (an aggregate's argument is not looked into: aggregates do not nest). */
    static List<Expr> children(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof Expr.Unary u) {
            out.add(u.operand());
        } else if (e instanceof Expr.Binary b) {
            out.add(b.left());
            out.add(b.right());
        } else if (e instanceof Expr.Cast c) {
            out.add(c.value());
        } else if (e instanceof Expr.Call c) {
            out.addAll(c.args());
        } else if (e instanceof Expr.Like l) {
            out.add(l.value());
            out.add(l.pattern());
            if (l.escape() != null) {
                out.add(l.escape());
            }
        } else if (e instanceof Expr.Between b) {
            out.add(b.value());
            out.add(b.low());
            out.add(b.high());
        } else if (e instanceof Expr.In in) {
            out.add(in.value());
            out.addAll(in.options());
        } else if (e instanceof Expr.Is is) {
            out.add(is.value());
        }
        return out;
    }

    private String identifier() {
        Token t = next();
        if (t.kind() == Kind.WORD || t.kind() == Kind.QUOTED) {
            return t.text();
        }
        throw SelectErrors.unexpectedToken(t.text());
    }

    private int index() {
        Token t = next();
        if (t.kind() != Kind.NUMBER || !(t.value() instanceof Long)) {
            throw SelectErrors.unexpectedToken(t.text());
        }
        return ((Long) t.value()).intValue();
    }

    private Expr expr() {
        if (++depth > MAX_DEPTH) {
            throw SelectErrors.unsupportedSyntax("nesting too deep");
        }
        try {
            return or();
        } finally {
            depth--;
        }
    }

    private Expr or() {
        Expr left = and();
        while (accept("OR")) {
            left = new Expr.Binary("OR", left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (accept("AND")) {
            left = new Expr.Binary("AND", left, not());
        }
        return left;
    }

    private Expr not() {
        if (accept("NOT")) {
            if (++depth > MAX_DEPTH) {
                throw SelectErrors.unsupportedSyntax("nesting too deep");
            }
            try {
                return new Expr.Unary("NOT", not());
            } finally {
                depth--;
            }
        }
        return predicate();
    }

    private Expr predicate() {
        Expr left = additive();
        Token t = peek();
        if (t.kind() == Kind.OP && Set.of("=", "!=", "<>", "<", "<=", ">", ">=").contains(t.text())) {
            next();
            return new Expr.Binary(t.text().equals("<>") ? "!=" : t.text(), left, additive());
        }
        if (accept("IS")) {
            boolean negated = accept("NOT");
            if (accept("NULL")) {
                return new Expr.Is(left, "NULL", negated);
            }
            expect("MISSING");
            return new Expr.Is(left, "MISSING", negated);
        }
        boolean negated = false;
        if (peek().is("NOT")) {
            Token after = tokens.get(at + 1);
            if (after.is("LIKE") || after.is("BETWEEN") || after.is("IN")) {
                next();
                negated = true;
            }
        }
        if (accept("LIKE")) {
            Expr pattern = additive();
            Expr escape = accept("ESCAPE") ? additive() : null;
            return new Expr.Like(left, pattern, escape, negated);
        }
        if (accept("BETWEEN")) {
            Expr low = additive();
            expect("AND");
            return new Expr.Between(left, low, additive(), negated);
        }
        if (accept("IN")) {
            expect("(");
            List<Expr> options = new ArrayList<>();
            do {
                options.add(expr());
            } while (accept(","));
            expect(")");
            return new Expr.In(left, options, negated);
        }
        if (negated) {
            throw SelectErrors.unexpectedToken(peek().text());
        }
        return left;
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (peek().is("+") || peek().is("-") || peek().is("||")) {
            String op = next().text();
            left = new Expr.Binary(op, left, multiplicative());
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (peek().is("*") || peek().is("/") || peek().is("%")) {
            String op = next().text();
            left = new Expr.Binary(op, left, unary());
        }
        return left;
    }

    private Expr unary() {
        if (accept("-")) {
            return new Expr.Unary("-", unary());
        }
        if (accept("+")) {
            return unary();
        }
        return primary();
    }

    private Expr primary() {
        Token t = next();
        switch (t.kind()) {
            case NUMBER:
            case STRING:
                return new Expr.Literal(t.value());
            case QUOTED:
                return path(t.text(), true);
            case OP:
                if (t.is("(")) {
                    Expr inner = expr();
                    expect(")");
                    return inner;
                }
                throw t.kind() == Kind.END ? SelectErrors.expectedExpression() : SelectErrors.unexpectedToken(t.text());
            case END:
                throw SelectErrors.expectedExpression();
            default:
                break;
        }
        String word = t.text().toUpperCase(Locale.ROOT);
        switch (word) {
            case "TRUE": return new Expr.Literal(Boolean.TRUE);
            case "FALSE": return new Expr.Literal(Boolean.FALSE);
            case "NULL": return new Expr.Literal(null);
            case "MISSING": return new Expr.Literal(SqlValues.MISSING);
            default: break;
        }
        if (RESERVED.contains(word)) {
            throw SelectErrors.unexpectedToken(t.text());
        }
        if (!peek().is("(")) {
            return path(t.text(), false);
        }
        next();
        if (word.equals("CAST")) {
            Expr value = expr();
            expect("AS");
            String type = identifier().toUpperCase(Locale.ROOT);
            expect(")");
            return new Expr.Cast(value, type);
        }
        if (AGGREGATES.contains(word)) {
            Expr arg = null;
            if (!(word.equals("COUNT") && accept("*"))) {
                arg = expr();
            }
            expect(")");
            if (arg != null && containsAggregate(arg)) {
                throw SelectErrors.unsupportedSyntax("nested aggregate");
            }
            return new Expr.Aggregate(word, arg, aggregates++);
        }
        if (!FUNCTIONS.contains(word)) {
            throw SelectErrors.unsupportedFunction(t.text());
        }
        List<Expr> args = new ArrayList<>();
        if (word.equals("SUBSTRING") || word.equals("TRIM")) {
            return special(word, args);
        }
        if (!accept(")")) {
            do {
                args.add(expr());
            } while (accept(","));
            expect(")");
        }
        return new Expr.Call(word, List.copyOf(args));
    }

    /** SUBSTRING(s FROM a [FOR b]) or SUBSTRING(s, a[, b]); TRIM([LEADING|TRAILING|BOTH] [chars] FROM s) or TRIM(s). */
    private Expr special(String word, List<Expr> args) {
        if (word.equals("TRIM")) {
            String where = "BOTH";
            if (peek().is("LEADING") || peek().is("TRAILING") || peek().is("BOTH")) {
                where = next().text().toUpperCase(Locale.ROOT);
            }
            Expr chars = null;
            Expr value;
            if (accept("FROM")) {
                value = expr();
            } else {
                value = expr();
                if (accept("FROM")) {
                    chars = value;
                    value = expr();
                }
            }
            expect(")");
            args.add(new Expr.Literal(where));
            args.add(value);
            if (chars != null) {
                args.add(chars);
            }
            return new Expr.Call("TRIM", List.copyOf(args));
        }
        args.add(expr());
        if (accept("FROM")) {
            args.add(expr());
            if (accept("FOR")) {
                args.add(expr());
            }
        } else {
            while (accept(",")) {
                args.add(expr());
            }
        }
        expect(")");
        return new Expr.Call("SUBSTRING", List.copyOf(args));
    }

    private Expr path(String first, boolean quoted) {
        List<Object> segments = new ArrayList<>();
        segments.add(first);
        while (peek().is(".") || peek().is("[")) {
            if (accept(".")) {
                Token name = next();
                if (name.kind() != Kind.WORD && name.kind() != Kind.QUOTED) {
                    throw SelectErrors.unexpectedToken(name.text());
                }
                segments.add(name.text());
            } else {
                next();
                Token key = peek();
                if (key.kind() == Kind.STRING) {
                    next();
                    segments.add(key.text());
                } else {
                    segments.add(index());
                }
                expect("]");
            }
        }
        return new Expr.Path(List.copyOf(segments), quoted);
    }
}
