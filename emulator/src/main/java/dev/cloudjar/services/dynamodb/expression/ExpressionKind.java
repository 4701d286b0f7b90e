package dev.cloudjar.services.dynamodb.expression;

/** The request parameter an expression came from; AWS names it in every error ("Invalid X: ..."). */
public enum ExpressionKind {
    CONDITION("ConditionExpression"),
    FILTER("FilterExpression"),
    KEY_CONDITION("KeyConditionExpression"),
    UPDATE("UpdateExpression"),
    PROJECTION("ProjectionExpression");

    private final String parameter;

    ExpressionKind(String parameter) {
        this.parameter = parameter;
    }

    /** The request member name, e.g. "ConditionExpression". */
    public String parameter() {
        return parameter;
    }

    /** Prefixes an error detail the way AWS does: "Invalid ConditionExpression: detail". */
    String invalid(String detail) {
        return "Invalid " + parameter + ": " + detail;
    }
}
