package dev.cloudjar.services.dynamodb;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.dynamodb.backup.RestoreOverrides;
import dev.cloudjar.services.dynamodb.storage.ItemCodec;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.table.AttributeDefinition;
import dev.cloudjar.services.dynamodb.table.ConstraintErrors;
import dev.cloudjar.services.dynamodb.table.IndexDefinition;
import dev.cloudjar.services.dynamodb.table.IndexSpec;
import dev.cloudjar.services.dynamodb.table.TableDescription;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import dev.cloudjar.services.dynamodb.table.Throughput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates the table of a restore (from a backup or a point in time): the source's definition under
 * the new name, with the overrides the restore operations allow, filled with the given items. As on
 * AWS, stream, TTL, tags and deletion protection are not carried over.
 */
final class TableRestorer {
    private final ServiceContext ctx;
    private final TableCatalog catalog;
    private final TableOperations tables;

    TableRestorer(ServiceContext ctx, TableCatalog catalog, TableOperations tables) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.tables = tables;
    }

    /** Fails with TableAlreadyExistsException when the target name is taken (checked before any other work). */
    void requireFree(Scope scope, String targetName) {
        if (catalog.find(scope, targetName) != null) {
            throw new AwsException(400, "TableAlreadyExistsException", "Table already exists: " + targetName);
        }
    }

    TableDescription restore(Scope scope, TableRecord source, String targetName, RestoreOverrides overrides,
                             Iterator<Map.Entry<String, byte[]>> items) {
        requireFree(scope, targetName);
        long now = ctx.clock().millis();
        TableRecord record = apply(source.restoredAs(scope.account(), scope.region(), targetName, ctx.ids().uuid(), now),
                overrides == null ? RestoreOverrides.NONE : overrides, now);
        TableStorage table;
        try {
            table = catalog.create(scope, record);
        } catch (AwsException e) {
            throw new AwsException(400, "TableAlreadyExistsException", "Table already exists: " + targetName);
        }
        table.writeLock().lock();
        try {
            while (items.hasNext()) {
                Map.Entry<String, byte[]> e = items.next();
                table.write(e.getKey(), null, ItemCodec.decode(e.getValue()));
            }
        } finally {
            table.writeLock().unlock();
        }
        // AWS answers CREATING while the restore runs; here the restored table is complete at once.
        return tables.describe(scope, table, "CREATING");
    }

    private static TableRecord apply(TableRecord r, RestoreOverrides o, long now) {
        List<IndexDefinition> global = pick(r.globalIndexes(), o.globalIndexes(), "GlobalSecondaryIndexOverride");
        List<IndexDefinition> local = pick(r.localIndexes(), o.localIndexes(), "LocalSecondaryIndexOverride");
        String billing = o.billingMode() == null ? r.billingMode() : o.billingMode();
        Throughput t = o.throughput();
        TableRecord.Builder b = r.withIndexes(usedDefinitions(r, global, local), global, local).toBuilder();
        if ("PAY_PER_REQUEST".equals(billing)) {
            if (t != null) {
                throw invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            List<IndexDefinition> gsis = new ArrayList<>();
            global.forEach(i -> gsis.add(i.withThroughput(0, 0)));
            b.billingMode(billing).capacity(0, 0).globalIndexes(gsis).payPerRequestSinceMillis(now);
        } else {
            if (t == null && r.payPerRequest()) {
                throw invalid("ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
            }
            long read = t == null ? r.readCapacity() : t.readCapacityUnits() == null ? 0 : t.readCapacityUnits();
            long write = t == null ? r.writeCapacity() : t.writeCapacityUnits() == null ? 0 : t.writeCapacityUnits();
            new ConstraintErrors().atLeast(read, 1, "provisionedThroughputOverride.readCapacityUnits")
                    .atLeast(write, 1, "provisionedThroughputOverride.writeCapacityUnits").throwIfAny();
            List<IndexDefinition> gsis = new ArrayList<>();
            for (IndexDefinition i : global) {
                Throughput own = throughputOf(o.globalIndexes(), i.name());
                boolean keep = i.readCapacity() > 0 && own == null;
                gsis.add(keep ? i : i.withThroughput(own != null && own.readCapacityUnits() != null ? own.readCapacityUnits() : read,
                        own != null && own.writeCapacityUnits() != null ? own.writeCapacityUnits() : write));
            }
            b.billingMode("PROVISIONED").capacity(read, write).globalIndexes(gsis).payPerRequestSinceMillis(0);
        }
        return b.build();
    }

    /** The source's indexes named by the override (all of them without one); an override may only keep or drop. */
    private static List<IndexDefinition> pick(List<IndexDefinition> source, List<IndexSpec> override, String member) {
        if (override == null) {
            return source;
        }
        List<IndexDefinition> kept = new ArrayList<>();
        for (IndexSpec spec : override) {
            IndexDefinition found = source.stream().filter(i -> i.name().equals(spec.name())).findFirst().orElse(null);
            if (found == null) {
                throw invalid(member + " contains an index that does not exist in the source table: " + spec.name());
            }
            kept.add(found);
        }
        return kept;
    }

    private static Throughput throughputOf(List<IndexSpec> override, String name) {
        if (override == null) {
            return null;
        }
        return override.stream().filter(s -> s.name().equals(name)).map(IndexSpec::throughput).findFirst().orElse(null);
    }

    private static List<AttributeDefinition> usedDefinitions(TableRecord r, List<IndexDefinition> global, List<IndexDefinition> local) {
        Set<String> used = new HashSet<>(r.key().names());
        global.forEach(i -> used.addAll(i.key().names()));
        local.forEach(i -> used.addAll(i.key().names()));
        List<AttributeDefinition> defs = new ArrayList<>();
        for (AttributeDefinition a : r.attributeDefinitions()) {
            if (used.contains(a.name())) {
                defs.add(a);
            }
        }
        return defs;
    }

    private static AwsException invalid(String message) {
        return new AwsException(400, "ValidationException", "One or more parameter values were invalid: " + message);
    }
}
