package dev.cloudjar.services.dynamodb;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.dynamodb.backup.ExportsPage;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.table.ContributorInsightsChange;
import dev.cloudjar.services.dynamodb.table.ContributorInsightsSetting;
import dev.cloudjar.services.dynamodb.table.IndexDefinition;
import dev.cloudjar.services.dynamodb.table.KeySchema;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * UpdateContributorInsights, DescribeContributorInsights and ListContributorInsights: the setting of a
 * table or global secondary index and the CloudWatch rule names AWS creates for it
 * ({@code DynamoDBContributorInsights-PKC|PKT|SKC|SKT-<resource>-<creation millis>}, the sort-key rules
 * only where the key has a sort key, the "accessed" rules only in ACCESSED_AND_THROTTLED_KEYS mode). No
 * CloudWatch report is produced. An update answers ENABLING or DISABLING, as AWS does; the change has
 * settled by the next Describe, as CloudJar's table states settle at once.
 */
final class ContributorInsightsOperations {
    static final String DEFAULT_MODE = "ACCESSED_AND_THROTTLED_KEYS";
    private static final int DEFAULT_PAGE = 100;
    private final ServiceContext ctx;
    private final TableCatalog catalog;
    private final PersistentMap<ContributorInsightsSetting> settings;

    ContributorInsightsOperations(ServiceContext ctx, TableCatalog catalog) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.settings = ctx.store().map("dynamodb.contributor-insights", ContributorInsightsSetting.class);
    }

    /** Applies the action and answers the setting with AWS's transitional status (ENABLING / DISABLING). */
    ContributorInsightsChange update(Scope scope, String tableNameOrArn, String indexName, String action, String mode) {
        TableRecord table = catalog.requireNamed(scope, tableNameOrArn).definition();
        KeySchema key = keyOf(table, indexName);
        boolean enable = "ENABLE".equals(action);
        String effectiveMode = mode == null ? DEFAULT_MODE : mode;
        long now = ctx.clock().millis();
        String resource = indexName == null ? table.name() : indexName;
        ContributorInsightsSetting updated = new ContributorInsightsSetting(ContributorInsightsSetting.FORMAT, table.name(),
                indexName, enable, enable ? effectiveMode : null, enable ? rules(resource, key, effectiveMode, now) : List.of(), now);
        synchronized (this) {
            settings.put(key(scope, table.name(), indexName), updated);
        }
        return new ContributorInsightsChange(updated, enable ? "ENABLING" : "DISABLING");
    }

    ContributorInsightsSetting describe(Scope scope, String tableNameOrArn, String indexName) {
        TableRecord table = catalog.requireNamed(scope, tableNameOrArn).definition();
        keyOf(table, indexName);
        return current(scope, table.name(), indexName);
    }

    /** The table's and its global indexes' settings, or, without a table, every table's that was ever set. */
    ExportsPage<ContributorInsightsSetting> list(Scope scope, String tableNameOrArn, Integer maxResults, String nextToken) {
        int max = maxResults == null || maxResults <= 0 ? DEFAULT_PAGE : maxResults;
        if (tableNameOrArn == null) {
            return ScopedRecords.page(settings, scope, s -> stillExists(scope, s), max, nextToken);
        }
        TableRecord table = catalog.requireNamed(scope, tableNameOrArn).definition();
        List<ContributorInsightsSetting> all = new ArrayList<>();
        all.add(current(scope, table.name(), null));
        for (IndexDefinition index : table.globalIndexes()) {
            all.add(current(scope, table.name(), index.name()));
        }
        int from = 0;
        if (nextToken != null) {
            try {
                from = Math.max(0, Integer.parseInt(nextToken));
            } catch (NumberFormatException e) {
                throw new AwsException(400, "ValidationException", "Invalid NextToken");
            }
        }
        int to = Math.min(all.size(), from + max);
        return new ExportsPage<>(from >= all.size() ? List.of() : all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
    }

    /** Forgets a deleted table's settings (its indexes' too). */
    void dropTable(Scope scope, String tableName) {
        String prefix = key(scope, tableName, null);
        List<String> keys = new ArrayList<>();
        settings.keys(prefix, KeyRanges.prefixEnd(prefix)).forEach(keys::add);
        keys.forEach(settings::remove);
    }

    private ContributorInsightsSetting current(Scope scope, String tableName, String indexName) {
        ContributorInsightsSetting stored = settings.get(key(scope, tableName, indexName));
        return stored != null ? stored
                : new ContributorInsightsSetting(ContributorInsightsSetting.FORMAT, tableName, indexName, false, null, List.of(), 0);
    }

    private boolean stillExists(Scope scope, ContributorInsightsSetting s) {
        TableStorage table = catalog.find(scope, s.tableName());
        if (table == null) {
            return false;
        }
        return s.indexName() == null || globalIndex(table.definition(), s.indexName()) != null;
    }

    /** The key schema the rules follow: the table's, or the named global index's (ResourceNotFound if none). */
    private static KeySchema keyOf(TableRecord table, String indexName) {
        if (indexName == null) {
            return table.key();
        }
        IndexDefinition index = globalIndex(table, indexName);
        if (index == null) {
            throw new AwsException(400, "ResourceNotFoundException", "Requested resource not found: Index: " + indexName
                    + " not found for table: " + table.name());
        }
        return index.key();
    }

    private static IndexDefinition globalIndex(TableRecord table, String indexName) {
        IndexDefinition index = table.index(indexName);
        return index != null && index.global() ? index : null;
    }

    private static List<String> rules(String resource, KeySchema key, String mode, long createdMillis) {
        boolean accessed = DEFAULT_MODE.equals(mode);
        List<String> rules = new ArrayList<>();
        if (accessed) {
            rules.add(rule("PKC", resource, createdMillis));
        }
        rules.add(rule("PKT", resource, createdMillis));
        if (key.hasRange()) {
            if (accessed) {
                rules.add(rule("SKC", resource, createdMillis));
            }
            rules.add(rule("SKT", resource, createdMillis));
        }
        return rules;
    }

    private static String rule(String kind, String resource, long createdMillis) {
        return "DynamoDBContributorInsights-" + kind + "-" + resource + "-" + createdMillis;
    }

    /** Table-level settings sort before their indexes' ({@code name/} then {@code name/index}); names hold no '/'. */
    private static String key(Scope scope, String tableName, String indexName) {
        return KeyRanges.compose(scope.account(), scope.region(), tableName + "/" + (indexName == null ? "" : indexName));
    }
}
