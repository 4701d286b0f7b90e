package dev.cloudjar.integration.init;

import dev.cloudjar.integration.init.InitFile.Key;
import dev.cloudjar.integration.init.InitFile.TableSpec;
import dev.cloudjar.services.dynamodb.table.AttributeDefinition;
import dev.cloudjar.services.dynamodb.table.CreateTableRequest;
import dev.cloudjar.services.dynamodb.table.IndexSpec;
import dev.cloudjar.services.dynamodb.table.KeyElement;
import dev.cloudjar.services.dynamodb.table.StreamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of the setup file as DynamoDB's CreateTable: on-demand billing, attribute definitions
 * gathered from the table's and its indexes' keys (DynamoDB itself rejects one name with two types).
 */
final class TableRequests {
    private TableRequests() {
    }

    static CreateTableRequest create(TableSpec t) {
        Map<String, String> types = new LinkedHashMap<>();
        List<IndexSpec> indexes = new ArrayList<>();
        for (InitFile.IndexSpec i : t.globalSecondaryIndexes()) {
            indexes.add(new IndexSpec(i.name(), keySchema(i.partitionKey(), i.sortKey(), types), i.projection(),
                    i.nonKeyAttributes().isEmpty() ? null : i.nonKeyAttributes(), null));
        }
        List<KeyElement> keySchema = keySchema(t.partitionKey(), t.sortKey(), types);
        List<AttributeDefinition> definitions = new ArrayList<>();
        types.forEach((name, type) -> definitions.add(new AttributeDefinition(name, type)));
        StreamSpec stream = t.streamView() == null ? null : new StreamSpec(true, t.streamView());
        return new CreateTableRequest(t.name(), definitions, keySchema, null, indexes.isEmpty() ? null : indexes,
                "PAY_PER_REQUEST", null, stream, null, null, null);
    }

    private static List<KeyElement> keySchema(Key partition, Key sort, Map<String, String> types) {
        List<KeyElement> schema = new ArrayList<>();
        schema.add(new KeyElement(partition.name(), "HASH"));
        define(partition, types);
        if (sort != null) {
            schema.add(new KeyElement(sort.name(), "RANGE"));
            define(sort, types);
        }
        return schema;
    }

    private static void define(Key key, Map<String, String> types) {
        String before = types.putIfAbsent(key.name(), key.type());
        if (before != null && !before.equals(key.type())) {
            throw new InitFileLoader.EntryProblem("key attribute " + key.name() + " has two types, " + before + " and " + key.type());
        }
    }
}
