package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All expressions of ONE request share one context: it owns ExpressionAttributeNames and
 * ExpressionAttributeValues, parses each expression kind, and at the end ({@link #checkUsage}) reports
 * placeholders no expression used, as AWS does across ConditionExpression + UpdateExpression etc.
 * Not thread-safe; create one per request. The parsed results are immutable and thread-safe.
 */
public final class ExpressionContext {
    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();
    private final ExpressionException mapProblem;
    private boolean anyExpression;

    /**
     * Either map may be null (parameter absent). Problems with the maps themselves (empty, malformed keys)
     * are reported when the first expression is parsed, because AWS first reports maps given without
     * any expression ("can only be specified when using expressions", see {@link #checkUsage}).
     */
    public ExpressionContext(Map<String, String> names, Map<String, AttributeValue> values) {
        this.names = names;
        this.values = values;
        this.mapProblem = mapProblem(names, values);
    }

    private static ExpressionException mapProblem(Map<String, String> names, Map<String, AttributeValue> values) {
        if (names != null && names.isEmpty()) {
            return new ExpressionException("ExpressionAttributeNames must not be empty");
        }
        if (names != null) {
            for (String key : names.keySet()) {
                if (!validKey(key, '#')) {
                    return new ExpressionException(
                            "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
                }
            }
        }
        if (values != null && values.isEmpty()) {
            return new ExpressionException("ExpressionAttributeValues must not be empty");
        }
        if (values != null) {
            for (String key : values.keySet()) {
                if (!validKey(key, ':')) {
                    return new ExpressionException(
                            "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
                }
            }
        }
        return null;
    }

    /** Marks that the request uses an expression and reports problems with the placeholder maps. */
    private void startExpression() {
        anyExpression = true;
        if (mapProblem != null) {
            throw mapProblem;
        }
    }

    private static boolean validKey(String key, char prefix) {
        if (key.length() < 2 || key.charAt(0) != prefix) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** Parses a ConditionExpression; null text gives null. */
    public Condition condition(String expression) {
        return parseCondition(expression, ExpressionKind.CONDITION);
    }

    /** Parses a FilterExpression; null text gives null. */
    public Condition filter(String expression) {
        return parseCondition(expression, ExpressionKind.FILTER);
    }

    private Condition parseCondition(String expression, ExpressionKind kind) {
        if (expression == null) {
            return null;
        }
        startExpression();
        return new Condition(new ConditionParser(expression, kind, this).parse());
    }

    /** Parses and validates a KeyConditionExpression against the table's or index's key schema. */
    public KeyCondition keyCondition(String expression, KeySchema schema) {
        if (expression == null) {
            return null;
        }
        startExpression();
        ConditionNode root = new ConditionParser(expression, ExpressionKind.KEY_CONDITION, this).parse();
        return KeyCondition.from(root, schema, ExpressionKind.KEY_CONDITION);
    }

    /** Parses an UpdateExpression; null text gives null. */
    public UpdatePlan update(String expression) {
        if (expression == null) {
            return null;
        }
        startExpression();
        return new UpdatePlan(new UpdateParser(expression, this).parse());
    }

    /** Parses a ProjectionExpression; null text gives null. */
    public Projection projection(String expression) {
        if (expression == null) {
            return null;
        }
        startExpression();
        return new Projection(new ProjectionParser(expression, this).parse());
    }

    /**
     * Call after parsing every expression of the request. {@code expressionParameters} are the
     * expression members the operation accepts, in AWS's order (e.g. "UpdateExpression",
     * "ConditionExpression"), used in "ExpressionAttributeValues can only be specified when using
     * expressions: UpdateExpression and ConditionExpression are null".
     */
    public void checkUsage(String... expressionParameters) {
        if (!anyExpression) {
            if (names != null) {
                throw new ExpressionException("ExpressionAttributeNames can only be specified when using expressions");
            }
            if (values != null) {
                throw new ExpressionException("ExpressionAttributeValues can only be specified when using expressions: "
                        + nullList(expressionParameters));
            }
            return;
        }
        if (names != null) {
            List<String> unused = new ArrayList<>();
            for (String key : names.keySet()) {
                if (!usedNames.contains(key)) {
                    unused.add(key);
                }
            }
            if (!unused.isEmpty()) {
                throw new ExpressionException("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                        + String.join(", ", unused) + "}");
            }
        }
        if (values != null) {
            List<String> unused = new ArrayList<>();
            for (String key : values.keySet()) {
                if (!usedValues.contains(key)) {
                    unused.add(key);
                }
            }
            if (!unused.isEmpty()) {
                throw new ExpressionException("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                        + String.join(", ", unused) + "}");
            }
        }
    }

    private static String nullList(String[] params) {
        if (params.length == 0) {
            return "expressions are null";
        }
        if (params.length == 1) {
            return params[0] + " is null";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < params.length; i++) {
            if (i > 0) {
                sb.append(i == params.length - 1 ? " and " : ", ");
            }
            sb.append(params[i]);
        }
        return sb.append(" are null").toString();
    }

    /**
     * AWS's error when a request mixes legacy and expression parameters. Pass the names of the present
     * parameters of each kind; nothing happens unless both lists are non-empty.
     */
    public static void checkNotMixed(List<String> nonExpressionParameters, List<String> expressionParameters) {
        if (!nonExpressionParameters.isEmpty() && !expressionParameters.isEmpty()) {
            throw new ExpressionException("Can not use both expression and non-expression parameters in the same"
                    + " request: Non-expression parameters: {" + String.join(", ", nonExpressionParameters)
                    + "} Expression parameters: {" + String.join(", ", expressionParameters) + "}");
        }
    }

    /** The attribute name for a #placeholder (marking it used), or null when undefined. */
    String resolveName(String placeholder) {
        String name = names == null ? null : names.get(placeholder);
        if (name != null) {
            usedNames.add(placeholder);
        }
        return name;
    }

    /** The value for a :placeholder (marking it used), or null when undefined. */
    AttributeValue resolveValue(String placeholder) {
        AttributeValue value = values == null ? null : values.get(placeholder);
        if (value != null) {
            usedValues.add(placeholder);
        }
        return value;
    }
}
