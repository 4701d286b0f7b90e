package dev.cloudjar.services.dynamodb;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.streams.StreamLog;
import dev.cloudjar.services.dynamodb.streams.StreamRegistry;
import dev.cloudjar.services.dynamodb.table.AttributeDefinition;
import dev.cloudjar.services.dynamodb.table.ConstraintErrors;
import dev.cloudjar.services.dynamodb.table.CreateTableRequest;
import dev.cloudjar.services.dynamodb.table.GsiUpdate;
import dev.cloudjar.services.dynamodb.table.IndexDefinition;
import dev.cloudjar.services.dynamodb.table.StreamSpec;
import dev.cloudjar.services.dynamodb.table.TableDescription;
import dev.cloudjar.services.dynamodb.table.TableNamesPage;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import dev.cloudjar.services.dynamodb.table.TableSchemaValidator;
import dev.cloudjar.services.dynamodb.table.UpdateTableRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Table management: CreateTable, DescribeTable, UpdateTable, DeleteTable, ListTables. */
final class TableOperations {
    private final ServiceContext ctx;
    private final TableCatalog catalog;
    private final StreamRegistry streams;

    TableOperations(ServiceContext ctx, TableCatalog catalog, StreamRegistry streams) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.streams = streams;
    }

    TableDescription create(Scope scope, CreateTableRequest r) {
        TableSchemaValidator.Schema schema = TableSchemaValidator.validateCreate(r);
        long now = ctx.clock().millis();
        StreamSpec stream = r.streamSpecification();
        boolean streamOn = stream != null && Boolean.TRUE.equals(stream.enabled());
        TableRecord record = new TableRecord(TableRecord.FORMAT, scope.account(), scope.region(), r.tableName(),
                ctx.ids().uuid(), now, r.attributeDefinitions(), schema.key(), schema.billingMode(), schema.readCapacity(),
                schema.writeCapacity(), schema.billingMode().equals("PAY_PER_REQUEST") ? now : 0, schema.globalIndexes(),
                schema.localIndexes(), false, null, null, null, false, r.tags(),
                Boolean.TRUE.equals(r.deletionProtectionEnabled()), r.tableClass());
        TableStorage table = catalog.create(scope, record);
        if (streamOn) {
            StreamLog log = streams.create(scope, TableCatalog.tableArn(scope, r.tableName()), r.tableName(), record.tableId(),
                    stream.viewType(), schema.key(), now, ctx.ids().hex(4));
            catalog.update(table, record.toBuilder().stream(true, stream.viewType(), log.descriptor().label()).build());
        }
        // AWS answers CREATING and becomes ACTIVE moments later; here the table is usable at once and
        // DescribeTable (what waiters poll) already says ACTIVE.
        return describe(scope, table, "CREATING");
    }

    TableDescription describe(Scope scope, String name) {
        return describe(scope, catalog.requireNamed(scope, name), "ACTIVE");
    }

    TableDescription describe(Scope scope, TableStorage table, String status) {
        TableRecord d = table.definition();
        Map<String, TableDescription.IndexStats> stats = new LinkedHashMap<>();
        for (IndexDefinition index : d.allIndexes()) {
            TableStorage.IndexStorage s = table.index(index.name());
            stats.put(index.name(), new TableDescription.IndexStats(s == null ? 0 : s.itemCount(), s == null ? 0 : s.sizeBytes()));
        }
        String tableArn = TableCatalog.tableArn(scope, d.name());
        String streamArn = d.streamLabel() == null ? null : tableArn + "/stream/" + d.streamLabel();
        return new TableDescription(d, status, tableArn, table.itemCount(), table.sizeBytes(), stats, streamArn, Set.of(), List.of());
    }

    TableDescription delete(Scope scope, String name) {
        TableStorage table = catalog.requireNamed(scope, name);
        TableRecord d = table.definition();
        if (d.deletionProtection()) {
            throw new AwsException(400, "ValidationException", "Resource cannot be deleted as it is currently protected "
                    + "against deletion. Disable deletion protection first.");
        }
        table.writeLock().lock();
        try {
            TableDescription description = describe(scope, table, "DELETING");
            if (d.streamEnabled() && d.streamLabel() != null) {
                streams.disable(description.latestStreamArn(), ctx.clock().millis());
            }
            catalog.remove(scope, table);
            return description;
        } finally {
            table.writeLock().unlock();
        }
    }

    TableNamesPage list(Scope scope, Integer limit, String exclusiveStartTableName) {
        if (limit != null && (limit < 1 || limit > 100)) {
            new ConstraintErrors().add(limit, "limit", limit < 1 ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to 100").throwIfAny();
        }
        int max = limit == null ? 100 : limit;
        List<String> all = catalog.names(scope);
        List<String> page = new ArrayList<>();
        String last = null;
        for (String name : all) {
            if (exclusiveStartTableName != null && dev.cloudjar.core.Utf8Order.compare(name, exclusiveStartTableName) <= 0) {
                continue;
            }
            if (page.size() == max) {
                last = page.get(page.size() - 1);
                break;
            }
            page.add(name);
        }
        return new TableNamesPage(page, last);
    }

    TableDescription update(Scope scope, UpdateTableRequest r) {
        TableStorage table = catalog.requireNamed(scope, r.tableName());
        if (r.changesNothing()) {
            throw new AwsException(400, "ValidationException", "At least one of ProvisionedThroughput, BillingMode, "
                    + "UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        new ConstraintErrors().oneOf(r.billingMode(), "billingMode", List.of("PROVISIONED", "PAY_PER_REQUEST")).throwIfAny();
        if (r.gsiUpdates() != null) {
            checkGsiUpdateShape(r.gsiUpdates());
        }
        table.writeLock().lock();
        try {
            TableRecord d = table.definition();
            TableRecord.Builder b = d.toBuilder();
            long now = ctx.clock().millis();
            String billing = r.billingMode() == null ? d.billingMode() : r.billingMode();
            if (billing.equals("PAY_PER_REQUEST")) {
                if (r.throughput() != null) {
                    throw invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
                }
                if (!d.payPerRequest()) {
                    b.billingMode(billing).capacity(0, 0).payPerRequestSinceMillis(now);
                    List<IndexDefinition> gsis = new ArrayList<>();
                    d.globalIndexes().forEach(i -> gsis.add(i.withThroughput(0, 0)));
                    b.globalIndexes(gsis);
                }
            } else {
                if (d.payPerRequest() && r.throughput() == null) {
                    throw invalid("ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
                }
                if (r.throughput() != null) {
                    if (r.throughput().readCapacityUnits() == null || r.throughput().writeCapacityUnits() == null) {
                        throw invalid("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
                    }
                    new ConstraintErrors()
                            .atLeast(r.throughput().readCapacityUnits(), 1, "provisionedThroughput.readCapacityUnits")
                            .atLeast(r.throughput().writeCapacityUnits(), 1, "provisionedThroughput.writeCapacityUnits")
                            .throwIfAny();
                    b.capacity(r.throughput().readCapacityUnits(), r.throughput().writeCapacityUnits());
                }
                b.billingMode(billing);
            }
            if (r.deletionProtectionEnabled() != null) {
                b.deletionProtection(r.deletionProtectionEnabled());
            }
            if (r.tableClass() != null) {
                b.tableClass(r.tableClass());
            }
            if (r.gsiUpdates() != null) {
                applyGsiUpdates(table, d, r, b, billing);
            }
            if (r.streamSpecification() != null) {
                applyStream(scope, table, d, r.streamSpecification(), b, now);
            }
            catalog.update(table, b.build());
            // AWS answers UPDATING (and CREATING for a new index) and settles moments later; here the
            // change is complete at once and DescribeTable says ACTIVE.
            Set<String> created = new HashSet<>();
            if (r.gsiUpdates() != null) {
                r.gsiUpdates().stream().filter(u -> u.create() != null).forEach(u -> created.add(u.create().name()));
            }
            boolean capacityChange = r.gsiUpdates() != null || r.billingMode() != null || r.throughput() != null;
            return describe(scope, table, "ACTIVE").withStatus(capacityChange ? "UPDATING" : "ACTIVE", created);
        } finally {
            table.writeLock().unlock();
        }
    }

    private void applyStream(Scope scope, TableStorage table, TableRecord d, StreamSpec spec, TableRecord.Builder b, long now) {
        new ConstraintErrors().oneOf(spec.viewType(), "streamSpecification.streamViewType",
                List.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES")).throwIfAny();
        if (spec.enabled() == null) {
            new ConstraintErrors().notNull(null, "streamSpecification.streamEnabled").throwIfAny();
        }
        String tableArn = TableCatalog.tableArn(scope, d.name());
        if (spec.enabled()) {
            if (spec.viewType() == null) {
                throw invalid("You must specify a StreamViewType when enabling a DynamoDB stream");
            }
            if (d.streamEnabled()) {
                throw new AwsException(400, "ValidationException", "Table already has an enabled stream: TableName: " + d.name());
            }
            StreamLog log = streams.create(scope, tableArn, d.name(), d.tableId(), spec.viewType(), d.key(), now, ctx.ids().hex(4));
            b.stream(true, spec.viewType(), log.descriptor().label());
        } else {
            if (spec.viewType() != null) {
                throw invalid("You cannot modify or specify a StreamViewType when disabling a DynamoDB stream");
            }
            if (!d.streamEnabled()) {
                throw new AwsException(400, "ValidationException", "Table already has stream disabled: TableName: " + d.name());
            }
            streams.disable(tableArn + "/stream/" + d.streamLabel(), now);
            b.stream(false, null, d.streamLabel());
        }
    }

    /** The shape rules of GlobalSecondaryIndexUpdates, checked before any index changes. */
    private static void checkGsiUpdateShape(List<GsiUpdate> updates) {
        if (updates.isEmpty()) {
            throw invalid("List of GlobalSecondaryIndexUpdates is empty");
        }
        Set<String> names = new HashSet<>();
        int onlineChanges = 0;
        for (GsiUpdate u : updates) {
            int actions = (u.create() != null ? 1 : 0) + (u.deleteName() != null ? 1 : 0) + (u.updateName() != null ? 1 : 0);
            if (actions == 0) {
                throw new AwsException(400, "ValidationException", "One of GlobalSecondaryIndexUpdate.Update, "
                        + "GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
            }
            if (actions > 1) {
                throw new AwsException(400, "ValidationException",
                        "Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object");
            }
            String name = u.create() != null ? u.create().name() : u.deleteName() != null ? u.deleteName() : u.updateName();
            if (name != null && !names.add(name)) {
                throw invalid("Only one global secondary index update per index is allowed simultaneously. Index: " + name);
            }
            if (u.updateName() == null) {
                onlineChanges++;
            }
        }
        if (onlineChanges > 1) {
            throw new AwsException(400, "LimitExceededException",
                    "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
        }
    }

    private void applyGsiUpdates(TableStorage table, TableRecord d, UpdateTableRequest r, TableRecord.Builder b, String billing) {
        Map<String, String> types = TableSchemaValidator.typesOf(d.attributeDefinitions());
        if (r.attributeDefinitions() != null) {
            types.putAll(TableSchemaValidator.typesOf(r.attributeDefinitions()));
        }
        List<IndexDefinition> gsis = new ArrayList<>(d.globalIndexes());
        for (GsiUpdate u : r.gsiUpdates()) {
            if (u.create() != null) {
                String name = u.create().name();
                new ConstraintErrors().name(name, "globalSecondaryIndexUpdates.1.member.create.indexName").throwIfAny();
                if (d.index(name) != null) {
                    throw new AwsException(400, "ValidationException", "One or more parameter values were invalid: "
                            + "Attempting to create an index which already exists");
                }
                for (var k : u.create().keySchema()) {
                    if (!types.containsKey(k.name())) {
                        throw invalid("Some index key attributes are not defined in AttributeDefinitions. Keys: ["
                                + k.name() + "], AttributeDefinitions: " + types.keySet());
                    }
                }
                if (gsis.size() >= 20) {
                    throw invalid("GlobalSecondaryIndex count exceeds the per-table limit of 20");
                }
                IndexDefinition index = TableSchemaValidator.globalIndex(u.create(), types, billing);
                table.addIndex(index);
                gsis.add(index);
            } else if (u.deleteName() != null) {
                boolean removed = gsis.removeIf(i -> i.name().equals(u.deleteName()));
                if (!removed) {
                    throw new AwsException(400, "ResourceNotFoundException",
                            "Requested resource not found: Index: " + u.deleteName() + " not found");
                }
                table.removeIndex(u.deleteName());
            } else if (u.updateName() != null) {
                int at = -1;
                for (int i = 0; i < gsis.size(); i++) {
                    if (gsis.get(i).name().equals(u.updateName())) {
                        at = i;
                    }
                }
                if (at < 0) {
                    throw new AwsException(400, "ResourceNotFoundException",
                            "Requested resource not found: Index: " + u.updateName() + " not found");
                }
                if (u.updateThroughput() != null && u.updateThroughput().readCapacityUnits() != null
                        && u.updateThroughput().writeCapacityUnits() != null) {
                    gsis.set(at, gsis.get(at).withThroughput(u.updateThroughput().readCapacityUnits(),
                            u.updateThroughput().writeCapacityUnits()));
                }
            }
        }
        b.globalIndexes(gsis);
        Set<String> used = new HashSet<>(d.key().names());
        gsis.forEach(i -> used.addAll(i.key().names()));
        d.localIndexes().forEach(i -> used.addAll(i.key().names()));
        List<AttributeDefinition> defs = new ArrayList<>();
        types.forEach((name, type) -> {
            if (used.contains(name)) {
                defs.add(new AttributeDefinition(name, type));
            }
        });
        b.attributeDefinitions(defs);
    }

    static String indexArn(String tableArn, String indexName) {
        return tableArn + "/index/" + indexName;
    }

    static Arn parseArn(String arn) {
        return Arn.parseOrNull(arn);
    }

    private static AwsException invalid(String message) {
        return new AwsException(400, "ValidationException", "One or more parameter values were invalid: " + message);
    }
}
