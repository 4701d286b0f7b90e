package dev.cloudjar.services.dynamodb;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.DynamoDbStreamAppended;
import dev.cloudjar.services.dynamodb.item.BatchRequests;
import dev.cloudjar.services.dynamodb.item.Capacity;
import dev.cloudjar.services.dynamodb.item.CompiledRequest;
import dev.cloudjar.services.dynamodb.item.ConsumedCapacity;
import dev.cloudjar.services.dynamodb.item.ExpressionCompiler;
import dev.cloudjar.services.dynamodb.item.ExpressionParams;
import dev.cloudjar.services.dynamodb.item.ItemValidation;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.ItemSize;
import dev.cloudjar.services.dynamodb.storage.StorageKeys;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** BatchGetItem (100 keys, 16 MB) and BatchWriteItem (25 puts or deletes), validated before any work. */
final class BatchOperations {
    static final int MAX_GET_KEYS = 100;
    static final int MAX_WRITES = 25;
    static final long MAX_GET_BYTES = 16L * 1024 * 1024;
    private final TableCatalog catalog;
    private final ChangeRecorder recorder;

    BatchOperations(TableCatalog catalog, ChangeRecorder recorder) {
        this.catalog = catalog;
        this.recorder = recorder;
    }

    BatchRequests.GetResult get(Scope scope, Map<String, BatchRequests.TableKeys> requestItems, String returnConsumedCapacity) {
        if (requestItems == null || requestItems.isEmpty()) {
            throw new AwsException(400, "ValidationException", "The requestItems parameter is required for BatchGetItem");
        }
        int total = 0;
        for (Map.Entry<String, BatchRequests.TableKeys> e : requestItems.entrySet()) {
            int n = e.getValue().keys() == null ? 0 : e.getValue().keys().size();
            if (n > MAX_GET_KEYS) {
                throw new AwsException(400, "ValidationException", "1 validation error detected: Value at 'requestItems."
                        + e.getKey() + ".member.keys' failed to satisfy constraint: Member must have length less than or equal to 100");
            }
            if (n == 0) {
                throw new AwsException(400, "ValidationException", "1 validation error detected: Value at 'requestItems."
                        + e.getKey() + ".member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1");
            }
            total += n;
        }
        if (total > MAX_GET_KEYS) {
            throw new AwsException(400, "ValidationException", "Too many items requested for the BatchGetItem call");
        }
        Map<String, CompiledRequest> compiled = new LinkedHashMap<>();
        Map<String, TableStorage> tables = new LinkedHashMap<>();
        for (Map.Entry<String, BatchRequests.TableKeys> e : requestItems.entrySet()) {
            TableStorage table = catalog.require(scope, e.getKey());
            tables.put(e.getKey(), table);
            compiled.put(e.getKey(), ExpressionCompiler.compile(ExpressionCompiler.Operation.BATCH_GET,
                    e.getValue().expressions() == null ? ExpressionParams.NONE : e.getValue().expressions()));
            Set<String> seen = new HashSet<>();
            for (Map<String, AttributeValue> key : e.getValue().keys()) {
                ItemValidation.checkKey(table.definition().key(), key);
                if (!seen.add(StorageKeys.tableKey(table.definition().key(), key))) {
                    throw new AwsException(400, "ValidationException", "Provided list of item keys contains duplicates");
                }
            }
        }
        Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
        Map<String, BatchRequests.TableKeys> unprocessed = new LinkedHashMap<>();
        List<ConsumedCapacity> capacity = new ArrayList<>();
        long bytes = 0;
        for (Map.Entry<String, BatchRequests.TableKeys> e : requestItems.entrySet()) {
            TableStorage table = tables.get(e.getKey());
            TableRecord d = table.definition();
            CompiledRequest c = compiled.get(e.getKey());
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            List<Map<String, AttributeValue>> left = new ArrayList<>();
            double units = 0;
            for (Map<String, AttributeValue> key : e.getValue().keys()) {
                if (bytes >= MAX_GET_BYTES) {
                    left.add(key);
                    continue;
                }
                Map<String, AttributeValue> item = table.get(StorageKeys.tableKey(d.key(), key));
                long size = item == null ? 0 : ItemSize.of(item);
                bytes += size;
                units += Capacity.readUnits(size, e.getValue().consistentRead());
                if (item != null) {
                    found.add(c.projection() != null ? c.projection().apply(item) : item);
                }
            }
            responses.put(e.getKey(), found);
            if (!left.isEmpty()) {
                unprocessed.put(e.getKey(), new BatchRequests.TableKeys(left, e.getValue().consistentRead(), e.getValue().expressions()));
            }
            if (Capacity.wanted(returnConsumedCapacity)) {
                capacity.add(new ConsumedCapacity(d.name(), units, units, null, null, "INDEXES".equals(returnConsumedCapacity), units, null));
            }
        }
        return new BatchRequests.GetResult(responses, unprocessed, Capacity.wanted(returnConsumedCapacity) ? capacity : null);
    }

    BatchRequests.WriteResult write(Scope scope, Map<String, List<BatchRequests.WriteRequest>> requestItems,
                                    String returnConsumedCapacity, String returnItemCollectionMetrics) {
        if (requestItems == null || requestItems.isEmpty()) {
            throw new AwsException(400, "ValidationException", "The requestItems parameter is required for BatchWriteItem");
        }
        int total = 0;
        for (Map.Entry<String, List<BatchRequests.WriteRequest>> e : requestItems.entrySet()) {
            int n = e.getValue() == null ? 0 : e.getValue().size();
            if (n == 0 || n > MAX_WRITES) {
                throw new AwsException(400, "ValidationException", "1 validation error detected: Value at 'requestItems' failed "
                        + "to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal "
                        + "to 25, Member must have length greater than or equal to 1]");
            }
            total += n;
        }
        if (total > MAX_WRITES) {
            throw new AwsException(400, "ValidationException", "Too many items requested for the BatchWriteItem call");
        }
        Map<String, TableStorage> tables = new LinkedHashMap<>();
        for (Map.Entry<String, List<BatchRequests.WriteRequest>> e : requestItems.entrySet()) {
            TableStorage table = catalog.require(scope, e.getKey());
            tables.put(e.getKey(), table);
            TableRecord d = table.definition();
            Set<String> seen = new HashSet<>();
            for (BatchRequests.WriteRequest w : e.getValue()) {
                if ((w.putItem() == null) == (w.deleteKey() == null)) {
                    throw new AwsException(400, "ValidationException", "Supplied AttributeValue has more than one datatypes set, "
                            + "must contain exactly one of the supported datatypes");
                }
                Map<String, AttributeValue> keySource;
                if (w.putItem() != null) {
                    ItemValidation.checkItem(d, w.putItem(), false);
                    keySource = w.putItem();
                } else {
                    ItemValidation.checkKey(d.key(), w.deleteKey());
                    keySource = w.deleteKey();
                }
                if (!seen.add(StorageKeys.tableKey(d.key(), keySource))) {
                    throw new AwsException(400, "ValidationException", "Provided list of item keys contains duplicates");
                }
            }
        }
        List<ConsumedCapacity> capacity = new ArrayList<>();
        Map<String, List<Map<String, AttributeValue>>> collections = new LinkedHashMap<>();
        for (Map.Entry<String, List<BatchRequests.WriteRequest>> e : requestItems.entrySet()) {
            TableStorage table = tables.get(e.getKey());
            TableRecord d = table.definition();
            double units = 0;
            for (BatchRequests.WriteRequest w : e.getValue()) {
                Map<String, AttributeValue> keySource = w.putItem() != null ? w.putItem() : w.deleteKey();
                String tableKey = StorageKeys.tableKey(d.key(), keySource);
                DynamoDbStreamAppended event;
                Map<String, AttributeValue> old;
                table.writeLock().lock();
                try {
                    old = table.get(tableKey);
                    event = w.putItem() == null && old == null ? null : recorder.apply(scope, table, tableKey, old, w.putItem(), false);
                } finally {
                    table.writeLock().unlock();
                }
                recorder.publish(event);
                units += Capacity.writeUnits(Math.max(old == null ? 0 : ItemSize.of(old), w.putItem() == null ? 0 : ItemSize.of(w.putItem())));
                if ("SIZE".equals(returnItemCollectionMetrics) && !d.localIndexes().isEmpty()) {
                    Map<String, AttributeValue> k = new LinkedHashMap<>();
                    k.put(d.key().hashName(), keySource.get(d.key().hashName()));
                    collections.computeIfAbsent(d.name(), n -> new ArrayList<>()).add(k);
                }
            }
            if (Capacity.wanted(returnConsumedCapacity)) {
                capacity.add(new ConsumedCapacity(d.name(), units, units, null, null, "INDEXES".equals(returnConsumedCapacity), null, units));
            }
        }
        return new BatchRequests.WriteResult(Capacity.wanted(returnConsumedCapacity) ? capacity : null, collections);
    }
}
