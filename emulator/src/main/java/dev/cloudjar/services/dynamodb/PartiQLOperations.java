package dev.cloudjar.services.dynamodb;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.PageToken;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.DynamoDbStreamAppended;
import dev.cloudjar.services.dynamodb.expression.Condition;
import dev.cloudjar.services.dynamodb.expression.ExpressionContext;
import dev.cloudjar.services.dynamodb.expression.UpdateResult;
import dev.cloudjar.services.dynamodb.expression.partiql.PartiQL;
import dev.cloudjar.services.dynamodb.expression.partiql.PartiQLStatement;
import dev.cloudjar.services.dynamodb.item.CompiledRequest;
import dev.cloudjar.services.dynamodb.item.ExpressionParams;
import dev.cloudjar.services.dynamodb.item.ItemRequest;
import dev.cloudjar.services.dynamodb.item.PartiQLResults;
import dev.cloudjar.services.dynamodb.item.ItemValidation;
import dev.cloudjar.services.dynamodb.item.WriteOptions;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.AttributeValues;
import dev.cloudjar.services.dynamodb.model.ItemSize;
import dev.cloudjar.services.dynamodb.storage.StorageKeys;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.table.IndexDefinition;
import dev.cloudjar.services.dynamodb.table.KeySchema;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import dev.cloudjar.services.dynamodb.transactions.TransactAction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ExecuteStatement, BatchExecuteStatement and ExecuteTransaction over the PartiQL statements the
 * expression package parses: SELECT reads a partition when the WHERE pins the partition key (else
 * scans), INSERT refuses an existing key, UPDATE and DELETE need the whole key and treat the rest of
 * the WHERE as a condition.
 */
final class PartiQLOperations {
    private final TableCatalog catalog;
    private final ChangeRecorder recorder;
    private final TransactionOperations transactions;

    PartiQLOperations(TableCatalog catalog, ChangeRecorder recorder, TransactionOperations transactions) {
        this.catalog = catalog;
        this.recorder = recorder;
        this.transactions = transactions;
    }

    PartiQLResults.StatementPage execute(Scope scope, String statement, List<AttributeValue> parameters, Integer limit, String nextToken,
                            boolean returnOldOnFailure) {
        PartiQLStatement parsed = PartiQL.parse(statement, parameters);
        TableStorage table = catalog.require(scope, parsed.table());
        if (parsed instanceof PartiQLStatement.Select select) {
            return select(table, select, limit, nextToken);
        }
        Map<String, AttributeValue> returned = write(scope, table, parsed, returnOldOnFailure);
        return new PartiQLResults.StatementPage(returned == null ? List.of() : List.of(returned), null);
    }

    List<PartiQLResults.BatchResponse> batch(Scope scope, List<String> statements, List<List<AttributeValue>> parameters) {
        if (statements == null || statements.isEmpty() || statements.size() > 25) {
            throw new AwsException(400, "ValidationException", "1 validation error detected: Value at 'statements' failed to "
                    + "satisfy constraint: Member must have length " + (statements == null || statements.isEmpty()
                    ? "greater than or equal to 1" : "less than or equal to 25"));
        }
        List<PartiQLResults.BatchResponse> out = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            String tableName = null;
            try {
                PartiQLStatement parsed = PartiQL.parse(statements.get(i), parameters.get(i));
                tableName = parsed.table();
                TableStorage table = catalog.require(scope, parsed.table());
                if (parsed instanceof PartiQLStatement.Select select) {
                    Map<String, AttributeValue> key = fullKey(table.definition(), select.keyEqualities());
                    Map<String, AttributeValue> item = table.get(StorageKeys.tableKey(table.definition().key(), key));
                    if (item != null && select.projection() != null) {
                        item = select.projection().apply(item);
                    }
                    out.add(new PartiQLResults.BatchResponse(tableName, item, null, null));
                } else {
                    write(scope, table, parsed, false);
                    out.add(new PartiQLResults.BatchResponse(tableName, null, null, null));
                }
            } catch (AwsException e) {
                String code = switch (e.code()) {
                    case "ConditionalCheckFailedException" -> "ConditionalCheckFailed";
                    case "DuplicateItemException" -> "DuplicateItem";
                    case "ResourceNotFoundException" -> "ResourceNotFound";
                    default -> "ValidationError";
                };
                out.add(new PartiQLResults.BatchResponse(tableName, null, code, e.getMessage()));
            }
        }
        return out;
    }

    /** ExecuteTransaction: all reads or all writes, atomically through the transaction coordinator. */
    List<Map<String, AttributeValue>> transaction(Scope scope, List<String> statements, List<List<AttributeValue>> parameters,
                                                  String clientRequestToken) {
        List<TransactAction> actions = new ArrayList<>();
        boolean reads = false;
        for (int i = 0; i < statements.size(); i++) {
            PartiQLStatement parsed = PartiQL.parse(statements.get(i), parameters.get(i));
            TableStorage table = catalog.require(scope, parsed.table());
            TableRecord d = table.definition();
            ItemRequest request;
            TransactAction action;
            if (parsed instanceof PartiQLStatement.Select select) {
                reads = true;
                request = new ItemRequest(parsed.table(), fullKey(d, select.keyEqualities()), ExpressionParams.NONE, WriteOptions.NONE, true);
                action = new TransactAction("Get", request, new CompiledRequest(null, null, null, select.projection(), null));
            } else if (parsed instanceof PartiQLStatement.Insert insert) {
                request = new ItemRequest(parsed.table(), insert.item(), ExpressionParams.NONE, WriteOptions.NONE, true);
                action = new TransactAction("Put", request, new CompiledRequest(notExists(d.key()), null, null, null, null));
            } else if (parsed instanceof PartiQLStatement.Update update) {
                request = new ItemRequest(parsed.table(), fullKey(d, update.keyEqualities()), ExpressionParams.NONE, WriteOptions.NONE, true);
                action = new TransactAction("Update", request, new CompiledRequest(update.where(), null, update.update(), null, null));
            } else {
                PartiQLStatement.Delete delete = (PartiQLStatement.Delete) parsed;
                request = new ItemRequest(parsed.table(), fullKey(d, delete.keyEqualities()), ExpressionParams.NONE, WriteOptions.NONE, true);
                action = new TransactAction("Delete", request, new CompiledRequest(delete.where(), null, null, null, null));
            }
            actions.add(action);
        }
        if (reads) {
            for (TransactAction a : actions) {
                if (!a.kind().equals("Get")) {
                    throw new AwsException(400, "ValidationException",
                            "Transactions must either contain only reads or only writes");
                }
            }
            return transactions.get(scope, actions, null, new ArrayList<>());
        }
        transactions.write(scope, actions, clientRequestToken, null);
        return null;
    }

    private PartiQLResults.StatementPage select(TableStorage table, PartiQLStatement.Select select, Integer limit, String nextToken) {
        TableRecord d = table.definition();
        IndexDefinition index = null;
        if (select.index() != null) {
            index = d.index(select.index());
            if (index == null) {
                throw new AwsException(400, "ValidationException", "The table does not have the specified index: " + select.index());
            }
        }
        KeySchema key = index == null ? d.key() : index.key();
        String from = null;
        String to = null;
        List<AttributeValue> hash = partition(key, select.keyEqualities());
        if (hash != null) {
            from = StorageKeys.partitionPrefix(hash);
            to = from.substring(0, from.length() - 1) + (char) (StorageKeys.separator() + 1);
        }
        if (select.orderBy() != null && (hash == null || !key.isKeyAttribute(select.orderBy()))) {
            throw new AwsException(400, "ValidationException", hash == null
                    ? "Must have WHERE clause in the statement when using ORDER BY clause."
                    : "Variable reference [" + select.orderBy() + "] must refer to a partition key or sort key attribute");
        }
        boolean ascending = !select.descending();
        String after = nextToken == null ? null : PageToken.decodeOrNull(nextToken);
        if (nextToken != null && after == null) {
            throw new AwsException(400, "ValidationException", "Given NextToken is not valid");
        }
        if (after != null && ascending) {
            from = after + StorageKeys.separator();
        } else if (after != null) {
            to = after;
        }
        Iterator<?> rows = index == null ? table.tableRange(from, to, ascending) : table.indexRange(index.name(), from, to, ascending);
        int max = limit == null ? Integer.MAX_VALUE : limit;
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        long bytes = 0;
        int evaluated = 0;
        String last = null;
        boolean more = false;
        while (rows.hasNext()) {
            Object row = rows.next();
            Map<String, AttributeValue> item;
            if (row instanceof TableStorage.Entry e) {
                item = e.item();
                last = e.tableKey();
            } else {
                TableStorage.IndexEntry e = (TableStorage.IndexEntry) row;
                item = e.item();
                last = e.entryKey();
            }
            evaluated++;
            bytes += ItemSize.of(item);
            if (select.where() == null || select.where().evaluate(item)) {
                items.add(select.projection() == null ? item : select.projection().apply(item));
            }
            if (evaluated >= max || bytes >= dev.cloudjar.services.dynamodb.query.ReadEngine.PAGE_BYTES) {
                more = rows.hasNext();
                break;
            }
        }
        return new PartiQLResults.StatementPage(items, more ? PageToken.encode(last) : null);
    }

    /** Performs an INSERT, UPDATE or DELETE; answers what its RETURNING clause asks for, or null. */
    private Map<String, AttributeValue> write(Scope scope, TableStorage table, PartiQLStatement statement, boolean returnOldOnFailure) {
        TableRecord d = table.definition();
        Map<String, AttributeValue> key;
        Map<String, AttributeValue> item = null;
        if (statement instanceof PartiQLStatement.Insert insert) {
            ItemValidation.checkItem(d, insert.item(), false);
            key = ItemValidation.keyOf(d.key(), insert.item());
            item = insert.item();
        } else if (statement instanceof PartiQLStatement.Update update) {
            key = fullKey(d, update.keyEqualities());
            update.update().checkKeyAttributes(d.key().names());
        } else {
            key = fullKey(d, ((PartiQLStatement.Delete) statement).keyEqualities());
        }
        String tableKey = StorageKeys.tableKey(d.key(), key);
        DynamoDbStreamAppended event;
        Map<String, AttributeValue> returned = null;
        table.writeLock().lock();
        try {
            Map<String, AttributeValue> old = table.get(tableKey);
            Map<String, AttributeValue> next;
            if (statement instanceof PartiQLStatement.Insert) {
                if (old != null) {
                    throw new AwsException(400, "DuplicateItemException", "Duplicate primary key exists in table");
                }
                next = item;
            } else {
                Condition where = statement instanceof PartiQLStatement.Update u ? u.where() : ((PartiQLStatement.Delete) statement).where();
                if (old == null || (where != null && !where.evaluate(old))) {
                    AwsException e = new AwsException(400, "ConditionalCheckFailedException", "The conditional request failed");
                    if (returnOldOnFailure && old != null) {
                        e.with("Item", AttributeValues.itemToJson(old));
                    }
                    throw e;
                }
                if (statement instanceof PartiQLStatement.Update u) {
                    UpdateResult result = ItemOperations.applyUpdate(d, new CompiledRequest(null, null, u.update(), null, null), old, key);
                    next = result.newItem();
                    returned = ItemOperations.returnedForUpdate(u.returning(), result, old);
                } else {
                    next = null;
                    returned = ((PartiQLStatement.Delete) statement).returning() == null ? null : old;
                }
            }
            event = recorder.apply(scope, table, tableKey, old, next, false);
        } finally {
            table.writeLock().unlock();
        }
        recorder.publish(event);
        return returned;
    }

    /** The partition the WHERE clause pins with equalities on every partition key attribute, or null. */
    private static List<AttributeValue> partition(KeySchema key, Map<String, AttributeValue> equalities) {
        List<AttributeValue> values = new ArrayList<>();
        for (KeySchema.KeyAttribute a : key.hashAttributes()) {
            AttributeValue v = equalities == null ? null : equalities.get(a.name());
            if (v == null || !v.type().equals(a.type())) {
                return null;
            }
            values.add(v);
        }
        return values;
    }

    private static Map<String, AttributeValue> fullKey(TableRecord d, Map<String, AttributeValue> equalities) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : d.key().names()) {
            AttributeValue v = equalities == null ? null : equalities.get(name);
            if (v == null) {
                throw new AwsException(400, "ValidationException", "Where clause does not contain a mandatory equality on all key attributes");
            }
            key.put(name, v);
        }
        ItemValidation.checkKey(d.key(), key);
        return key;
    }

    private static Condition notExists(KeySchema key) {
        ExpressionContext context = new ExpressionContext(Map.of("#k", key.hashName()), null);
        return context.condition("attribute_not_exists(#k)");
    }
}
