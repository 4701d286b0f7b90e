package dev.cloudjar.services.dynamodb.expression.partiql;

import dev.cloudjar.services.dynamodb.expression.Condition;
import dev.cloudjar.services.dynamodb.expression.ConditionNode;
import dev.cloudjar.services.dynamodb.expression.Operand;
import dev.cloudjar.services.dynamodb.expression.Path;
import dev.cloudjar.services.dynamodb.expression.Projection;
import dev.cloudjar.services.dynamodb.expression.UpdateAction;
import dev.cloudjar.services.dynamodb.expression.UpdatePlan;
import dev.cloudjar.services.dynamodb.expression.partiql.PartiQLLexer.Kind;
import dev.cloudjar.services.dynamodb.expression.partiql.PartiQLLexer.Tok;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recursive-descent parser for the statements listed on {@link PartiQL}. */
final class PartiQLParser {
    private final List<Tok> tokens;
    private final List<AttributeValue> parameters;
    private int pos;
    private int nextParameter;

    PartiQLParser(String statement, List<AttributeValue> parameters) {
        this.tokens = PartiQLLexer.lex(statement);
        this.parameters = parameters;
    }

    PartiQLStatement statement() {
        Tok first = next();
        PartiQLStatement result;
        if (first.isWord("SELECT")) {
            result = select();
        } else if (first.isWord("INSERT")) {
            word("INTO");
            String table = name();
            word("VALUE");
            AttributeValue value = value();
            if (!(value instanceof AttributeValue.M m)) {
                throw PartiQL.malformed("VALUE must be a tuple {...}");
            }
            result = new PartiQLStatement.Insert(table, m.values());
        } else if (first.isWord("UPDATE")) {
            result = update();
        } else if (first.isWord("DELETE")) {
            word("FROM");
            String table = name();
            word("WHERE");
            ConditionNode where = or();
            String returning = returning();
            if (returning != null && !returning.equals("ALL_OLD")) {
                throw PartiQL.malformed("DELETE supports only RETURNING ALL OLD *");
            }
            result = new PartiQLStatement.Delete(table, new Condition(where), equalities(where), returning);
        } else {
            throw unexpected(first);
        }
        if (peek().isSymbol(";")) {
            next();
        }
        if (peek().kind() != Kind.EOF) {
            throw unexpected(peek());
        }
        if (nextParameter != parameters.size()) {
            throw PartiQL.parameterCount();
        }
        return result;
    }

    private PartiQLStatement select() {
        List<Path> paths = new ArrayList<>();
        if (peek().isSymbol("*")) {
            next();
        } else {
            paths.add(path());
            while (peek().isSymbol(",")) {
                next();
                paths.add(path());
            }
        }
        word("FROM");
        String table = name();
        String index = null;
        if (peek().isSymbol(".")) {
            next();
            index = name();
        }
        ConditionNode where = null;
        if (peek().isWord("WHERE")) {
            next();
            where = or();
        }
        String orderBy = null;
        boolean descending = false;
        if (peek().isWord("ORDER")) {
            next();
            word("BY");
            orderBy = path().attribute();
            if (peek().isWord("ASC") || peek().isWord("DESC")) {
                descending = next().isWord("DESC");
            }
        }
        return new PartiQLStatement.Select(table, index, paths.isEmpty() ? null : Projection.selectList(paths),
                where == null ? null : new Condition(where), where == null ? Map.of() : equalities(where), orderBy, descending);
    }

    private PartiQLStatement update() {
        String table = name();
        List<UpdateAction> actions = new ArrayList<>();
        while (peek().isWord("SET") || peek().isWord("REMOVE")) {
            boolean set = next().isWord("SET");
            do {
                Path path = path();
                if (set) {
                    symbol("=");
                    actions.add(setAction(path));
                } else {
                    actions.add(new UpdateAction.Remove(path));
                }
            } while (set && peek().isSymbol(",") && next() != null);
        }
        if (actions.isEmpty()) {
            throw unexpected(peek());
        }
        word("WHERE");
        ConditionNode where = or();
        return new PartiQLStatement.Update(table, new UpdatePlan(actions), new Condition(where), equalities(where), returning());
    }

    /** {@code RETURNING (ALL | MODIFIED) (OLD | NEW) *} as a ReturnValues name, or null when absent. */
    private String returning() {
        if (!peek().isWord("RETURNING")) {
            return null;
        }
        next();
        Tok which = next();
        if (!which.isWord("ALL") && !which.isWord("MODIFIED")) {
            throw unexpected(which);
        }
        Tok image = next();
        if (!image.isWord("OLD") && !image.isWord("NEW")) {
            throw unexpected(image);
        }
        symbol("*");
        return (which.isWord("ALL") ? "ALL_" : "UPDATED_") + (image.isWord("OLD") ? "OLD" : "NEW");
    }

    /** The right side of {@code SET path = ...}: a value, arithmetic, or one of DynamoDB's PartiQL functions. */
    private UpdateAction setAction(Path path) {
        Tok t = peek();
        if (t.kind() == Kind.WORD && tokens.get(pos + 1).isSymbol("(")) {
            String fn = next().text().toLowerCase();
            next();
            Operand first = operand();
            symbol(",");
            Operand second = operand();
            symbol(")");
            switch (fn) {
                case "list_append":
                    return new UpdateAction.Set(path, new Operand.ListAppend(first, second));
                case "if_not_exists":
                    if (!(first instanceof Operand.PathRef ref)) {
                        throw PartiQL.malformed("if_not_exists needs a path as its first argument");
                    }
                    return new UpdateAction.Set(path, new Operand.IfNotExists(ref.path(), second));
                case "set_add":
                case "set_delete":
                    if (!(second instanceof Operand.Literal lit) || !isSet(lit.value())) {
                        throw PartiQL.malformed(fn + " needs a set value as its second argument");
                    }
                    return fn.equals("set_add") ? new UpdateAction.Add(path, lit.value())
                            : new UpdateAction.Delete(path, lit.value());
                default:
                    throw PartiQL.malformed("Unsupported function: " + fn);
            }
        }
        Operand left = operand();
        if (peek().isSymbol("+") || peek().isSymbol("-")) {
            boolean plus = next().isSymbol("+");
            left = new Operand.Arithmetic(plus, left, operand());
        }
        return new UpdateAction.Set(path, left);
    }

    private static boolean isSet(AttributeValue v) {
        return v instanceof AttributeValue.SS || v instanceof AttributeValue.NS || v instanceof AttributeValue.BS;
    }

    private static Map<String, AttributeValue> equalities(ConditionNode node) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        collect(node, out);
        return out;
    }

    private static void collect(ConditionNode node, Map<String, AttributeValue> out) {
        if (node instanceof ConditionNode.And and) {
            collect(and.left(), out);
            collect(and.right(), out);
        } else if (node instanceof ConditionNode.Compare c && c.op() == ConditionNode.Comparator.EQ) {
            if (c.left() instanceof Operand.PathRef p && p.path().isTopLevel() && c.right() instanceof Operand.Literal l) {
                out.putIfAbsent(p.path().attribute(), l.value());
            } else if (c.right() instanceof Operand.PathRef p && p.path().isTopLevel()
                    && c.left() instanceof Operand.Literal l) {
                out.putIfAbsent(p.path().attribute(), l.value());
            }
        }
    }

    // ---- conditions ----

    private ConditionNode or() {
        ConditionNode left = and();
        while (peek().isWord("OR")) {
            next();
            left = new ConditionNode.Or(left, and());
        }
        return left;
    }

    private ConditionNode and() {
        ConditionNode left = not();
        while (peek().isWord("AND")) {
            next();
            left = new ConditionNode.And(left, not());
        }
        return left;
    }

    private ConditionNode not() {
        if (peek().isWord("NOT")) {
            next();
            return new ConditionNode.Not(not());
        }
        return predicate();
    }

    private ConditionNode predicate() {
        if (peek().isSymbol("(")) {
            next();
            ConditionNode inner = or();
            symbol(")");
            return inner;
        }
        Tok t = peek();
        if (t.kind() == Kind.WORD && tokens.get(pos + 1).isSymbol("(") && !t.text().equalsIgnoreCase("size")) {
            String fn = next().text().toLowerCase();
            next();
            List<Operand> args = new ArrayList<>();
            args.add(operand());
            while (peek().isSymbol(",")) {
                next();
                args.add(operand());
            }
            symbol(")");
            if (!List.of("begins_with", "contains", "attribute_type", "attribute_exists", "attribute_not_exists")
                    .contains(fn)) {
                throw PartiQL.malformed("Unsupported function: " + fn);
            }
            return new ConditionNode.Function(fn, args);
        }
        Operand left = operand();
        Tok op = next();
        if (op.kind() == Kind.SYMBOL) {
            ConditionNode.Comparator cmp;
            switch (op.text()) {
                case "=": cmp = ConditionNode.Comparator.EQ; break;
                case "<>": case "!=": cmp = ConditionNode.Comparator.NE; break;
                case "<": cmp = ConditionNode.Comparator.LT; break;
                case "<=": cmp = ConditionNode.Comparator.LE; break;
                case ">": cmp = ConditionNode.Comparator.GT; break;
                case ">=": cmp = ConditionNode.Comparator.GE; break;
                default: throw unexpected(op);
            }
            return new ConditionNode.Compare(cmp, left, operand());
        }
        if (op.isWord("BETWEEN")) {
            Operand low = operand();
            word("AND");
            return new ConditionNode.Between(left, low, operand());
        }
        if (op.isWord("IN")) {
            String close = peek().isSymbol("(") ? ")" : "]";
            next();
            List<Operand> candidates = new ArrayList<>();
            candidates.add(operand());
            while (peek().isSymbol(",")) {
                next();
                candidates.add(operand());
            }
            symbol(close);
            return new ConditionNode.In(left, candidates);
        }
        if (op.isWord("IS")) {
            boolean negate = peek().isWord("NOT") && next() != null;
            Tok what = next();
            ConditionNode node;
            if (what.isWord("MISSING")) {
                node = new ConditionNode.Function("attribute_not_exists", List.of(left));
            } else if (what.isWord("NULL")) {
                node = new ConditionNode.Compare(ConditionNode.Comparator.EQ, left,
                        Operand.Literal.of(AttributeValue.NULL.INSTANCE));
            } else {
                throw unexpected(what);
            }
            return negate ? new ConditionNode.Not(node) : node;
        }
        throw unexpected(op);
    }

    private Operand operand() {
        Tok t = peek();
        if (t.isWord("size") && tokens.get(pos + 1).isSymbol("(")) {
            next();
            next();
            Operand arg = operand();
            symbol(")");
            return new Operand.Size(arg);
        }
        if (t.kind() == Kind.QUOTED_NAME || (t.kind() == Kind.WORD && !isLiteralWord(t))) {
            return new Operand.PathRef(path());
        }
        return Operand.Literal.of(value());
    }

    private static boolean isLiteralWord(Tok t) {
        return t.isWord("TRUE") || t.isWord("FALSE") || t.isWord("NULL");
    }

    // ---- values, names, paths ----

    private AttributeValue value() {
        PartiQLValues.Source source = new PartiQLValues.Source() {
            @Override
            public Tok next() {
                return PartiQLParser.this.next();
            }

            @Override
            public Tok peek() {
                return PartiQLParser.this.peek();
            }

            @Override
            public AttributeValue parameter() {
                if (nextParameter >= parameters.size()) {
                    throw PartiQL.parameterCount();
                }
                return parameters.get(nextParameter++);
            }
        };
        return PartiQLValues.value(source);
    }

    private String name() {
        Tok t = next();
        if (t.kind() == Kind.QUOTED_NAME || t.kind() == Kind.WORD) {
            return t.text();
        }
        throw unexpected(t);
    }

    private Path path() {
        List<Path.Element> elements = new ArrayList<>();
        elements.add(new Path.Name(name()));
        while (true) {
            if (peek().isSymbol(".")) {
                next();
                elements.add(new Path.Name(name()));
            } else if (peek().isSymbol("[")) {
                next();
                Tok t = next();
                if (t.kind() == Kind.NUMBER) {
                    elements.add(new Path.Index(Integer.parseInt(t.text())));
                } else if (t.kind() == Kind.STRING) {
                    elements.add(new Path.Name(t.text()));
                } else {
                    throw unexpected(t);
                }
                symbol("]");
            } else {
                return new Path(elements);
            }
        }
    }

    private Tok peek() {
        return tokens.get(pos);
    }

    private Tok next() {
        Tok t = tokens.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    private void word(String w) {
        Tok t = next();
        if (!t.isWord(w)) {
            throw unexpected(t);
        }
    }

    private void symbol(String s) {
        Tok t = next();
        if (!t.isSymbol(s)) {
            throw unexpected(t);
        }
    }

    static RuntimeException unexpected(Tok t) {
        return PartiQL.malformed(t.kind() == Kind.EOF ? "Unexpected end of statement" : "Unexpected token: " + t.text());
    }
}
