package dev.cloudjar.services.dynamodb;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.dynamodb.backup.BackupRecord;
import dev.cloudjar.services.dynamodb.backup.BackupsPage;
import dev.cloudjar.services.dynamodb.backup.ExportRecord;
import dev.cloudjar.services.dynamodb.backup.ExportStore;
import dev.cloudjar.services.dynamodb.backup.ExportsPage;
import dev.cloudjar.services.dynamodb.backup.ImportRecord;
import dev.cloudjar.services.dynamodb.backup.ImportSource;
import dev.cloudjar.services.dynamodb.backup.ListBackupsRequest;
import dev.cloudjar.services.dynamodb.backup.PitrStatus;
import dev.cloudjar.services.dynamodb.backup.RestoreOverrides;
import dev.cloudjar.services.dynamodb.backup.RestoredTable;
import dev.cloudjar.services.dynamodb.item.BatchRequests;
import dev.cloudjar.services.dynamodb.item.ConsumedCapacity;
import dev.cloudjar.services.dynamodb.item.ItemRequest;
import dev.cloudjar.services.dynamodb.item.ItemResult;
import dev.cloudjar.services.dynamodb.item.PartiQLResults;
import dev.cloudjar.services.dynamodb.kinesis.DestinationChange;
import dev.cloudjar.services.dynamodb.kinesis.DestinationsView;
import dev.cloudjar.services.dynamodb.kinesis.KinesisDataStreams;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.query.ReadEngine;
import dev.cloudjar.services.dynamodb.query.ReadRequest;
import dev.cloudjar.services.dynamodb.query.ReadResult;
import dev.cloudjar.services.dynamodb.streams.DynamoDbStreamsBackend;
import dev.cloudjar.services.dynamodb.streams.StreamRegistry;
import dev.cloudjar.services.dynamodb.table.CreateTableRequest;
import dev.cloudjar.services.dynamodb.table.ResourcePolicy;
import dev.cloudjar.services.dynamodb.table.TableDescription;
import dev.cloudjar.services.dynamodb.table.TableNamesPage;
import dev.cloudjar.services.dynamodb.table.TagsPage;
import dev.cloudjar.services.dynamodb.table.ContributorInsightsSetting;
import dev.cloudjar.services.dynamodb.table.ContributorInsightsChange;
import dev.cloudjar.services.dynamodb.table.GlobalTableDescription;
import dev.cloudjar.services.dynamodb.table.GlobalTableRecord;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import dev.cloudjar.services.dynamodb.table.ReplicaUpdate;
import dev.cloudjar.services.dynamodb.table.TimeToLive;
import dev.cloudjar.services.dynamodb.table.UpdateTableRequest;
import dev.cloudjar.services.dynamodb.transactions.TransactAction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB: tables, items, queries and scans, batches, transactions, TTL and tags, with every item
 * change recorded in the table's stream (read through {@link #streamsBackend()}) and, once a Kinesis
 * streaming destination is enabled, put into that Kinesis data stream. State lives in the
 * store: table definitions, items (binary), index entries and stream records, so a data directory
 * brings everything back after a restart.
 *
 * <p>LIMITATIONS: tables and indexes are ACTIVE at once (no CREATING/UPDATING phases, no backfill
 * delay); capacity is reported but never enforced (no throttling); global tables of both versions replicate
 * asynchronously within one CloudJar (regions of one account), without aws:rep attributes, on-demand
 * replicas only (no auto scaling), and UpdateGlobalTableSettings and the replica auto scaling operations are
 * not implemented; contributor insights settings and rule names are kept, but no CloudWatch report is made;
 * a Kinesis destination's ENABLING, UPDATING and DISABLING phases end
 * within the request (Describe shows ACTIVE, DISABLED or ENABLE_FAILED at once) and its records'
 * partition key is the MD5 of the item's key (AWS does not document its choice); exports are FULL_EXPORT in DYNAMODB_JSON only (no ION,
 * no incremental exports) and imports read DYNAMODB_JSON or CSV, uncompressed or GZIP (no ION, no
 * ZSTD), both completing within the request; backups and restores complete
 * within the request (never CREATING, so BackupInUseException and TableInUseException do not occur),
 * a backup copies the items in full, AWS Backup and SYSTEM backups are not made, and a deleted table
 * leaves no restorable history; point-in-time restores use the source's current definition; resource
 * policies are stored and returned, never enforced; ItemCollectionMetrics' size range is a fixed estimate; TTL sweeps scan every TTL table
 * every second instead of keeping an expiry index; Scan segments split by a hash of the partition key.
 */
public final class DynamoDbBackend implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbBackend.class);

    private final ServiceContext ctx;
    private final TableCatalog catalog;
    private final StreamRegistry streams;
    private final TableOperations tables;
    private final ItemOperations items;
    private final BatchOperations batches;
    private final TransactionOperations transactions;
    private final TimeToLiveOperations ttl;
    private final TagOperations tags;
    private final PartiQLOperations partiql;
    private final BackupOperations backups;
    private final PointInTimeRecovery pitr;
    private final ResourcePolicies policies;
    private final ContributorInsightsOperations insights;
    private final GlobalTables globalTables;
    private final ReplicaOperations replicas;
    private final ExportOperations exports;
    private final ImportOperations imports;
    private final KinesisStreamingDestinations kinesis;
    private volatile ExportStore exportStore = ExportStore.NONE;
    private final DynamoDbStreamsBackend streamsBackend;
    private final ScheduledExecutorService sweeper;

    public DynamoDbBackend(ServiceContext ctx) {
        this.ctx = ctx;
        this.catalog = new TableCatalog(ctx.store());
        this.streams = new StreamRegistry(ctx.store());
        this.tables = new TableOperations(ctx, catalog, streams);
        TableRestorer restorer = new TableRestorer(ctx, catalog, tables);
        this.pitr = new PointInTimeRecovery(ctx, catalog, restorer);
        this.backups = new BackupOperations(ctx, catalog, restorer);
        this.policies = new ResourcePolicies(ctx, catalog);
        this.insights = new ContributorInsightsOperations(ctx, catalog);
        this.exports = new ExportOperations(ctx, catalog, pitr, () -> exportStore);
        this.imports = new ImportOperations(ctx, catalog, tables, () -> exportStore);
        this.kinesis = new KinesisStreamingDestinations(ctx, catalog);
        ChangeRecorder recorder = new ChangeRecorder(ctx, streams, pitr, kinesis);
        this.globalTables = new GlobalTables(ctx, catalog, recorder);
        this.replicas = new ReplicaOperations(catalog, tables, restorer, globalTables, this::deleteTable);
        this.items = new ItemOperations(catalog, recorder);
        this.batches = new BatchOperations(catalog, recorder);
        this.transactions = new TransactionOperations(catalog, recorder, ctx.clock());
        this.ttl = new TimeToLiveOperations(catalog, recorder, ctx.clock());
        this.tags = new TagOperations(catalog);
        this.partiql = new PartiQLOperations(catalog, recorder, transactions);
        this.streamsBackend = new DynamoDbStreamsBackend(streams, ctx.clock());
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cloudjar-dynamodb-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /** The Streams backend reading this backend's table streams. */
    public DynamoDbStreamsBackend streamsBackend() {
        return streamsBackend;
    }

    // ---- tables

    public TableDescription createTable(Scope scope, CreateTableRequest request) {
        return tables.create(scope, request);
    }

    public TableDescription describeTable(Scope scope, String tableName) {
        return withReplicas(scope, tables.describe(scope, tableName));
    }

    public TableDescription updateTable(Scope scope, UpdateTableRequest request) {
        return updateTable(scope, request, List.of());
    }

    /**
     * UpdateTable with its ReplicaUpdates (global tables version 2019.11.21): the other changes first,
     * then the replicas, after which the table answers UPDATING.
     */
    public TableDescription updateTable(Scope scope, UpdateTableRequest request, List<ReplicaUpdate> replicaUpdates) {
        TableDescription updated = null;
        if (replicaUpdates.isEmpty() || !request.changesNothing()) {
            replicas.checkStreamChange(scope, request.tableName(), request.streamSpecification());
            updated = withReplicas(scope, tables.update(scope, request));
        }
        if (replicaUpdates.isEmpty()) {
            return updated;
        }
        replicas.apply(scope, request.tableName(), replicaUpdates);
        TableDescription t = tables.describe(scope, request.tableName());
        return withReplicas(scope, t.withStatus("UPDATING", t.creatingIndexes()));
    }

    private TableDescription withReplicas(Scope scope, TableDescription t) {
        return t.withReplicas(globalTables.otherReplicaRegions(scope, t.definition().name()));
    }

    public TableDescription deleteTable(Scope scope, String tableName) {
        TableDescription deleted = tables.delete(scope, tableName);
        pitr.dropTable(deleted.definition().tableId());
        kinesis.dropTable(deleted.definition().tableId());
        policies.dropTable(scope, deleted.tableArn());
        insights.dropTable(scope, deleted.definition().name());
        globalTables.removeReplica(scope, deleted.definition().name(), scope.region());
        return deleted;
    }

    public TableNamesPage listTables(Scope scope, Integer limit, String exclusiveStartTableName) {
        return tables.list(scope, limit, exclusiveStartTableName);
    }

    public TimeToLive updateTimeToLive(Scope scope, String tableName, Boolean enabled, String attributeName) {
        return ttl.update(scope, tableName, enabled, attributeName);
    }

    public TimeToLive describeTimeToLive(Scope scope, String tableName) {
        return ttl.describe(scope, tableName);
    }

    public void tagResource(Scope scope, String resourceArn, Map<String, String> newTags) {
        tags.tag(scope, resourceArn, newTags);
    }

    public void untagResource(Scope scope, String resourceArn, List<String> keys) {
        tags.untag(scope, resourceArn, keys);
    }

    public TagsPage listTagsOfResource(Scope scope, String resourceArn, String nextToken) {
        return tags.list(scope, resourceArn, nextToken);
    }

    // ---- backups, point-in-time recovery, resource policies

    public BackupRecord createBackup(Scope scope, String tableName, String backupName) {
        return backups.create(scope, tableName, backupName);
    }

    public BackupRecord describeBackup(Scope scope, String backupArn) {
        return backups.describe(scope, backupArn);
    }

    public BackupRecord deleteBackup(Scope scope, String backupArn) {
        return backups.delete(scope, backupArn);
    }

    public BackupsPage listBackups(Scope scope, ListBackupsRequest request) {
        return backups.list(scope, request);
    }

    public RestoredTable restoreTableFromBackup(Scope scope, String backupArn, String targetTableName, RestoreOverrides overrides) {
        return backups.restore(scope, backupArn, targetTableName, overrides);
    }

    public PitrStatus updateContinuousBackups(Scope scope, String tableName, Boolean enabled, Integer recoveryPeriodInDays) {
        return pitr.update(scope, tableName, enabled, recoveryPeriodInDays);
    }

    public PitrStatus describeContinuousBackups(Scope scope, String tableName) {
        return pitr.describe(scope, tableName);
    }

    /** RestoreTableToPointInTime; {@code restoreMillis} is null when {@code useLatest} asks for the latest restorable time. */
    public RestoredTable restoreTableToPointInTime(Scope scope, String sourceTable, String targetTableName, boolean useLatest,
                                                   Long restoreMillis, RestoreOverrides overrides) {
        return pitr.restore(scope, sourceTable, targetTableName, useLatest, restoreMillis, overrides);
    }

    /** PutResourcePolicy; returns the revision id. */
    public String putResourcePolicy(Scope scope, String resourceArn, String policy, String expectedRevisionId) {
        return policies.put(scope, resourceArn, policy, expectedRevisionId);
    }

    public ResourcePolicy getResourcePolicy(Scope scope, String resourceArn) {
        return policies.get(scope, resourceArn);
    }

    /** DeleteResourcePolicy; returns the revision id the deleted policy had. */
    public String deleteResourcePolicy(Scope scope, String resourceArn, String expectedRevisionId) {
        return policies.delete(scope, resourceArn, expectedRevisionId);
    }

    // ---- contributor insights

    /** UpdateContributorInsights; the answer carries AWS's transitional status (ENABLING / DISABLING). */
    public ContributorInsightsChange updateContributorInsights(Scope scope, String tableName, String indexName, String action,
                                                                String mode) {
        return insights.update(scope, tableName, indexName, action, mode);
    }

    public ContributorInsightsSetting describeContributorInsights(Scope scope, String tableName, String indexName) {
        return insights.describe(scope, tableName, indexName);
    }

    public ExportsPage<ContributorInsightsSetting> listContributorInsights(Scope scope, String tableName, Integer maxResults,
                                                                           String nextToken) {
        return insights.list(scope, tableName, maxResults, nextToken);
    }

    // ---- global tables (version 2017.11.29)

    /** CreateGlobalTable; AWS answers CREATING while it sets up replication, which here runs at once. */
    public GlobalTableDescription createGlobalTable(Scope scope, String name, List<String> regions) {
        return globalTables.described(scope, globalTables.create(scope, name, regions), "CREATING");
    }

    public GlobalTableDescription describeGlobalTable(Scope scope, String name) {
        return globalTables.described(scope, globalTables.describe(scope, name), "ACTIVE");
    }

    /** Up to {@code limit + 1} global tables after {@code exclusiveStart}: one more than a page says another follows. */
    public List<GlobalTableRecord> listGlobalTables(Scope scope, String region, String exclusiveStart, int limit) {
        return globalTables.list(scope, region, exclusiveStart, limit);
    }

    public GlobalTableDescription updateGlobalTable(Scope scope, String name, List<String> creates, List<String> deletes) {
        return globalTables.described(scope, globalTables.update(scope, name, creates, deletes), "UPDATING");
    }

    /** Each replica region's table definition (null where that table was deleted since it joined). */
    public Map<String, TableRecord> globalTableReplicas(Scope scope, GlobalTableRecord record) {
        return globalTables.replicas(scope, record);
    }

    // ---- exports and imports (through the ExportStore that integration/ wires to S3)

    public void useExportStore(ExportStore store) {
        this.exportStore = store;
    }

    /** ExportTableToPointInTime; {@code exportMillis} null exports the table as it is now. */
    public ExportRecord exportTableToPointInTime(Scope scope, String tableArn, Long exportMillis, String clientToken, String bucket,
                                                 String bucketOwner, String prefix, String sseAlgorithm, String format, String type) {
        return exports.export(scope, tableArn, exportMillis, clientToken, bucket, bucketOwner, prefix, sseAlgorithm, format, type);
    }

    public ExportRecord describeExport(Scope scope, String exportArn) {
        return exports.describe(scope, exportArn);
    }

    public ExportsPage<ExportRecord> listExports(Scope scope, String tableArn, Integer maxResults, String nextToken) {
        return exports.list(scope, tableArn, maxResults, nextToken);
    }

    /** ImportTable; {@code createJson} is the TableCreationParameters' JSON text, which DescribeImport echoes. */
    public ImportRecord importTable(Scope scope, String clientToken, ImportSource source, CreateTableRequest create, String createJson) {
        return imports.importTable(scope, clientToken, source, create, createJson);
    }

    public ImportRecord describeImport(Scope scope, String importArn) {
        return imports.describe(scope, importArn);
    }

    public ExportsPage<ImportRecord> listImports(Scope scope, String tableArn, Integer pageSize, String nextToken) {
        return imports.list(scope, tableArn, pageSize, nextToken);
    }

    // ---- Kinesis streaming destinations (through the KinesisDataStreams port that integration/ wires)

    public void useKinesisDataStreams(KinesisDataStreams streams) {
        kinesis.use(streams);
    }

    /** EnableKinesisStreamingDestination; {@code precision} is the ApproximateCreationDateTimePrecision asked for, or null. */
    public DestinationChange enableKinesisStreamingDestination(Scope scope, String tableName, String streamArn, String precision) {
        return kinesis.enable(scope, tableName, streamArn, precision);
    }

    public DestinationsView describeKinesisStreamingDestination(Scope scope, String tableName) {
        return kinesis.describe(scope, tableName);
    }

    public DestinationChange updateKinesisStreamingDestination(Scope scope, String tableName, String streamArn, String precision) {
        return kinesis.update(scope, tableName, streamArn, precision);
    }

    /** DisableKinesisStreamingDestination; {@code withEnableConfiguration} when the request carried EnableKinesisStreamingConfiguration. */
    public DestinationChange disableKinesisStreamingDestination(Scope scope, String tableName, String streamArn,
                                                                boolean withEnableConfiguration) {
        return kinesis.disable(scope, tableName, streamArn, withEnableConfiguration);
    }

    // ---- items

    public ItemResult getItem(Scope scope, ItemRequest request) {
        return items.get(scope, request);
    }

    public ItemResult putItem(Scope scope, ItemRequest request) {
        return items.put(scope, request);
    }

    public ItemResult updateItem(Scope scope, ItemRequest request) {
        return items.update(scope, request);
    }

    public ItemResult deleteItem(Scope scope, ItemRequest request) {
        return items.delete(scope, request);
    }

    public ReadResult query(Scope scope, ReadRequest request) {
        return ReadEngine.query(catalog.require(scope, request.tableName()), request);
    }

    public ReadResult scan(Scope scope, ReadRequest request) {
        return ReadEngine.scan(catalog.require(scope, request.tableName()), request);
    }

    public BatchRequests.GetResult batchGetItem(Scope scope, Map<String, BatchRequests.TableKeys> requestItems, String returnConsumedCapacity) {
        return batches.get(scope, requestItems, returnConsumedCapacity);
    }

    public BatchRequests.WriteResult batchWriteItem(Scope scope, Map<String, List<BatchRequests.WriteRequest>> requestItems,
                                                    String returnConsumedCapacity, String returnItemCollectionMetrics) {
        return batches.write(scope, requestItems, returnConsumedCapacity, returnItemCollectionMetrics);
    }

    /** TransactWriteItems; returns the consumed capacity (null unless asked for). */
    public List<ConsumedCapacity> transactWriteItems(Scope scope, List<TransactAction> actions, String clientRequestToken,
                                                     String returnConsumedCapacity) {
        return transactions.write(scope, actions, clientRequestToken, returnConsumedCapacity);
    }

    /** TransactGetItems; items in request order (null where absent); capacity is added to {@code capacityOut}. */
    public List<Map<String, AttributeValue>> transactGetItems(Scope scope, List<TransactAction> actions, String returnConsumedCapacity,
                                                              List<ConsumedCapacity> capacityOut) {
        return transactions.get(scope, actions, returnConsumedCapacity, capacityOut);
    }

    // ---- PartiQL

    public PartiQLResults.StatementPage executeStatement(Scope scope, String statement, List<AttributeValue> parameters,
                                                         Integer limit, String nextToken, boolean returnOldOnFailure) {
        return partiql.execute(scope, statement, parameters, limit, nextToken, returnOldOnFailure);
    }

    public List<PartiQLResults.BatchResponse> batchExecuteStatement(Scope scope, List<String> statements,
                                                                   List<List<AttributeValue>> parameters) {
        return partiql.batch(scope, statements, parameters);
    }

    /** ExecuteTransaction; returns the items of a read transaction, or null for a write transaction. */
    public List<Map<String, AttributeValue>> executeTransaction(Scope scope, List<String> statements,
                                                                List<List<AttributeValue>> parameters, String clientRequestToken) {
        if (statements == null || statements.isEmpty() || statements.size() > 100) {
            throw new dev.cloudjar.core.AwsException(400, "ValidationException", "1 validation error detected: Value at "
                    + "'transactStatements' failed to satisfy constraint: Member must have length "
                    + (statements == null || statements.isEmpty() ? "greater than or equal to 1" : "less than or equal to 100"));
        }
        return partiql.transaction(scope, statements, parameters, clientRequestToken);
    }

    // ---- housekeeping

    /** Runs the TTL sweep and stream retention now (the sweeper does it every second). */
    public void sweepNow() {
        ttl.sweep();
        streams.trim(ctx.clock().millis());
        pitr.trim();
    }

    private void sweepQuietly() {
        try {
            sweepNow();
        } catch (RuntimeException e) {
            LOG.warn("DynamoDB TTL/stream retention sweep failed", e);
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        globalTables.close();
    }
}
