package dev.cloudjar.services.dynamodb.item;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expressions of one request, parsed and validated, as the operations use them. Produced by
 * {@link ExpressionCompiler}; each part is null when the request has none.
 */
public record CompiledRequest(Condition condition, Condition filter, Update update, Projection projection,
                              KeyCondition keyCondition) {

    /** A condition or filter over an item (null item = the item does not exist). */
    @FunctionalInterface
    public interface Condition {
        boolean test(Map<String, AttributeValue> item);
    }

    /** An update: the new item from the old (never null; starts from the key for a new item). */
    public interface Update {
        Map<String, AttributeValue> apply(Map<String, AttributeValue> item);

        /** The top-level attribute names the update writes or removes. */
        Set<String> updatedAttributes();
    }

    /** Keeps the projected paths of an item. */
    public interface Projection {
        Map<String, AttributeValue> apply(Map<String, AttributeValue> item);

        /** The top-level attribute names the projection names. */
        Set<String> topLevelAttributes();
    }

    /**
     * A key condition: equality on the partition key, and an optional sort key comparison
     * ({@code EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH}) with one or two operands.
     */
    public record KeyCondition(String hashName, AttributeValue hashValue, String rangeName, String operator,
                               List<AttributeValue> operands) {
    }
}
