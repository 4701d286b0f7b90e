package dev.cloudjar.bench;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** DynamoDB PutItem, GetItem and Query (25 items of a 100-item partition) at each thread count. */
public final class DynamoDbWorkload implements Workload {
    @Override
    public String group() {
        return "dynamodb";
    }

    @Override
    public String title() {
        return "DynamoDB items";
    }

    @Override
    public void run(Target target) {
        DynamoDbClient ddb = target.clients().dynamoDb();
        String table;
        try {
            table = DynamoDbTables.create(ddb, "bench-items");
        } catch (RuntimeException e) {
            target.report().notAvailable("DynamoDB CreateTable", LoadRunner.describe(e));
            return;
        }
        try {
            for (int threads : target.options().threads()) {
                // partitions put-0..put-999 keep the write spread like a real key space, sort key unique per call
                target.measure("PutItem", threads, (thread, seq) -> ddb.putItem(b -> b.tableName(table).item(Map.of(
                        "pk", AttributeValue.fromS("put-" + (seq % 1000)),
                        "sk", AttributeValue.fromS(Long.toString(seq)),
                        "data", DynamoDbTables.DATA))));
            }
            DynamoDbTables.Load load = DynamoDbTables.load(ddb, table, DynamoDbTables.ITEMS_PER_PARTITION, 1,
                    target.options().timeLimit().multipliedBy(3));
            if (load.error() != null) {
                target.report().notAvailable("GetItem/Query", "loading the 100-item partition failed: " + load.error());
                return;
            }
            for (int threads : target.options().threads()) {
                target.measure("GetItem", threads, (thread, seq) -> {
                    Map<String, AttributeValue> item = ddb.getItem(b -> b.tableName(table)
                            .key(DynamoDbTables.key(seq % DynamoDbTables.ITEMS_PER_PARTITION))).item();
                    if (item == null || item.isEmpty()) {
                        throw new IllegalStateException("GetItem found no item");
                    }
                });
            }
            for (int threads : target.options().threads()) {
                target.measure("Query 25 of 100", threads, (thread, seq) -> query25(ddb, table, DynamoDbTables.partition(0)));
            }
        } finally {
            DynamoDbTables.deleteQuietly(ddb, table);
        }
    }

    /** Query one partition with Limit 25 and check that 25 items came back. */
    static void query25(DynamoDbClient ddb, String table, String partition) {
        QueryResponse response = ddb.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition)))
                .limit(25));
        if (response.count() != 25) {
            throw new IllegalStateException("Query returned " + response.count() + " items, expected 25");
        }
    }
}
