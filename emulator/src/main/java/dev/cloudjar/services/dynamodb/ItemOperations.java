package dev.cloudjar.services.dynamodb;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.DynamoDbStreamAppended;
import dev.cloudjar.services.dynamodb.expression.UpdateAction;
import dev.cloudjar.services.dynamodb.expression.UpdateResult;
import dev.cloudjar.services.dynamodb.item.Capacity;
import dev.cloudjar.services.dynamodb.item.CompiledRequest;
import dev.cloudjar.services.dynamodb.item.ExpressionCompiler;
import dev.cloudjar.services.dynamodb.item.ItemRequest;
import dev.cloudjar.services.dynamodb.item.ItemResult;
import dev.cloudjar.services.dynamodb.item.ItemValidation;
import dev.cloudjar.services.dynamodb.item.WriteOptions;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.AttributeValues;
import dev.cloudjar.services.dynamodb.storage.StorageKeys;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.table.ConstraintErrors;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GetItem, PutItem, UpdateItem and DeleteItem. */
final class ItemOperations {
    static final List<String> RETURN_VALUES = List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
    private final TableCatalog catalog;
    private final ChangeRecorder recorder;

    ItemOperations(TableCatalog catalog, ChangeRecorder recorder) {
        this.catalog = catalog;
        this.recorder = recorder;
    }

    ItemResult get(Scope scope, ItemRequest r) {
        TableStorage table = catalog.require(scope, r.tableName());
        TableRecord d = table.definition();
        CompiledRequest compiled = ExpressionCompiler.compile(ExpressionCompiler.Operation.GET, r.expressions());
        ItemValidation.checkKey(d.key(), r.itemOrKey());
        Map<String, AttributeValue> item = table.get(StorageKeys.tableKey(d.key(), r.itemOrKey()));
        String mode = r.options() == null ? null : r.options().returnConsumedCapacity();
        long size = item == null || !Capacity.wanted(mode) ? 0 : dev.cloudjar.services.dynamodb.model.ItemSize.of(item);
        if (item != null && compiled.projection() != null) {
            item = compiled.projection().apply(item);
        }
        return new ItemResult(item, Capacity.read(mode, d.name(), size, r.consistentRead()), null);
    }

    ItemResult put(Scope scope, ItemRequest r) {
        TableStorage table = catalog.require(scope, r.tableName());
        WriteOptions o = options(r, List.of("NONE", "ALL_OLD"));
        CompiledRequest compiled = ExpressionCompiler.compile(ExpressionCompiler.Operation.PUT, r.expressions());
        Map<String, AttributeValue> item = r.itemOrKey();
        TableRecord d = table.definition();
        ItemValidation.checkItem(d, item, false);
        String tableKey = StorageKeys.tableKey(d.key(), item);
        Map<String, AttributeValue> old;
        DynamoDbStreamAppended event;
        table.writeLock().lock();
        try {
            old = table.get(tableKey);
            checkCondition(compiled, old, o);
            event = recorder.apply(scope, table, tableKey, old, item, false);
        } finally {
            table.writeLock().unlock();
        }
        recorder.publish(event);
        Map<String, AttributeValue> returned = "ALL_OLD".equals(o.returnValues()) ? old : null;
        return new ItemResult(returned, Capacity.write(o.returnConsumedCapacity(), d, old, item), collectionKey(d, o, item));
    }

    ItemResult delete(Scope scope, ItemRequest r) {
        TableStorage table = catalog.require(scope, r.tableName());
        WriteOptions o = options(r, List.of("NONE", "ALL_OLD"));
        CompiledRequest compiled = ExpressionCompiler.compile(ExpressionCompiler.Operation.DELETE, r.expressions());
        TableRecord d = table.definition();
        ItemValidation.checkKey(d.key(), r.itemOrKey());
        String tableKey = StorageKeys.tableKey(d.key(), r.itemOrKey());
        Map<String, AttributeValue> old;
        DynamoDbStreamAppended event;
        table.writeLock().lock();
        try {
            old = table.get(tableKey);
            checkCondition(compiled, old, o);
            event = old == null ? null : recorder.apply(scope, table, tableKey, old, null, false);
        } finally {
            table.writeLock().unlock();
        }
        recorder.publish(event);
        Map<String, AttributeValue> returned = "ALL_OLD".equals(o.returnValues()) ? old : null;
        return new ItemResult(returned, Capacity.write(o.returnConsumedCapacity(), d, old, null), collectionKey(d, o, r.itemOrKey()));
    }

    ItemResult update(Scope scope, ItemRequest r) {
        TableStorage table = catalog.require(scope, r.tableName());
        WriteOptions o = options(r, RETURN_VALUES);
        CompiledRequest compiled = ExpressionCompiler.compile(ExpressionCompiler.Operation.UPDATE, r.expressions());
        TableRecord d = table.definition();
        ItemValidation.checkKey(d.key(), r.itemOrKey());
        checkKeyNotUpdated(d, compiled);
        String tableKey = StorageKeys.tableKey(d.key(), r.itemOrKey());
        Map<String, AttributeValue> old;
        UpdateResult result;
        DynamoDbStreamAppended event;
        table.writeLock().lock();
        try {
            old = table.get(tableKey);
            checkCondition(compiled, old, o);
            if (old == null && onlyRemoves(compiled)) {
                // DynamoDB does not create an item that REMOVE/DELETE actions alone would leave as a bare key
                return new ItemResult(null, Capacity.write(o.returnConsumedCapacity(), d, null, r.itemOrKey()), null);
            }
            result = applyUpdate(d, compiled, old, r.itemOrKey());
            event = recorder.apply(scope, table, tableKey, old, result.newItem(), false);
        } finally {
            table.writeLock().unlock();
        }
        recorder.publish(event);
        return new ItemResult(returnedForUpdate(o.returnValues(), result, old),
                Capacity.write(o.returnConsumedCapacity(), d, old, result.newItem()), collectionKey(d, o, result.newItem()));
    }

    /** The item an update produces from the stored one (or from the key when absent), validated. */
    static UpdateResult applyUpdate(TableRecord d, CompiledRequest compiled, Map<String, AttributeValue> old,
                                    Map<String, AttributeValue> key) {
        if (compiled.update() == null) {
            Map<String, AttributeValue> next = old != null ? old : new LinkedHashMap<>(key);
            ItemValidation.checkItem(d, next, true);
            return new UpdateResult(next, List.of());
        }
        UpdateResult result = compiled.update().apply(old);
        Map<String, AttributeValue> next = result.newItem();
        if (old == null) {
            Map<String, AttributeValue> withKey = new LinkedHashMap<>(key);
            withKey.putAll(next);
            next = withKey;
        }
        ItemValidation.checkItem(d, next, true);
        return new UpdateResult(next, result.updatedPaths());
    }

    private static boolean onlyRemoves(CompiledRequest compiled) {
        return compiled.update() != null && compiled.update().actions().stream()
                .allMatch(a -> a instanceof UpdateAction.Remove || a instanceof UpdateAction.Delete);
    }

    static void checkKeyNotUpdated(TableRecord d, CompiledRequest compiled) {
        if (compiled.update() != null) {
            compiled.update().checkKeyAttributes(d.key().names());
        }
    }

    static Map<String, AttributeValue> returnedForUpdate(String mode, UpdateResult result, Map<String, AttributeValue> old) {
        if (mode == null || mode.equals("NONE")) {
            return null;
        }
        Map<String, AttributeValue> out = switch (mode) {
            case "ALL_OLD" -> old;
            case "ALL_NEW" -> result.newItem();
            case "UPDATED_OLD" -> old == null ? null : result.updatedOld(old);
            default -> result.updatedNew();
        };
        return out == null || out.isEmpty() ? null : out;
    }

    /** Evaluates the request's condition against the stored item; a failure is AWS's ConditionalCheckFailedException. */
    static void checkCondition(CompiledRequest compiled, Map<String, AttributeValue> old, WriteOptions o) {
        if (compiled.condition() != null && !compiled.condition().evaluate(old)) {
            AwsException e = new AwsException(400, "ConditionalCheckFailedException", "The conditional request failed");
            if ("ALL_OLD".equals(o.returnValuesOnConditionCheckFailure()) && old != null) {
                e.with("Item", AttributeValues.itemToJson(old));
            }
            throw e;
        }
    }

    static WriteOptions options(ItemRequest r, List<String> allowedReturnValues) {
        WriteOptions o = r.options() == null ? WriteOptions.NONE : r.options();
        ConstraintErrors errors = new ConstraintErrors();
        errors.oneOf(o.returnValues(), "returnValues", RETURN_VALUES);
        errors.oneOf(o.returnConsumedCapacity(), "returnConsumedCapacity", List.of("INDEXES", "TOTAL", "NONE"));
        errors.oneOf(o.returnItemCollectionMetrics(), "returnItemCollectionMetrics", List.of("SIZE", "NONE"));
        errors.oneOf(o.returnValuesOnConditionCheckFailure(), "returnValuesOnConditionCheckFailure", List.of("ALL_OLD", "NONE"));
        errors.throwIfAny();
        if (o.returnValues() != null && !allowedReturnValues.contains(o.returnValues())) {
            throw new AwsException(400, "ValidationException", "Return values set to invalid value");
        }
        return o;
    }

    /** ItemCollectionMetrics apply to tables with local secondary indexes, when asked for. */
    static Map<String, AttributeValue> collectionKey(TableRecord d, WriteOptions o, Map<String, AttributeValue> item) {
        if (!"SIZE".equals(o.returnItemCollectionMetrics()) || d.localIndexes().isEmpty() || item == null) {
            return null;
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(d.key().hashName(), item.get(d.key().hashName()));
        return key;
    }
}
