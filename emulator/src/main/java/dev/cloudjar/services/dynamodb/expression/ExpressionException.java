package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.core.AwsException;

/** A ValidationException raised by expression parsing, validation or evaluation (HTTP 400). */
public final class ExpressionException extends AwsException {
    public ExpressionException(String message) {
        super(400, "ValidationException", message);
    }
}
