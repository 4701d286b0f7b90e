package dev.cloudjar.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The benchmark's tables: key pk (S, hash) + sk (S, range), items of about 130 bytes, 100 items per
 * partition (pk "p&lt;n&gt;", sk "000".."099"), created on demand and loaded with BatchWriteItem.
 */
final class DynamoDbTables {
    static final int ITEMS_PER_PARTITION = 100;
    static final AttributeValue DATA = AttributeValue.fromS("x".repeat(100));

    private DynamoDbTables() {
    }

    static String create(DynamoDbClient ddb, String prefix) {
        String name = prefix + "-" + Long.toHexString(System.nanoTime());
        ddb.createTable(b -> b.tableName(name)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        awaitActive(ddb, name);
        return name;
    }

    static void awaitActive(DynamoDbClient ddb, String name) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (ddb.describeTable(b -> b.tableName(name)).table().tableStatus() == TableStatus.ACTIVE) {
                return;
            }
            ServerProcess.sleepMillis(20);
        }
        throw new IllegalStateException("table " + name + " did not become ACTIVE within 60 s");
    }

    static void deleteQuietly(DynamoDbClient ddb, String table) {
        try {
            ddb.deleteTable(b -> b.tableName(table));
        } catch (RuntimeException ignored) {
            // cleanup only: the server may not be able to
        }
    }

    static Map<String, AttributeValue> item(long i) {
        Map<String, AttributeValue> item = new HashMap<>(4);
        item.put("pk", AttributeValue.fromS(partition(i / ITEMS_PER_PARTITION)));
        item.put("sk", AttributeValue.fromS(sortKey(i % ITEMS_PER_PARTITION)));
        item.put("data", DATA);
        return item;
    }

    static Map<String, AttributeValue> key(long i) {
        return Map.of("pk", AttributeValue.fromS(partition(i / ITEMS_PER_PARTITION)),
                "sk", AttributeValue.fromS(sortKey(i % ITEMS_PER_PARTITION)));
    }

    static String partition(long n) {
        return "p" + n;
    }

    static String sortKey(long n) {
        return String.format("%03d", n);
    }

    /** The result of a bulk load: how many items were written and how long it took. */
    record Load(long items, long nanos, String error) {
    }

    /**
     * Writes items 0..count-1 with BatchWriteItem (25 per call) from the given number of threads,
     * resubmitting UnprocessedItems, until done or the time limit.
     */
    static Load load(DynamoDbClient ddb, String table, long count, int threads, Duration limit) {
        AtomicLong nextBatch = new AtomicLong();
        AtomicLong written = new AtomicLong();
        AtomicReference<String> error = new AtomicReference<>();
        long t0 = System.nanoTime();
        long deadline = t0 + limit.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                long first;
                while ((first = nextBatch.getAndAdd(25)) < count && System.nanoTime() < deadline && error.get() == null) {
                    List<WriteRequest> writes = new ArrayList<>(25);
                    for (long i = first; i < Math.min(count, first + 25); i++) {
                        writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(i)).build()).build());
                    }
                    int size = writes.size();
                    try {
                        Map<String, List<WriteRequest>> pending = Map.of(table, writes);
                        while (!pending.isEmpty() && !pending.getOrDefault(table, List.of()).isEmpty()) {
                            Map<String, List<WriteRequest>> request = pending;
                            BatchWriteItemResponse response = ddb.batchWriteItem(b -> b.requestItems(request));
                            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                        }
                        written.addAndGet(size);
                    } catch (RuntimeException e) {
                        error.compareAndSet(null, LoadRunner.describe(e));
                    }
                }
            }, "ddb-load-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Load(written.get(), System.nanoTime() - t0, error.get());
    }
}
