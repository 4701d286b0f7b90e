package dev.cloudjar.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * GetItem and Query latency (1 thread) on a small table (1,000 items) and a large one (--ddb-items,
 * default 1,000,000, loaded with BatchWriteItem from 8 threads): a store whose lookups degrade with
 * size shows it here as a p99 ratio well above 1.
 */
public final class DynamoDbTableSizeWorkload implements Workload {
    private static final long SMALL = 1_000;

    @Override
    public String group() {
        return "dynamodb";
    }

    @Override
    public String title() {
        return "DynamoDB latency vs table size";
    }

    @Override
    public void run(Target target) {
        DynamoDbClient ddb = target.clients().dynamoDb();
        Report report = target.report();
        long large = target.options().ddbItems;
        Measurement[] small = measureTable(target, ddb, SMALL);
        if (small == null) {
            return;
        }
        Measurement[] big = measureTable(target, ddb, large);
        if (big == null) {
            return;
        }
        for (int i = 0; i < 2; i++) {
            if (!small[i].failedEntirely() && !big[i].failedEntirely()) {
                target.keep((i == 0 ? "ddb.get" : "ddb.query") + ".p99.ratio", big[i].p99Millis() / small[i].p99Millis());
                target.keep("ddb.large.items", large);
                report.figure(small[i].label().replace(" @1k", "") + " p99 ratio " + label(large) + "/1k",
                        String.format(Locale.ROOT, "%.2fx (p50 %.2fx)", big[i].p99Millis() / small[i].p99Millis(),
                                big[i].p50Millis() / small[i].p50Millis()));
            }
        }
    }

    private Measurement[] measureTable(Target target, DynamoDbClient ddb, long items) {
        Report report = target.report();
        String table;
        try {
            table = DynamoDbTables.create(ddb, "bench-size");
        } catch (RuntimeException e) {
            report.notAvailable("DynamoDB CreateTable", LoadRunner.describe(e));
            return null;
        }
        try {
            Duration loadLimit = Duration.ofSeconds(Math.max(180, target.options().timeLimit().toSeconds() * 45));
            long cpu0 = target.serverCpuMillis();
            DynamoDbTables.Load load = DynamoDbTables.load(ddb, table, items, 8, loadLimit);
            long cpu1 = target.serverCpuMillis();
            String rss = target.server() == null ? "" : ", server RSS " + target.server().rssKib() / 1024 + " MiB";
            report.figure("BatchWriteItem load " + label(items) + " (8 threads)", String.format(Locale.ROOT,
                    "%d items in %.1f s = %.0f items/s%s%s", load.items(), load.nanos() / 1e9, load.items() * 1e9 / load.nanos(),
                    cpu0 >= 0 ? String.format(Locale.ROOT, ", server CPU %.3f ms/item", (cpu1 - cpu0) / (double) Math.max(1, load.items())) : "",
                    rss));
            if (load.error() != null) {
                report.notAvailable("load " + label(items), load.error());
                if (load.items() == 0) {
                    return null;
                }
            }
            if (load.items() < items) {
                report.note("WARNING: only " + load.items() + " of " + items + " items loaded within " + loadLimit.toSeconds() + " s");
            }
            long loaded = Math.max(DynamoDbTables.ITEMS_PER_PARTITION, load.items() - load.items() % DynamoDbTables.ITEMS_PER_PARTITION);
            long partitions = loaded / DynamoDbTables.ITEMS_PER_PARTITION;
            String suffix = " @" + label(items);
            Measurement get = target.measure("GetItem" + suffix, 1, (thread, seq) -> {
                long i = Math.floorMod(mix(seq), loaded);
                Map<String, AttributeValue> item = ddb.getItem(b -> b.tableName(table).key(DynamoDbTables.key(i))).item();
                if (item == null || item.isEmpty()) {
                    throw new IllegalStateException("GetItem found no item " + i);
                }
            });
            Measurement query = target.measure("Query 25" + suffix, 1, (thread, seq) ->
                    DynamoDbWorkload.query25(ddb, table, DynamoDbTables.partition(Math.floorMod(mix(seq), partitions))));
            return new Measurement[] {get, query};
        } finally {
            DynamoDbTables.deleteQuietly(ddb, table);
        }
    }

    /** Spreads sequential numbers over the key space (random access, no cache-friendly order). */
    private static long mix(long seq) {
        long x = seq * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }

    private static String label(long items) {
        if (items >= 1_000_000 && items % 1_000_000 == 0) {
            return items / 1_000_000 + "M";
        }
        if (items >= 1_000 && items % 1_000 == 0) {
            return items / 1_000 + "k";
        }
        return Long.toString(items);
    }
}
