package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.KeyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Translates the legacy (pre-expression) parameters that DynamoDBMapper and older code still send
 * into the same AST the expression parsers produce, with AWS's validation messages.
 */
public final class LegacyExpressions {
    private static final String INVALID = "One or more parameter values were invalid: ";

    private LegacyExpressions() {
    }

    /** QueryFilter / ScanFilter with ConditionalOperator (AND when null). Null or empty gives null. */
    public static Condition filter(Map<String, LegacyCondition> conditions, String conditionalOperator) {
        if (conditions == null || conditions.isEmpty()) {
            checkConditionalOperator(conditionalOperator, 0);
            return null;
        }
        checkConditionalOperator(conditionalOperator, conditions.size());
        List<ConditionNode> nodes = new ArrayList<>();
        for (Map.Entry<String, LegacyCondition> e : conditions.entrySet()) {
            nodes.add(comparison(e.getKey(), e.getValue().comparisonOperator(), e.getValue().attributeValueList(), true));
        }
        return new Condition(combine(nodes, conditionalOperator));
    }

    /** Expected with ConditionalOperator, for PutItem/UpdateItem/DeleteItem. Null or empty gives null. */
    public static Condition expected(Map<String, ExpectedAttribute> expected, String conditionalOperator) {
        if (expected == null || expected.isEmpty()) {
            checkConditionalOperator(conditionalOperator, 0);
            return null;
        }
        checkConditionalOperator(conditionalOperator, expected.size());
        List<ConditionNode> nodes = new ArrayList<>();
        for (Map.Entry<String, ExpectedAttribute> e : expected.entrySet()) {
            nodes.add(expectedNode(e.getKey(), e.getValue()));
        }
        return new Condition(combine(nodes, conditionalOperator));
    }

    /** Legacy Query KeyConditions, validated against the key schema like a KeyConditionExpression. */
    public static KeyCondition keyConditions(Map<String, LegacyCondition> conditions, KeySchema schema) {
        if (conditions == null || conditions.isEmpty()) {
            throw new ExpressionException("Either the KeyConditions or KeyConditionExpression parameter must be specified"
                    + " in the request.");
        }
        List<ConditionNode> nodes = new ArrayList<>();
        for (Map.Entry<String, LegacyCondition> e : conditions.entrySet()) {
            String op = e.getValue().comparisonOperator();
            if (!List.of("EQ", "LE", "LT", "GE", "GT", "BEGINS_WITH", "BETWEEN").contains(op)) {
                throw new ExpressionException("Attempted conditional constraint is not an indexable operation");
            }
            nodes.add(comparison(e.getKey(), op, e.getValue().attributeValueList(), true));
        }
        return KeyCondition.from(combine(nodes, "AND"), schema, ExpressionKind.KEY_CONDITION);
    }

    /** Legacy AttributesToGet (top-level names); null gives null. */
    public static Projection attributesToGet(List<String> names) {
        if (names == null) {
            return null;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new ExpressionException(INVALID + "Duplicate value in attribute name: " + name);
            }
        }
        return new Projection(names.stream().map(Path::of).toList());
    }

    /** Legacy AttributeUpdates for UpdateItem; null gives null. */
    public static UpdatePlan attributeUpdates(Map<String, AttributeValueUpdate> updates) {
        if (updates == null) {
            return null;
        }
        List<UpdateAction> actions = new ArrayList<>();
        for (Map.Entry<String, AttributeValueUpdate> e : updates.entrySet()) {
            Path path = Path.of(e.getKey());
            AttributeValue value = e.getValue().value();
            String action = e.getValue().action() == null ? "PUT" : e.getValue().action();
            switch (action) {
                case "PUT":
                    if (value == null) {
                        throw new ExpressionException(INVALID
                                + "Only DELETE action is allowed when no attribute value is specified");
                    }
                    actions.add(new UpdateAction.Set(path, Operand.Literal.of(value)));
                    break;
                case "ADD":
                    if (value == null) {
                        throw new ExpressionException(INVALID
                                + "Only DELETE action is allowed when no attribute value is specified");
                    }
                    if (!(value instanceof AttributeValue.N || value instanceof AttributeValue.L || UpdateParser.isSet(value))) {
                        throw new ExpressionException(INVALID + "ADD action is not supported for the type " + value.type());
                    }
                    actions.add(new UpdateAction.Add(path, value));
                    break;
                case "DELETE":
                    if (value == null) {
                        actions.add(new UpdateAction.Remove(path));
                    } else if (!UpdateParser.isSet(value)) {
                        throw new ExpressionException(INVALID + "DELETE action with value is not supported for the type "
                                + value.type());
                    } else {
                        actions.add(new UpdateAction.Delete(path, value));
                    }
                    break;
                default:
                    throw new ExpressionException("1 validation error detected: Value '" + action
                            + "' at 'attributeUpdates." + e.getKey() + ".member.action' failed to satisfy constraint:"
                            + " Member must satisfy enum value set: [ADD, PUT, DELETE]");
            }
        }
        return new UpdatePlan(actions);
    }

    private static void checkConditionalOperator(String op, int size) {
        if (op == null) {
            return;
        }
        if (!op.equals("AND") && !op.equals("OR")) {
            throw new ExpressionException("1 validation error detected: Value '" + op + "' at 'conditionalOperator'"
                    + " failed to satisfy constraint: Member must satisfy enum value set: [AND, OR]");
        }
        if (size < 2) {
            throw new ExpressionException(INVALID
                    + "ConditionalOperator can only be used when Filter or Expected has two or more elements");
        }
    }

    private static ConditionNode combine(List<ConditionNode> nodes, String op) {
        ConditionNode result = nodes.get(0);
        for (int i = 1; i < nodes.size(); i++) {
            result = "OR".equals(op) ? new ConditionNode.Or(result, nodes.get(i)) : new ConditionNode.And(result, nodes.get(i));
        }
        return result;
    }

    private static ConditionNode expectedNode(String name, ExpectedAttribute e) {
        Operand path = new Operand.PathRef(Path.of(name));
        if (e.comparisonOperator() != null) {
            if (e.exists() != null) {
                throw new ExpressionException(INVALID + "Exists and ComparisonOperator cannot be used together for"
                        + " Attribute: " + name);
            }
            if (e.value() != null && e.attributeValueList() != null) {
                throw new ExpressionException(INVALID + "Value and AttributeValueList cannot be used together for"
                        + " Attribute: " + name);
            }
            // With a ComparisonOperator, Value is accepted as a one-element AttributeValueList.
            List<AttributeValue> args = e.value() != null ? List.of(e.value())
                    : e.attributeValueList() == null ? List.of() : e.attributeValueList();
            return comparison(name, e.comparisonOperator(), args, false);
        }
        if (e.attributeValueList() != null) {
            throw new ExpressionException(INVALID + "AttributeValueList can only be used with a ComparisonOperator for"
                    + " Attribute: " + name);
        }
        boolean exists = e.exists() == null || e.exists();
        if (exists && e.value() == null) {
            throw new ExpressionException(INVALID + "Value must be provided when Exists is "
                    + (e.exists() == null ? "null" : "true") + " for Attribute: " + name);
        }
        if (!exists && e.value() != null) {
            throw new ExpressionException(INVALID + "Value cannot be used when Exists is false for Attribute: " + name);
        }
        if (!exists) {
            return new ConditionNode.Function("attribute_not_exists", List.of(path));
        }
        return new ConditionNode.Compare(ConditionNode.Comparator.EQ, path, Operand.Literal.of(e.value()));
    }

    /**
     * One legacy ComparisonOperator condition on a top-level attribute. Filters (QueryFilter, ScanFilter,
     * KeyConditions) and Expected word argument-count and type errors differently.
     */
    static ConditionNode comparison(String name, String op, List<AttributeValue> args, boolean filter) {
        Operand path = new Operand.PathRef(Path.of(name));
        if (op == null) {
            throw new ExpressionException(INVALID + "ComparisonOperator must be specified for Attribute: " + name);
        }
        switch (op) {
            case "NULL":
            case "NOT_NULL":
                count(op, args, 0, filter);
                return new ConditionNode.Function(op.equals("NULL") ? "attribute_not_exists" : "attribute_exists",
                        List.of(path));
            case "EQ":
            case "NE":
                count(op, args, 1, filter);
                return new ConditionNode.Compare(ConditionNode.Comparator.valueOf(op), path, Operand.Literal.of(args.get(0)));
            case "LT":
            case "LE":
            case "GT":
            case "GE":
                count(op, args, 1, filter);
                scalar(op, args.get(0), true, filter);
                return new ConditionNode.Compare(ConditionNode.Comparator.valueOf(op), path, Operand.Literal.of(args.get(0)));
            case "CONTAINS":
            case "NOT_CONTAINS": {
                count(op, args, 1, filter);
                scalar(op, args.get(0), true, filter);
                ConditionNode contains = new ConditionNode.Function("contains", List.of(path, Operand.Literal.of(args.get(0))));
                return op.equals("CONTAINS") ? contains : new ConditionNode.And(
                        new ConditionNode.Function("attribute_exists", List.of(path)), new ConditionNode.Not(contains));
            }
            case "BEGINS_WITH":
                count(op, args, 1, filter);
                scalar(op, args.get(0), false, filter);
                return new ConditionNode.Function("begins_with", List.of(path, Operand.Literal.of(args.get(0))));
            case "IN": {
                if (args.isEmpty()) {
                    throw invalidCount(op, filter);
                }
                List<Operand> candidates = new ArrayList<>();
                for (AttributeValue v : args) {
                    scalar(op, v, true, filter);
                    candidates.add(Operand.Literal.of(v));
                }
                return new ConditionNode.In(path, candidates);
            }
            case "BETWEEN": {
                count(op, args, 2, filter);
                scalar(op, args.get(0), true, filter);
                scalar(op, args.get(1), true, filter);
                if (!args.get(0).type().equals(args.get(1).type())) {
                    throw new ExpressionException(INVALID + "AttributeValues inside AttributeValueList must be of same type");
                }
                if (KeyOrder.compare(args.get(0), args.get(1)) > 0) {
                    throw new ExpressionException("The BETWEEN condition was provided a range where the lower bound is"
                            + " greater than the upper bound");
                }
                return new ConditionNode.Between(path, Operand.Literal.of(args.get(0)), Operand.Literal.of(args.get(1)));
            }
            default:
                throw new ExpressionException("1 validation error detected: Value '" + op + "' at"
                        + " 'comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set:"
                        + " [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
        }
    }

    private static void count(String op, List<AttributeValue> args, int expected, boolean filter) {
        if (args.size() != expected) {
            throw invalidCount(op, filter);
        }
    }

    private static ExpressionException invalidCount(String op, boolean filter) {
        return new ExpressionException(filter
                ? "The attempted filter operation is not supported for the provided filter argument count"
                : INVALID + "Invalid number of argument(s) for the " + op + " ComparisonOperator");
    }

    private static void scalar(String op, AttributeValue v, boolean numbersAllowed, boolean filter) {
        boolean ok = v instanceof AttributeValue.S || v instanceof AttributeValue.B
                || (numbersAllowed && v instanceof AttributeValue.N);
        if (!ok) {
            throw new ExpressionException(filter ? "The attempted filter operation is not supported for the provided type"
                    : INVALID + "ComparisonOperator " + op + " is not valid for " + v.type() + " AttributeValue type");
        }
    }
}
