package dev.cloudjar.services.dynamodb.expression.partiql;

import dev.cloudjar.services.dynamodb.expression.Condition;
import dev.cloudjar.services.dynamodb.expression.Projection;
import dev.cloudjar.services.dynamodb.expression.UpdatePlan;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.Map;

/**
 * A parsed PartiQL statement, with parameters already bound. {@code where} may be null (no WHERE);
 * {@code keyEqualities} holds the top-level {@code attr = value} terms of an AND-only WHERE, from which the
 * backend picks the primary key (UPDATE/DELETE need the full key; SELECT may turn it into a Query).
 */
public sealed interface PartiQLStatement {
    String table();

    /**
     * {@code SELECT * | paths FROM "table"[."index"] [WHERE ...] [ORDER BY key [ASC | DESC]]}; projection null
     * means all attributes; {@code orderBy} is the ORDER BY attribute or null.
     */
    record Select(String table, String index, Projection projection, Condition where,
                  Map<String, AttributeValue> keyEqualities, String orderBy, boolean descending) implements PartiQLStatement {
    }

    /** {@code INSERT INTO "table" VALUE {...}}: fails if the item exists (AWS: DuplicateItemException). */
    record Insert(String table, Map<String, AttributeValue> item) implements PartiQLStatement {
    }

    /**
     * {@code UPDATE "table" SET a = v [SET ...] [REMOVE b] WHERE key = v [AND condition] [RETURNING ...]};
     * {@code returning} is a ReturnValues name (ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATED_NEW) or null.
     */
    record Update(String table, UpdatePlan update, Condition where,
                  Map<String, AttributeValue> keyEqualities, String returning) implements PartiQLStatement {
    }

    /** {@code DELETE FROM "table" WHERE key = v [AND condition] [RETURNING ALL OLD *]}; returning ALL_OLD or null. */
    record Delete(String table, Condition where, Map<String, AttributeValue> keyEqualities, String returning)
            implements PartiQLStatement {
    }
}
