package dev.cloudjar.services.dynamodb.item;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** What the PartiQL operations return. */
public final class PartiQLResults {
    private PartiQLResults() {
    }

    /** One page of ExecuteStatement: items (empty for writes) and the token of the next page. */
    public record StatementPage(List<Map<String, AttributeValue>> items, String nextToken) {
    }

    /** One BatchExecuteStatement response: an item (reads), or an error code and message. */
    public record BatchResponse(String tableName, Map<String, AttributeValue> item, String errorCode, String errorMessage) {
    }
}
