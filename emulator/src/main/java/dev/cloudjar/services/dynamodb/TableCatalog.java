package dev.cloudjar.services.dynamodb;

import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.persistence.StateStore;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tables of every scope: their stored definitions and, for each, the {@link TableStorage} that
 * holds its items. Table names resolve per scope; a table ARN is accepted wherever a name is.
 */
public final class TableCatalog {
    private final StateStore store;
    private final PersistentMap<TableRecord> records;
    private final Map<String, TableStorage> tables = new ConcurrentHashMap<>();

    public TableCatalog(StateStore store) {
        this.store = store;
        this.records = store.map("dynamodb.tables", TableRecord.class);
        for (Map.Entry<String, TableRecord> e : records.range(null, null)) {
            tables.put(e.getKey(), new TableStorage(store, e.getValue()));
        }
    }

    static String catalogKey(Scope scope, String name) {
        return KeyRanges.compose(scope.account(), scope.region(), name);
    }

    /** The table's name when {@code nameOrArn} is a table ARN, else the text itself. */
    public static String tableName(String nameOrArn) {
        if (nameOrArn != null && nameOrArn.startsWith("arn:")) {
            Arn arn = Arn.parseOrNull(nameOrArn);
            if (arn != null && arn.resource().startsWith("table/")) {
                String rest = arn.resource().substring("table/".length());
                int slash = rest.indexOf('/');
                return slash < 0 ? rest : rest.substring(0, slash);
            }
        }
        return nameOrArn;
    }

    public static String tableArn(Scope scope, String name) {
        return Arn.of("dynamodb", scope, "table/" + name).toString();
    }

    /** The table, or null. */
    public TableStorage find(Scope scope, String nameOrArn) {
        return nameOrArn == null ? null : tables.get(catalogKey(scope, tableName(nameOrArn)));
    }

    /** The table, or AWS's ResourceNotFoundException ("Requested resource not found"). */
    public TableStorage require(Scope scope, String nameOrArn) {
        TableStorage table = find(scope, nameOrArn);
        if (table == null) {
            throw new AwsException(400, "ResourceNotFoundException", "Requested resource not found");
        }
        return table;
    }

    /** The table, or the not-found message that names it (DescribeTable, DeleteTable, UpdateTable). */
    public TableStorage requireNamed(Scope scope, String nameOrArn) {
        TableStorage table = find(scope, nameOrArn);
        if (table == null) {
            throw new AwsException(400, "ResourceNotFoundException",
                    "Requested resource not found: Table: " + tableName(nameOrArn) + " not found");
        }
        return table;
    }

    /** Registers a new table; fails with ResourceInUseException when the name is taken. */
    public synchronized TableStorage create(Scope scope, TableRecord record) {
        String key = catalogKey(scope, record.name());
        if (tables.containsKey(key)) {
            throw new AwsException(400, "ResourceInUseException", "Table already exists: " + record.name());
        }
        records.put(key, record);
        TableStorage storage = new TableStorage(store, record);
        tables.put(key, storage);
        return storage;
    }

    /** Stores a changed definition of an existing table. */
    public void update(TableStorage table, TableRecord updated) {
        records.put(catalogKey(new Scope(updated.account(), updated.region()), updated.name()), updated);
        table.definition(updated);
    }

    public synchronized void remove(Scope scope, TableStorage table) {
        String key = catalogKey(scope, table.definition().name());
        tables.remove(key);
        records.remove(key);
        table.drop();
    }

    /** Table names of a scope in name order. */
    public List<String> names(Scope scope) {
        String prefix = KeyRanges.compose(scope.account(), scope.region(), "");
        List<String> names = new ArrayList<>();
        for (String key : records.keys(prefix, KeyRanges.prefixEnd(prefix))) {
            names.add(key.substring(prefix.length()));
        }
        return names;
    }

    /** Every table of every scope (for the TTL sweeper). */
    public List<TableStorage> all() {
        return new ArrayList<>(tables.values());
    }

    public synchronized void clear() {
        for (TableStorage table : tables.values()) {
            table.drop();
        }
        tables.clear();
        records.clear();
    }
}
