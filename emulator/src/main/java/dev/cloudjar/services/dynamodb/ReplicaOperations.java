package dev.cloudjar.services.dynamodb;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.table.ReplicaUpdate;
import dev.cloudjar.services.dynamodb.table.StreamSpec;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import dev.cloudjar.services.dynamodb.table.UpdateTableRequest;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * UpdateTable's ReplicaUpdates (global tables version 2019.11.21): Create copies the table's definition
 * and items into a new table of the same name in another region of the account and joins it to the
 * table's global table; Delete deletes that region's replica. As AWS requires, the table is on-demand
 * (provisioned capacity needs auto scaling, which CloudJar does not run) and its stream carries
 * NEW_AND_OLD_IMAGES, which is switched on when the stream is off.
 */
final class ReplicaOperations {
    private static final String NEW_AND_OLD = "NEW_AND_OLD_IMAGES";
    private final TableCatalog catalog;
    private final TableOperations tables;
    private final TableRestorer restorer;
    private final GlobalTables globalTables;
    private final BiConsumer<Scope, String> deleteTable;

    ReplicaOperations(TableCatalog catalog, TableOperations tables, TableRestorer restorer, GlobalTables globalTables,
                      BiConsumer<Scope, String> deleteTable) {
        this.catalog = catalog;
        this.tables = tables;
        this.restorer = restorer;
        this.globalTables = globalTables;
        this.deleteTable = deleteTable;
    }

    void apply(Scope scope, String tableName, List<ReplicaUpdate> updates) {
        TableStorage source = catalog.requireNamed(scope, tableName);
        for (ReplicaUpdate u : updates) {
            if (u.regionName() == null) {
                throw invalid("RegionName is required in a replica update");
            }
            if (u.regionName().equals(scope.region())) {
                throw new AwsException(400, "ValidationException", "Cannot add, delete, or update the local region through "
                        + "ReplicaUpdates. Use CreateTable, DeleteTable, or UpdateTable as required.");
            }
        }
        for (ReplicaUpdate u : updates) {
            switch (u.action()) {
                case "Create" -> create(scope, source, u.regionName());
                case "Delete" -> delete(scope, source.definition().name(), u.regionName());
                default -> requireReplica(scope, source.definition().name(), u.regionName());
            }
        }
    }

    /** Refuses turning off the stream of a replica, as AWS does. */
    void checkStreamChange(Scope scope, String tableName, StreamSpec stream) {
        if (stream != null && Boolean.FALSE.equals(stream.enabled()) && !globalTables.otherReplicaRegions(scope, tableName).isEmpty()) {
            throw invalid("Disabling Stream is not allowed for a Global Table replica.");
        }
    }

    private void create(Scope scope, TableStorage source, String region) {
        TableRecord d = source.definition();
        if (!d.payPerRequest()) {
            throw new AwsException(400, "ValidationException", "Table write capacity should either be Pay-Per-Request or AutoScaled.");
        }
        if (d.streamEnabled() && !NEW_AND_OLD.equals(d.streamViewType())) {
            throw invalid("Table " + d.name() + " must have its stream view type set to NEW_AND_OLD_IMAGES to add replicas, not "
                    + d.streamViewType());
        }
        Scope target = new Scope(scope.account(), region);
        if (globalTables.otherReplicaRegions(scope, d.name()).contains(region) || catalog.find(target, d.name()) != null) {
            throw invalid("Failed to create a replica of table " + d.name() + " in region " + region
                    + " because a table with that name already exists there.");
        }
        if (!d.streamEnabled()) {
            tables.update(scope, streamOn(d.name()));
        }
        // The copy and the join happen under the source's write lock, so no write falls between them.
        source.writeLock().lock();
        try {
            restorer.restore(target, source.definition(), d.name(), null, source.encodedItems());
            tables.update(target, streamOn(d.name()));
            globalTables.addReplica(scope, d.name(), region);
        } finally {
            source.writeLock().unlock();
        }
    }

    private void delete(Scope scope, String tableName, String region) {
        requireReplica(scope, tableName, region);
        Scope target = new Scope(scope.account(), region);
        if (catalog.find(target, tableName) != null) {
            deleteTable.accept(target, tableName);
        } else {
            globalTables.removeReplica(scope, tableName, region);
        }
    }

    private void requireReplica(Scope scope, String tableName, String region) {
        if (!globalTables.otherReplicaRegions(scope, tableName).contains(region)) {
            throw invalid("Replica for table " + tableName + " does not exist in region " + region);
        }
    }

    private static UpdateTableRequest streamOn(String tableName) {
        return new UpdateTableRequest(tableName, null, null, null, null, new StreamSpec(true, NEW_AND_OLD), null, null);
    }

    private static AwsException invalid(String message) {
        return new AwsException(400, "ValidationException", "One or more parameter values were invalid: " + message);
    }
}
