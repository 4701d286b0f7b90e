package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses an UpdateExpression: {@code SET a = :v, b = b + :n REMOVE c[0] ADD n :one DELETE s :x}, each
 * clause at most once, then validates operand types of constants and overlapping paths.
 */
final class UpdateParser extends ParserBase {

    /** Update expressions report reserved words first, then unknown functions, repeated sections, placeholders. */
    private static final Problem[] ORDER = {Problem.RESERVED, Problem.UNKNOWN_FUNCTION, Problem.PARENS,
        Problem.MISUSED_FUNCTION, Problem.UNDEFINED, Problem.OTHER, Problem.FUNCTION, Problem.OPERAND_COUNT,
        Problem.DISTINCT};

    UpdateParser(String source, ExpressionContext ctx) {
        super(source, ExpressionKind.UPDATE, ctx);
    }

    @Override
    Problem[] reportOrder() {
        return ORDER;
    }

    List<UpdateAction> parse() {
        List<UpdateAction> actions = new ArrayList<>();
        Set<String> clauses = new HashSet<>();
        do {
            Token t = peek();
            String clause = t.is(Token.Type.IDENTIFIER) ? t.text().toUpperCase(Locale.ROOT) : "";
            if (!Set.of("SET", "REMOVE", "ADD", "DELETE").contains(clause)) {
                throw unexpected();
            }
            next();
            if (!clauses.add(clause)) {
                defer(Problem.PARENS, "The \"" + clause + "\" section can only be used once in an update expression;");
            }
            do {
                actions.add(action(clause));
            } while (accept(Token.Type.COMMA));
        } while (!peek().is(Token.Type.EOF));
        checkOverlaps(actions);
        finish();
        return actions;
    }

    private UpdateAction action(String clause) {
        Path path = parsePath();
        switch (clause) {
            case "SET":
                expect(Token.Type.EQ);
                return new UpdateAction.Set(path, setValue());
            case "REMOVE":
                return new UpdateAction.Remove(path);
            case "ADD": {
                AttributeValue v = value();
                if (v != null && !(v instanceof AttributeValue.N || isSet(v))) {
                    defer(Problem.FUNCTION, clauseOperand("ADD", v));
                }
                return new UpdateAction.Add(path, v);
            }
            default: {
                AttributeValue v = value();
                if (v != null && !isSet(v)) {
                    defer(Problem.FUNCTION, clauseOperand("DELETE", v));
                }
                return new UpdateAction.Delete(path, v);
            }
        }
    }

    /**
     * ADD/DELETE operand errors use a different shape than functions (seen in real AWS errors):
     * "operator: ADD, operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND".
     */
    private static String clauseOperand(String clause, AttributeValue v) {
        return "Incorrect operand type for operator or function; operator: " + clause + ", operand type: "
                + longTypeName(v) + ", typeSet: ALLOWED_FOR_" + clause + "_OPERAND";
    }

    private static String longTypeName(AttributeValue v) {
        switch (v.type()) {
            case "S":
                return "STRING";
            case "N":
                return "NUMBER";
            case "B":
                return "BINARY";
            case "BOOL":
                return "BOOLEAN";
            case "L":
                return "LIST";
            case "M":
                return "MAP";
            case "SS":
                return "STRING SET";
            case "NS":
                return "NUMBER SET";
            case "BS":
                return "BINARY SET";
            default:
                return v.type();
        }
    }

    static boolean isSet(AttributeValue v) {
        return v instanceof AttributeValue.SS || v instanceof AttributeValue.NS || v instanceof AttributeValue.BS;
    }

    private AttributeValue value() {
        Token t = expect(Token.Type.VALUE_PLACEHOLDER);
        return literal(t).value();
    }

    private Operand setValue() {
        int close = peek().is(Token.Type.LPAREN) ? matchingParen() : -1;
        if (close > 0 && !peek(close + 1).is(Token.Type.PLUS) && !peek(close + 1).is(Token.Type.MINUS)) {
            next();
            Operand inner = setValue();
            expect(Token.Type.RPAREN);
            return inner;
        }
        Operand left = setOperand();
        if (peek().is(Token.Type.PLUS) || peek().is(Token.Type.MINUS)) {
            boolean plus = next().is(Token.Type.PLUS);
            Operand right = setOperand();
            String op = plus ? "+" : "-";
            checkNumber(op, left);
            checkNumber(op, right);
            return new Operand.Arithmetic(plus, left, right);
        }
        return left;
    }

    private void checkNumber(String op, Operand operand) {
        if (operand instanceof Operand.Literal lit && lit.value() != null && !(lit.value() instanceof AttributeValue.N)) {
            defer(Problem.FUNCTION, ConditionParser.incorrectOperand(op, lit.value()));
        }
    }

    private Operand setOperand() {
        Token t = peek();
        if (t.is(Token.Type.LPAREN)) {
            next();
            Operand inner = setOperand();
            expect(Token.Type.RPAREN);
            return inner;
        }
        if (t.is(Token.Type.VALUE_PLACEHOLDER)) {
            next();
            return literal(t);
        }
        if (t.is(Token.Type.IDENTIFIER) && peek(1).is(Token.Type.LPAREN)) {
            return function();
        }
        if (atPathStart()) {
            return new Operand.PathRef(parsePath());
        }
        throw unexpected();
    }

    private Operand function() {
        String name = next().text();
        next();
        List<Operand> args = new ArrayList<>(2);
        if (!peek().is(Token.Type.RPAREN)) {
            args.add(setOperand());
            while (accept(Token.Type.COMMA)) {
                args.add(setOperand());
            }
        }
        expect(Token.Type.RPAREN);
        if (!ConditionParser.UPDATE_FUNCTIONS.contains(name)) {
            if (ConditionParser.CONDITION_FUNCTIONS.contains(name) || name.equals("size")) {
                defer(Problem.MISUSED_FUNCTION, "The function is not allowed in an update expression; function: " + name);
            } else {
                defer(Problem.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
            }
            return Operand.Literal.of(null);
        }
        if (args.size() != 2) {
            defer(Problem.OPERAND_COUNT, ConditionParser.operandCount(name, args.size()));
            return Operand.Literal.of(null);
        }
        if (name.equals("if_not_exists")) {
            if (!(args.get(0) instanceof Operand.PathRef ref)) {
                defer(Problem.FUNCTION, "Operator or function requires a document path; operator or function: " + name);
                return Operand.Literal.of(null);
            }
            return new Operand.IfNotExists(ref.path(), args.get(1));
        }
        for (Operand arg : args) {
            if (arg instanceof Operand.Literal lit && lit.value() != null && !(lit.value() instanceof AttributeValue.L)) {
                defer(Problem.FUNCTION, ConditionParser.incorrectOperand(name, lit.value()));
            }
            if (arg instanceof Operand.ListAppend) {
                // AWS accepts list_append(if_not_exists(...), ...) but not list_append nested in itself.
                defer(Problem.MISUSED_FUNCTION, "The function is not allowed to be used this way in an expression; function: list_append");
            }
        }
        return new Operand.ListAppend(args.get(0), args.get(1));
    }

    private void checkOverlaps(List<UpdateAction> actions) {
        String message = overlapMessage(actions.stream().map(UpdateAction::path).toList());
        if (message != null) {
            defer(message);
        }
    }

    /** AWS's overlap/conflict message for the first offending pair of paths, or null. */
    static String overlapMessage(List<Path> paths) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                Path a = paths.get(i);
                Path b = paths.get(j);
                if (a.isPrefixOf(b) || b.isPrefixOf(a)) {
                    return "Two document paths overlap with each other; must remove or rewrite one of these paths;"
                            + " path one: " + a + ", path two: " + b;
                }
                int n = Math.min(a.size(), b.size());
                for (int k = 0; k < n; k++) {
                    Path.Element x = a.get(k);
                    Path.Element y = b.get(k);
                    if (!x.equals(y)) {
                        if (x.getClass() != y.getClass()) {
                            return "Two document paths conflict with each other; must remove or rewrite one of these"
                                    + " paths; path one: " + a + ", path two: " + b;
                        }
                        break;
                    }
                }
            }
        }
        return null;
    }
}
