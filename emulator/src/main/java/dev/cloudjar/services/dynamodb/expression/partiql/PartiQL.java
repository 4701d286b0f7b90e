package dev.cloudjar.services.dynamodb.expression.partiql;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.List;

/**
 * Entry point of the PartiQL subset DynamoDB users write (ExecuteStatement, BatchExecuteStatement,
 * ExecuteTransaction):
 * <pre>
 * SELECT * | a, b.c FROM "table"[."index"] [WHERE ...]
 * INSERT INTO "table" VALUE {'pk': 'a', 'n': 1, 's': &lt;&lt;'x','y'&gt;&gt;, 'l': [1, 'two'], 'm': {'k': ?}}
 * UPDATE "table" SET a = ? [SET b = b + 1] [REMOVE c] WHERE pk = ? [AND ...]
 * DELETE FROM "table" WHERE pk = ? [AND ...]
 * </pre>
 * WHERE supports =, &lt;&gt;, !=, &lt;, &lt;=, &gt;, &gt;=, BETWEEN, IN [..], IS [NOT] MISSING, IS [NOT] NULL,
 * AND/OR/NOT, parentheses, begins_with, contains, attribute_type and size. {@code ?} parameters bind in order.
 */
public final class PartiQL {
    private PartiQL() {
    }

    /** Parses and binds; throws ValidationException with AWS's wording on malformed statements. */
    public static PartiQLStatement parse(String statement, List<AttributeValue> parameters) {
        if (statement == null || statement.isBlank()) {
            throw malformed("Statement is empty");
        }
        return new PartiQLParser(statement, parameters == null ? List.of() : parameters).statement();
    }

    static AwsException malformed(String detail) {
        return new AwsException(400, "ValidationException", "Statement wasn't well formed, can't be processed: " + detail);
    }

    static AwsException parameterCount() {
        return new AwsException(400, "ValidationException", "Number of parameters in request and statement don't match.");
    }
}
