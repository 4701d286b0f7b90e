package dev.cloudjar.services.dynamodb;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.dynamodb.kinesis.DestinationChange;
import dev.cloudjar.services.dynamodb.kinesis.DestinationsView;
import dev.cloudjar.services.dynamodb.kinesis.KinesisChange;
import dev.cloudjar.services.dynamodb.kinesis.KinesisDataStreams;
import dev.cloudjar.services.dynamodb.kinesis.KinesisDestination;
import dev.cloudjar.services.dynamodb.kinesis.KinesisDestinations;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.ItemSize;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kinesis Data Streams for DynamoDB: Enable, Describe, Update and DisableKinesisStreamingDestination,
 * and the delivery of every item change of a table with an ACTIVE destination into its stream, under
 * the table's write lock so the stream holds the changes in commit order. The rules and messages are
 * AWS's as recorded against real DynamoDB: at most one destination is ACTIVE; a stream that is
 * missing, in another account or in another region is not refused by the request but ends as
 * ENABLE_FAILED with AWS's description; DISABLED and ENABLE_FAILED entries stay listed; a deleted
 * stream leaves its destination ACTIVE and its changes are dropped. The destinations are stored by
 * table id, so they survive a restart and a table created again under the same name starts without.
 */
final class KinesisStreamingDestinations {
    private static final Logger LOG = LoggerFactory.getLogger(KinesisStreamingDestinations.class);
    private static final String INVALID_STATE = "Table is not in a valid state to enable Kinesis Streaming Destination: ";
    private static final String OTHER_REGION =
            "The kinesis Arn used to enable kinesis replication belongs to a stream which is not in the current region";
    private static final String NOT_ACTIVE = "The kinesis Arn used to enable kinesis replication belongs to a stream which is not in Active state";
    /** Entries kept per table; the oldest DISABLED or ENABLE_FAILED ones go first. */
    private static final int MAX_ENTRIES = 100;
    private final ServiceContext ctx;
    private final TableCatalog catalog;
    private final PersistentMap<KinesisDestinations> stored;
    /** Destinations by table id, so the write path asks a hash map, not the store. */
    private final Map<String, KinesisDestinations> byTable = new ConcurrentHashMap<>();
    private volatile KinesisDataStreams kinesis = KinesisDataStreams.NONE;

    KinesisStreamingDestinations(ServiceContext ctx, TableCatalog catalog) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.stored = ctx.store().map("dynamodb.kinesis-destinations", KinesisDestinations.class);
        for (Map.Entry<String, KinesisDestinations> e : stored.range(null, null)) {
            byTable.put(e.getKey(), e.getValue());
        }
    }

    void use(KinesisDataStreams streams) {
        this.kinesis = streams;
    }

    DestinationChange enable(Scope scope, String tableName, String streamArn, String precision) {
        TableStorage table = catalog.requireNamed(scope, tableName);
        table.writeLock().lock();
        try {
            TableRecord d = table.definition();
            KinesisDestinations current = destinations(d);
            if (current.active() != null) {
                throw invalidState("EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation.");
            }
            String refusal = refusal(new Scope(d.account(), d.region()), streamArn);
            List<KinesisDestination> next = new ArrayList<>();
            next.add(new KinesisDestination(streamArn, refusal == null ? KinesisDestination.ACTIVE : KinesisDestination.ENABLE_FAILED,
                    refusal, precision));
            for (KinesisDestination e : current.destinations()) {
                if (!e.streamArn().equals(streamArn) && next.size() < MAX_ENTRIES) {
                    next.add(e);
                }
            }
            save(d, next);
            return new DestinationChange(d.name(), streamArn, "ENABLING", precision);
        } finally {
            table.writeLock().unlock();
        }
    }

    DestinationsView describe(Scope scope, String tableName) {
        TableRecord d = catalog.requireNamed(scope, tableName).definition();
        return new DestinationsView(d.name(), destinations(d).destinations());
    }

    DestinationChange update(Scope scope, String tableName, String streamArn, String precision) {
        TableStorage table = catalog.requireNamed(scope, tableName);
        if (precision == null) {
            throw new AwsException(400, "ValidationException", "Streaming destination cannot be updated with given parameters: "
                    + "UpdateKinesisStreamingConfiguration cannot be null or contain only null values");
        }
        table.writeLock().lock();
        try {
            TableRecord d = table.definition();
            KinesisDestination entry = destinations(d).find(streamArn);
            if (entry == null) {
                throw invalidState("No streaming destination with streamArn: " + streamArn);
            }
            if (!entry.active()) {
                throw invalidState("Kinesis streaming is not in ACTIVE state. Updates are only allowed in ACTIVE state. TableName: " + d.name());
            }
            if (precision.equals(entry.effectivePrecision())) {
                throw new AwsException(400, "ValidationException", "Invalid Request: Precision is already set to the desired value of "
                        + precision + " for tableId: " + d.tableId() + ", kdsArn: " + streamArn);
            }
            replace(d, new KinesisDestination(streamArn, entry.status(), null, precision));
            return new DestinationChange(d.name(), streamArn, "UPDATING", precision);
        } finally {
            table.writeLock().unlock();
        }
    }

    DestinationChange disable(Scope scope, String tableName, String streamArn, boolean withEnableConfiguration) {
        TableStorage table = catalog.requireNamed(scope, tableName);
        if (withEnableConfiguration) {
            throw new AwsException(400, "ValidationException", "Stream cannot be disabled using EnableKinesisStreamingConfiguration parameters");
        }
        table.writeLock().lock();
        try {
            TableRecord d = table.definition();
            KinesisDestination entry = destinations(d).find(streamArn);
            if (entry == null || !entry.active()) {
                throw invalidState("KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.");
            }
            replace(d, new KinesisDestination(streamArn, KinesisDestination.DISABLED, null, null));
            return new DestinationChange(d.name(), streamArn, "DISABLING", null);
        } finally {
            table.writeLock().unlock();
        }
    }

    /** True when the table's changes go to a Kinesis stream. */
    boolean active(TableRecord d) {
        KinesisDestinations set = byTable.get(d.tableId());
        return set != null && set.active() != null;
    }

    /**
     * Puts one item change into the table's ACTIVE destination, if any. The caller holds the table's
     * write lock; a failing stream is logged and never fails the write.
     */
    void deliver(TableRecord d, String eventName, Map<String, AttributeValue> keys, Map<String, AttributeValue> old,
                 Map<String, AttributeValue> next, boolean ttl) {
        KinesisDestinations set = byTable.get(d.tableId());
        KinesisDestination target = set == null ? null : set.active();
        if (target == null) {
            return;
        }
        Instant now = ctx.clock().instant();
        boolean micro = KinesisDestination.MICROSECOND.equals(target.precision());
        long at = micro ? now.getEpochSecond() * 1_000_000L + now.getNano() / 1000 : now.toEpochMilli();
        long size = ItemSize.of(keys) + (next == null ? 0 : ItemSize.of(next)) + (old == null ? 0 : ItemSize.of(old));
        KinesisChange change = new KinesisChange(d.region(), ctx.ids().uuid(), eventName, d.name(), at, target.effectivePrecision(),
                keys, next, old, size, ttl);
        try {
            kinesis.put(target.streamArn(), change);
        } catch (RuntimeException e) {
            LOG.warn("DynamoDB table {} could not put a change into Kinesis stream {}", d.name(), target.streamArn(), e);
        }
    }

    /** Forgets a deleted table's destinations. */
    void dropTable(String tableId) {
        stored.remove(tableId);
        byTable.remove(tableId);
    }

    /** Why the stream cannot be a destination of a table in {@code scope} (AWS's description), or null. */
    private String refusal(Scope scope, String streamArn) {
        Arn arn = Arn.parseOrNull(streamArn);
        if (arn == null || !"kinesis".equals(arn.service())) {
            return KinesisDataStreams.NO_PERMISSION;
        }
        if (!scope.region().equals(arn.region())) {
            return OTHER_REGION;
        }
        if (!scope.account().equals(arn.account())) {
            return NOT_ACTIVE;
        }
        return kinesis.refusal(streamArn);
    }

    private KinesisDestinations destinations(TableRecord d) {
        KinesisDestinations set = byTable.get(d.tableId());
        return set == null ? new KinesisDestinations(KinesisDestinations.FORMAT, List.of()) : set;
    }

    private void replace(TableRecord d, KinesisDestination entry) {
        List<KinesisDestination> next = new ArrayList<>();
        for (KinesisDestination e : destinations(d).destinations()) {
            next.add(e.streamArn().equals(entry.streamArn()) ? entry : e);
        }
        save(d, next);
    }

    private void save(TableRecord d, List<KinesisDestination> entries) {
        KinesisDestinations set = new KinesisDestinations(KinesisDestinations.FORMAT, entries);
        stored.put(d.tableId(), set);
        byTable.put(d.tableId(), set);
    }

    private static AwsException invalidState(String detail) {
        return new AwsException(400, "ValidationException", INVALID_STATE + detail);
    }
}
