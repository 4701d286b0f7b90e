package dev.cloudjar.services.dynamodb.query;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.table.IndexDefinition;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an index holds of an item: everything (ALL), the table and index keys (KEYS_ONLY), or those
 * plus the named non-key attributes (INCLUDE). Local indexes fetch unprojected attributes from the
 * table on AWS, but a query that does not ask for them sees the projection, as here.
 */
public final class IndexProjection {
    private IndexProjection() {
    }

    public static Map<String, AttributeValue> apply(TableRecord table, IndexDefinition index, Map<String, AttributeValue> item) {
        if ("ALL".equals(index.projectionType())) {
            return item;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            String name = e.getKey();
            if (table.key().isKeyAttribute(name) || index.key().isKeyAttribute(name)
                    || ("INCLUDE".equals(index.projectionType()) && index.nonKeyAttributes() != null
                    && index.nonKeyAttributes().contains(name))) {
                out.put(name, e.getValue());
            }
        }
        return out;
    }
}
