package dev.cloudjar.services.dynamodb;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.DynamoDbStreamAppended;
import dev.cloudjar.services.dynamodb.item.Capacity;
import dev.cloudjar.services.dynamodb.item.CompiledRequest;
import dev.cloudjar.services.dynamodb.item.ConsumedCapacity;
import dev.cloudjar.services.dynamodb.item.ExpressionCompiler;
import dev.cloudjar.services.dynamodb.item.ItemRequest;
import dev.cloudjar.services.dynamodb.item.ItemValidation;
import dev.cloudjar.services.dynamodb.item.WriteOptions;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.ItemSize;
import dev.cloudjar.services.dynamodb.storage.StorageKeys;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.table.IndexDefinition;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import dev.cloudjar.services.dynamodb.transactions.CancellationReason;
import dev.cloudjar.services.dynamodb.transactions.IdempotencyCache;
import dev.cloudjar.services.dynamodb.transactions.TransactAction;
import dev.cloudjar.services.dynamodb.transactions.TransactionCanceled;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * TransactWriteItems and TransactGetItems: all actions succeed or none does, across tables. The
 * tables involved are locked in a fixed order (by table id), every condition is evaluated against
 * the current items, and only if all pass are the changes applied; otherwise the cancellation reasons
 * come back in request order.
 */
final class TransactionOperations {
    static final int MAX_ACTIONS = 100;
    /** The aggregate size of the items in one TransactWriteItems. */
    static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;
    private final TableCatalog catalog;
    private final ChangeRecorder recorder;
    private final IdempotencyCache<List<ConsumedCapacity>> tokens;

    TransactionOperations(TableCatalog catalog, ChangeRecorder recorder, Clock clock) {
        this.catalog = catalog;
        this.recorder = recorder;
        this.tokens = new IdempotencyCache<>(clock);
    }

    private record Prepared(TransactAction action, TableStorage table, CompiledRequest compiled, String tableKey) {
    }

    List<ConsumedCapacity> write(Scope scope, List<TransactAction> actions, String clientRequestToken, String returnConsumedCapacity) {
        checkCount(actions, "transactItems");
        if (clientRequestToken != null && (clientRequestToken.isEmpty() || clientRequestToken.length() > 36)) {
            throw new AwsException(400, "ValidationException", "1 validation error detected: Value '" + clientRequestToken
                    + "' at 'clientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36");
        }
        String fingerprint = scope + actions.toString();
        List<ConsumedCapacity> earlier = tokens.lookup(clientRequestToken, fingerprint);
        if (earlier != null) {
            return earlier;
        }
        List<Prepared> prepared = prepare(scope, actions, true);
        Map<String, TableStorage> locks = lockOrder(prepared);
        List<DynamoDbStreamAppended> events = new ArrayList<>();
        Map<String, WriteTally> tallies = new LinkedHashMap<>();
        locks.values().forEach(t -> t.writeLock().lock());
        try {
            List<CancellationReason> reasons = new ArrayList<>();
            List<Map<String, AttributeValue>> olds = new ArrayList<>();
            List<Map<String, AttributeValue>> nexts = new ArrayList<>();
            boolean failed = false;
            for (Prepared p : prepared) {
                Map<String, AttributeValue> old = p.table().get(p.tableKey());
                olds.add(old);
                ItemRequest r = p.action().request();
                WriteOptions o = r.options() == null ? WriteOptions.NONE : r.options();
                if (p.compiled().condition() != null && !p.compiled().condition().evaluate(old)) {
                    failed = true;
                    reasons.add(new CancellationReason("ConditionalCheckFailed", "The conditional request failed",
                            "ALL_OLD".equals(o.returnValuesOnConditionCheckFailure()) ? old : null));
                    nexts.add(old);
                    continue;
                }
                try {
                    nexts.add(nextItem(p, old));
                    reasons.add(CancellationReason.NONE);
                } catch (AwsException e) {
                    if (!"ValidationException".equals(e.code())) {
                        throw e;
                    }
                    failed = true;
                    reasons.add(new CancellationReason("ValidationError", e.getMessage(), null));
                    nexts.add(old);
                }
            }
            if (failed) {
                throw new TransactionCanceled(reasons);
            }
            for (int i = 0; i < prepared.size(); i++) {
                Prepared p = prepared.get(i);
                WriteTally tally = tallies.computeIfAbsent(p.table().definition().name(), k -> new WriteTally());
                if (p.action().kind().equals("ConditionCheck")) {
                    // A check writes nothing but is charged, doubled, on the item it read.
                    tally.table += 2 * Capacity.writeUnits(olds.get(i) == null ? 0 : ItemSize.of(olds.get(i)));
                    continue;
                }
                Map<String, AttributeValue> old = olds.get(i);
                Map<String, AttributeValue> next = nexts.get(i);
                if (old != null || next != null) {
                    DynamoDbStreamAppended event = recorder.apply(scope, p.table(), p.tableKey(), old, next, false);
                    if (event != null) {
                        events.add(event);
                    }
                }
                long size = Math.max(old == null ? 0 : ItemSize.of(old), next == null ? 0 : ItemSize.of(next));
                // The transactional factor doubles the table's units only; each index costs what the same
                // write costs outside a transaction.
                tally.table += 2 * Capacity.writeUnits(size);
                TableRecord d = p.table().definition();
                for (IndexDefinition index : d.allIndexes()) {
                    double u = Capacity.indexWriteUnits(d, index, old, next);
                    if (u > 0) {
                        (index.global() ? tally.gsi : tally.lsi).merge(index.name(), u, Double::sum);
                    }
                }
            }
        } finally {
            locks.values().forEach(t -> t.writeLock().unlock());
        }
        events.forEach(recorder::publish);
        List<ConsumedCapacity> capacity = writeCapacity(returnConsumedCapacity, tallies);
        tokens.remember(clientRequestToken, fingerprint, capacity == null ? List.of() : capacity);
        return capacity;
    }

    /** TransactGetItems: the items (null where absent), read under the tables' locks for one consistent view. */
    List<Map<String, AttributeValue>> get(Scope scope, List<TransactAction> actions, String returnConsumedCapacity,
                                          List<ConsumedCapacity> capacityOut) {
        checkCount(actions, "transactItems");
        List<Prepared> prepared = prepare(scope, actions, false);
        Map<String, TableStorage> locks = lockOrder(prepared);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, Double> units = new LinkedHashMap<>();
        locks.values().forEach(t -> t.writeLock().lock());
        try {
            for (Prepared p : prepared) {
                Map<String, AttributeValue> item = p.table().get(p.tableKey());
                units.merge(p.table().definition().name(), 2 * Capacity.readUnits(item == null ? 0 : ItemSize.of(item), true), Double::sum);
                items.add(item == null ? null : p.compiled().projection() != null ? p.compiled().projection().apply(item) : item);
            }
        } finally {
            locks.values().forEach(t -> t.writeLock().unlock());
        }
        List<ConsumedCapacity> capacity = capacity(returnConsumedCapacity, units, true);
        if (capacity != null) {
            capacityOut.addAll(capacity);
        }
        return items;
    }

    private static void checkCount(List<TransactAction> actions, String member) {
        if (actions == null || actions.isEmpty()) {
            throw new AwsException(400, "ValidationException", "1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        if (actions.size() > MAX_ACTIONS) {
            throw new AwsException(400, "ValidationException", "1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + MAX_ACTIONS);
        }
    }

    private List<Prepared> prepare(Scope scope, List<TransactAction> actions, boolean write) {
        List<Prepared> prepared = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<CancellationReason> itemErrors = new ArrayList<>();
        boolean anyItemError = false;
        long totalBytes = 0;
        for (TransactAction a : actions) {
            ItemRequest r = a.request();
            TableStorage table = catalog.require(scope, r.tableName());
            TableRecord d = table.definition();
            ExpressionCompiler.Operation op = switch (a.kind()) {
                case "Put" -> ExpressionCompiler.Operation.PUT;
                case "Update" -> ExpressionCompiler.Operation.UPDATE;
                case "Delete" -> ExpressionCompiler.Operation.DELETE;
                case "ConditionCheck" -> ExpressionCompiler.Operation.CONDITION_CHECK;
                default -> ExpressionCompiler.Operation.GET;
            };
            CompiledRequest compiled = a.compiled() != null ? a.compiled() : ExpressionCompiler.compile(op, r.expressions());
            try {
                if (a.kind().equals("Put")) {
                    ItemValidation.checkItem(d, r.itemOrKey(), false);
                } else {
                    ItemValidation.checkKey(d.key(), r.itemOrKey());
                }
            } catch (AwsException e) {
                if (!write || !perItem(e)) {
                    throw e;
                }
                itemErrors.add(new CancellationReason("ValidationError", e.getMessage(), null));
                anyItemError = true;
                continue;
            }
            itemErrors.add(CancellationReason.NONE);
            totalBytes += ItemSize.of(r.itemOrKey());
            if (a.kind().equals("Update")) {
                ItemOperations.checkKeyNotUpdated(d, compiled);
            }
            if (a.kind().equals("ConditionCheck") && compiled.condition() == null) {
                throw new AwsException(400, "ValidationException", "1 validation error detected: Value null at "
                        + "'transactItems.member.conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null");
            }
            String tableKey = StorageKeys.tableKey(d.key(), r.itemOrKey());
            if (!seen.add(d.tableId() + '\u0000' + tableKey)) {
                throw new AwsException(400, "ValidationException", "Transaction request cannot include multiple operations on one item");
            }
            prepared.add(new Prepared(a, table, compiled, tableKey));
        }
        if (anyItemError) {
            throw new TransactionCanceled(itemErrors);
        }
        if (write && totalBytes > MAX_TRANSACTION_BYTES) {
            throw new AwsException(400, "ValidationException", "Transaction item size has exceeded the 4 MB limit");
        }
        return prepared;
    }

    /**
     * The validation errors DynamoDB reports per action, as a ValidationError cancellation reason, rather
     * than for the whole request: an item or key of the wrong type or shape and an oversized item.
     * Empty and oversized key values stay request-level ValidationExceptions, as on AWS.
     */
    private static boolean perItem(AwsException e) {
        String m = e.getMessage();
        return "ValidationException".equals(e.code()) && m != null
                && (m.equals(ItemValidation.schemaMismatch().getMessage()) || m.equals(ItemSize.TOO_LARGE)
                || m.startsWith("One or more parameter values were invalid: Type mismatch for key")
                || m.startsWith("One or more parameter values were invalid: Missing the key"));
    }

    private static Map<String, AttributeValue> nextItem(Prepared p, Map<String, AttributeValue> old) {
        ItemRequest r = p.action().request();
        return switch (p.action().kind()) {
            case "Put" -> r.itemOrKey();
            case "Delete" -> null;
            case "Update" -> ItemOperations.applyUpdate(p.table().definition(), p.compiled(), old, r.itemOrKey()).newItem();
            default -> old;
        };
    }

    private static Map<String, TableStorage> lockOrder(List<Prepared> prepared) {
        Map<String, TableStorage> tables = new TreeMap<>(Comparator.naturalOrder());
        for (Prepared p : prepared) {
            tables.put(p.table().definition().tableId(), p.table());
        }
        return tables;
    }

    /** One table's write units in a transaction: the table's and each touched index's. */
    private static final class WriteTally {
        double table;
        final Map<String, Double> gsi = new LinkedHashMap<>();
        final Map<String, Double> lsi = new LinkedHashMap<>();
    }

    private static List<ConsumedCapacity> writeCapacity(String mode, Map<String, WriteTally> tallies) {
        if (!Capacity.wanted(mode)) {
            return null;
        }
        List<ConsumedCapacity> out = new ArrayList<>();
        tallies.forEach((table, t) -> {
            double total = t.table + t.gsi.values().stream().mapToDouble(Double::doubleValue).sum()
                    + t.lsi.values().stream().mapToDouble(Double::doubleValue).sum();
            out.add(new ConsumedCapacity(table, total, t.table, t.gsi.isEmpty() ? null : t.gsi, t.lsi.isEmpty() ? null : t.lsi,
                    "INDEXES".equals(mode), null, total));
        });
        return out;
    }

    private static List<ConsumedCapacity> capacity(String mode, Map<String, Double> units, boolean read) {
        if (!Capacity.wanted(mode)) {
            return null;
        }
        List<ConsumedCapacity> out = new ArrayList<>();
        units.forEach((table, u) -> out.add(new ConsumedCapacity(table, u, u, null, null, "INDEXES".equals(mode),
                read ? u : null, read ? null : u)));
        return out;
    }
}
