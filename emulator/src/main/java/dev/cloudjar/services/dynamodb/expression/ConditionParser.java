package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.KeyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses ConditionExpression, FilterExpression and KeyConditionExpression text into a
 * {@link ConditionNode}. Precedence (AWS): comparisons, IN, BETWEEN and functions bind tightest, then
 * NOT, then AND, then OR; parentheses group.
 */
final class ConditionParser extends ParserBase {
    static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");
    private static final Set<String> TYPE_NAMES = Set.of("S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS");
    private static final int MAX_IN_OPERANDS = 100;

    ConditionParser(String source, ExpressionKind kind, ExpressionContext ctx) {
        super(source, kind, ctx);
    }

    ConditionNode parse() {
        ConditionNode node = or();
        finish();
        return node;
    }

    private ConditionNode or() {
        ConditionNode left = and();
        while (peek().isKeyword("OR")) {
            next();
            countOperator();
            left = new ConditionNode.Or(left, and());
        }
        return left;
    }

    private ConditionNode and() {
        ConditionNode left = not();
        while (peek().isKeyword("AND")) {
            next();
            countOperator();
            left = new ConditionNode.And(left, not());
        }
        return left;
    }

    private int depth;

    /** One level deeper in the recursive descent (conditions and operands share the guard). */
    private void enter() {
        if (++depth > MAX_NESTING) {
            throw balancedParentheses() ? new ExpressionException(kind.invalid("The expression has redundant parentheses;"))
                    : unexpected();
        }
    }
    private int operators;

    /**
     * AWS stops at the 301st comparison or logical operator (parentheses, paths and function calls are
     * not counted) and names that count, before any later syntax or semantic problem.
     */
    private void countOperator() {
        if (++operators > MAX_OPERATORS) {
            throw new ExpressionException(kind.invalid(
                    "The expression contains too many operators; operator count: " + operators));
        }
    }

    private ConditionNode not() {
        enter();
        try {
            if (peek().isKeyword("NOT")) {
                next();
                countOperator();
                return new ConditionNode.Not(not());
            }
            return primary();
        } finally {
            depth--;
        }
    }

    private ConditionNode primary() {
        if (peek().is(Token.Type.LPAREN) && !operandGroupAhead()) {
            next();
            boolean nested = peek().is(Token.Type.LPAREN) && innerGroupSpansParens();
            ConditionNode inner = or();
            expect(Token.Type.RPAREN);
            if (nested) {
                defer(Problem.PARENS, "The expression has redundant parentheses;");
            }
            return inner;
        }
        if (peek().is(Token.Type.IDENTIFIER) && peek(1).is(Token.Type.LPAREN)) {
            String name = peek().text();
            if (CONDITION_FUNCTIONS.contains(name)) {
                ConditionNode f = function();
                if (!startsComparison(peek())) {
                    return f;
                }
                // "attribute_exists(a) < :v": a boolean function used as a value.
                defer(Problem.MISUSED_FUNCTION,
                        "The function is not allowed to be used this way in an expression; function: " + name);
                return comparison(Operand.Literal.of(null));
            }
        }
        Operand left = operand();
        if (!startsComparison(peek()) && left instanceof Operand.Size) {
            defer(Problem.MISUSED_FUNCTION, "The function is not allowed to be used this way in an expression; function: size");
            throwDeferred();
        }
        return comparison(left);
    }

    private static boolean startsComparison(Token t) {
        return t.isComparator() || t.isKeyword("BETWEEN") || t.isKeyword("IN");
    }

    /** The rest of {@code left <op> right}, {@code left BETWEEN a AND b} or {@code left IN (...)}. */
    private ConditionNode comparison(Operand left) {
        Token t = peek();
        if (t.isComparator()) {
            next();
            countOperator();
            Operand right = operand();
            ConditionNode.Comparator op = comparator(t.type());
            checkDistinct(op.symbol(), left, right);
            if (op != ConditionNode.Comparator.EQ && op != ConditionNode.Comparator.NE) {
                checkOrderable(op.symbol(), left);
                checkOrderable(op.symbol(), right);
            }
            return new ConditionNode.Compare(op, left, right);
        }
        if (t.isKeyword("BETWEEN")) {
            next();
            countOperator();
            Operand low = operand();
            if (!peek().isKeyword("AND")) {
                throw unexpected();
            }
            next();
            Operand high = operand();
            checkBetween(left, low, high);
            return new ConditionNode.Between(left, low, high);
        }
        if (t.isKeyword("IN")) {
            next();
            countOperator();
            expect(Token.Type.LPAREN);
            List<Operand> candidates = new ArrayList<>();
            candidates.add(operand());
            while (accept(Token.Type.COMMA)) {
                candidates.add(operand());
            }
            expect(Token.Type.RPAREN);
            if (candidates.size() > MAX_IN_OPERANDS) {
                defer("The IN operator is provided with too many operands; number of operands: " + candidates.size());
            }
            return new ConditionNode.In(left, candidates);
        }
        throw unexpected();
    }

    /** True when the '(' at the cursor wraps an operand: "(a) = :v" (its ')' is followed by a comparison). */
    private boolean operandGroupAhead() {
        int level = 0;
        for (int i = 0; ; i++) {
            Token t = peek(i);
            if (t.is(Token.Type.EOF)) {
                return false;
            }
            if (t.is(Token.Type.LPAREN)) {
                level++;
            } else if (t.is(Token.Type.RPAREN)) {
                level--;
                if (level == 0) {
                    return startsComparison(peek(i + 1));
                }
            } else if (level == 1 && (t.isComparator() || t.isKeyword("AND") || t.isKeyword("OR")
                    || t.isKeyword("NOT") || t.isKeyword("BETWEEN") || t.isKeyword("IN"))) {
                return false;
            }
        }
    }

    /** True when the '(' at the cursor closes right before the ')' that closes the enclosing group. */
    private boolean innerGroupSpansParens() {
        int level = 0;
        for (int i = 0; ; i++) {
            Token t = peek(i);
            if (t.is(Token.Type.EOF)) {
                return false;
            }
            if (t.is(Token.Type.LPAREN)) {
                level++;
            } else if (t.is(Token.Type.RPAREN)) {
                level--;
                if (level == 0) {
                    return peek(i + 1).is(Token.Type.RPAREN);
                }
            }
        }
    }

    private static ConditionNode.Comparator comparator(Token.Type type) {
        switch (type) {
            case EQ:
                return ConditionNode.Comparator.EQ;
            case NE:
                return ConditionNode.Comparator.NE;
            case LT:
                return ConditionNode.Comparator.LT;
            case LE:
                return ConditionNode.Comparator.LE;
            case GT:
                return ConditionNode.Comparator.GT;
            default:
                return ConditionNode.Comparator.GE;
        }
    }

    /** operand := path | :value | size(operand) | '(' operand ')' */
    Operand operand() {
        enter();
        try {
            return nestedOperand();
        } finally {
            depth--;
        }
    }

    private Operand nestedOperand() {
        Token t = peek();
        if (t.is(Token.Type.LPAREN)) {
            next();
            if (peek().is(Token.Type.LPAREN) && innerGroupSpansParens()) {
                defer(Problem.PARENS, "The expression has redundant parentheses;");
            }
            Operand inner = operand();
            expect(Token.Type.RPAREN);
            return inner;
        }
        if (t.is(Token.Type.VALUE_PLACEHOLDER)) {
            next();
            return literal(t);
        }
        if (t.is(Token.Type.IDENTIFIER) && peek(1).is(Token.Type.LPAREN)) {
            String name = t.text();
            next();
            next();
            List<Operand> args = arguments();
            if ("size".equals(name)) {
                if (args.size() != 1) {
                    defer(Problem.OPERAND_COUNT, operandCount(name, args.size()));
                } else if (args.get(0) instanceof Operand.Literal lit && lit.value() != null
                        && !sizeable(lit.value())) {
                    defer(Problem.FUNCTION, incorrectOperand(name, lit.value()));
                }
                return new Operand.Size(args.isEmpty() ? null : args.get(0));
            }
            deferFunctionMisuse(name);
            return new Operand.Size(null);
        }
        if (atPathStart()) {
            return new Operand.PathRef(parsePath());
        }
        throw unexpected();
    }

    private List<Operand> arguments() {
        List<Operand> args = new ArrayList<>(2);
        if (accept(Token.Type.RPAREN)) {
            return args;
        }
        args.add(operand());
        while (accept(Token.Type.COMMA)) {
            args.add(operand());
        }
        expect(Token.Type.RPAREN);
        return args;
    }

    private ConditionNode function() {
        String name = next().text();
        next();
        List<Operand> args = arguments();
        int expected = name.startsWith("attribute_") && !name.equals("attribute_type") ? 1 : 2;
        if (args.size() != expected) {
            defer(Problem.OPERAND_COUNT, operandCount(name, args.size()));
            return new ConditionNode.Function(name, args);
        }
        Operand first = args.get(0);
        if (args.size() == 2) {
            checkDistinct(name, first, args.get(1));
        }
        switch (name) {
            case "attribute_exists":
            case "attribute_not_exists":
            case "attribute_type":
                if (!(first instanceof Operand.PathRef)) {
                    defer(Problem.FUNCTION, "Operator or function requires a document path; operator or function: " + name);
                }
                if (name.equals("attribute_type") && args.get(1) instanceof Operand.Literal lit && lit.value() != null) {
                    if (!(lit.value() instanceof AttributeValue.S s)) {
                        defer(Problem.FUNCTION, incorrectOperand(name, lit.value()));
                    } else if (!TYPE_NAMES.contains(s.value())) {
                        defer(Problem.FUNCTION, "Invalid attribute type name found; type: " + s.value()
                                + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
                    }
                }
                break;
            case "begins_with":
                for (Operand arg : args) {
                    if (arg instanceof Operand.Literal lit && lit.value() != null
                            && !(lit.value() instanceof AttributeValue.S || lit.value() instanceof AttributeValue.B)) {
                        defer(Problem.FUNCTION, incorrectOperand(name, lit.value()));
                    }
                }
                break;
            default:
                break;
        }
        return new ConditionNode.Function(name, args);
    }

    private void deferFunctionMisuse(String name) {
        if (CONDITION_FUNCTIONS.contains(name)) {
            defer(Problem.MISUSED_FUNCTION,
                    "The function is not allowed to be used this way in an expression; function: " + name);
        } else if (UPDATE_FUNCTIONS.contains(name)) {
            defer(Problem.MISUSED_FUNCTION, "The function is not allowed in a "
                    + kind.parameter().replace("Expression", "").toLowerCase() + " expression; function: " + name);
        } else {
            defer(Problem.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
        }
    }

    /** AWS rejects comparing a path with itself: "contains(a, a)", "a = a". */
    private void checkDistinct(String op, Operand first, Operand second) {
        if (first instanceof Operand.PathRef a && second instanceof Operand.PathRef b && a.path().equals(b.path())) {
            defer(Problem.DISTINCT, "The first operand must be distinct from the remaining operands for this operator"
                    + " or function; operator: " + op + ", first operand: " + a.path());
        }
    }

    static String operandCount(String name, int count) {
        return "Incorrect number of operands for operator or function; operator or function: " + name
                + ", number of operands: " + count;
    }

    static String incorrectOperand(String name, AttributeValue value) {
        return "Incorrect operand type for operator or function; operator or function: " + name
                + ", operand type: " + value.type();
    }

    private static boolean sizeable(AttributeValue v) {
        return !(v instanceof AttributeValue.N || v instanceof AttributeValue.BOOL || v instanceof AttributeValue.NULL);
    }

    private static boolean orderable(AttributeValue v) {
        return v instanceof AttributeValue.S || v instanceof AttributeValue.N || v instanceof AttributeValue.B;
    }

    private void checkOrderable(String op, Operand operand) {
        if (operand instanceof Operand.Literal lit && lit.value() != null && !orderable(lit.value())) {
            defer(Problem.FUNCTION, incorrectOperand(op, lit.value()));
        }
    }

    private void checkBetween(Operand value, Operand low, Operand high) {
        checkOrderable("BETWEEN", value);
        checkOrderable("BETWEEN", low);
        checkOrderable("BETWEEN", high);
        if (low instanceof Operand.Literal lo && high instanceof Operand.Literal hi && lo.value() != null
                && hi.value() != null && orderable(lo.value()) && orderable(hi.value())) {
            String bounds = "lower bound operand: AttributeValue: {" + render(lo.value())
                    + "}, upper bound operand: AttributeValue: {" + render(hi.value()) + "}";
            if (!lo.value().type().equals(hi.value().type())) {
                defer(Problem.FUNCTION, "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
            } else if (KeyOrder.compare(lo.value(), hi.value()) > 0) {
                defer(Problem.FUNCTION, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + bounds);
            }
        }
    }

    /** AWS's compact rendering of a scalar in messages: {@code N:10}, {@code S:a}. */
    static String render(AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            return "S:" + s.value();
        }
        if (v instanceof AttributeValue.N n) {
            return "N:" + n.value();
        }
        if (v instanceof AttributeValue.B b) {
            return "B:" + java.util.Base64.getEncoder().encodeToString(b.value());
        }
        return v.type() + ":" + v;
    }
}
