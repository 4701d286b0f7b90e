package dev.cloudjar.services.dynamodb.item;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.ItemSize;
import dev.cloudjar.services.dynamodb.model.KeyLimits;
import dev.cloudjar.services.dynamodb.table.IndexDefinition;
import dev.cloudjar.services.dynamodb.table.KeySchema;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** The key and item checks of the data plane, with AWS's messages. */
public final class ItemValidation {
    private ItemValidation() {
    }

    /** A Key member must name exactly the key attributes with their declared types. */
    public static void checkKey(KeySchema key, Map<String, AttributeValue> given) {
        if (given == null || given.size() != (key.hasRange() ? 2 : 1)) {
            throw schemaMismatch();
        }
        for (Map.Entry<String, AttributeValue> e : given.entrySet()) {
            String type = key.typeOf(e.getKey());
            if (type == null || !type.equals(e.getValue().type())) {
                throw schemaMismatch();
            }
        }
        KeyLimits.check(key.hashName(), given.get(key.hashName()), true);
        if (key.hasRange()) {
            KeyLimits.check(key.rangeName(), given.get(key.rangeName()), false);
        }
    }

    public static AwsException schemaMismatch() {
        return new AwsException(400, "ValidationException", "The provided key element does not match the schema");
    }

    /** A whole item (PutItem, or the result of an update) against the table's and indexes' keys and the size limit. */
    public static void checkItem(TableRecord table, Map<String, AttributeValue> item, boolean update) {
        KeySchema key = table.key();
        for (String name : key.names()) {
            AttributeValue v = item.get(name);
            if (v == null) {
                throw invalid("Missing the key " + name + " in the item");
            }
            String expected = key.typeOf(name);
            if (!expected.equals(v.type())) {
                throw invalid("Type mismatch for key " + name + " expected: " + expected + " actual: " + v.type());
            }
            KeyLimits.check(name, v, name.equals(key.hashName()));
        }
        for (IndexDefinition index : table.allIndexes()) {
            for (String name : index.key().names()) {
                AttributeValue v = item.get(name);
                if (v == null || key.isKeyAttribute(name)) {
                    continue;
                }
                String expected = index.key().typeOf(name);
                if (!expected.equals(v.type())) {
                    throw invalid("Type mismatch for Index Key " + name + " Expected: " + expected + " Actual: " + v.type()
                            + " IndexName: " + index.name());
                }
                if ((v instanceof AttributeValue.S s && s.value().isEmpty()) || (v instanceof AttributeValue.B b && b.value().length == 0)) {
                    throw new AwsException(400, "ValidationException", "One or more parameter values are not valid. "
                            + "A value specified for a secondary index key is not supported. The AttributeValue for a key "
                            + "attribute cannot contain an empty " + (v instanceof AttributeValue.S ? "string" : "binary")
                            + " value. IndexName: " + index.name() + ", IndexKey: " + name);
                }
            }
        }
        if (update) {
            ItemSize.checkUpdate(item);
        } else {
            ItemSize.check(item);
        }
    }

    /** The key attributes of an item. */
    public static Map<String, AttributeValue> keyOf(KeySchema key, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>(4);
        out.put(key.hashName(), item.get(key.hashName()));
        if (key.hasRange()) {
            out.put(key.rangeName(), item.get(key.rangeName()));
        }
        return out;
    }

    public static AwsException invalid(String message) {
        return new AwsException(400, "ValidationException", "One or more parameter values were invalid: " + message);
    }
}
