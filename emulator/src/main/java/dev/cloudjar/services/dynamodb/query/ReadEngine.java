package dev.cloudjar.services.dynamodb.query;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.services.dynamodb.item.Capacity;
import dev.cloudjar.services.dynamodb.item.CompiledRequest;
import dev.cloudjar.services.dynamodb.item.ExpressionCompiler;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.ItemSize;
import dev.cloudjar.services.dynamodb.model.KeyOrder;
import dev.cloudjar.services.dynamodb.storage.StorageKeys;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.table.ConstraintErrors;
import dev.cloudjar.services.dynamodb.table.IndexDefinition;
import dev.cloudjar.services.dynamodb.table.KeySchema;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query and Scan paging as DynamoDB does it: items are read in key order from the table or index,
 * {@code Limit} counts items evaluated (before the filter), a page also ends after 1 MB read, and a
 * page that ended early carries {@code LastEvaluatedKey} (table key, plus index key for an index).
 */
public final class ReadEngine {
    public static final long PAGE_BYTES = 1024 * 1024;
    private static final List<String> SELECTS = List.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");

    private ReadEngine() {
    }

    public static ReadResult query(TableStorage table, ReadRequest r) {
        TableRecord d = table.definition();
        IndexDefinition index = r.indexName() == null ? null : d.index(r.indexName());
        if (r.indexName() != null && index == null) {
            throw validation("The table does not have the specified index: " + r.indexName());
        }
        KeySchema key = index == null ? d.key() : index.key();
        CompiledRequest compiled = ExpressionCompiler.compile(ExpressionCompiler.Operation.QUERY, r.expressions(),
                expressionSchema(key));
        if (compiled.filter() != null) {
            for (String name : compiled.filter().attributes()) {
                if (key.isKeyAttribute(name)) {
                    throw validation((r.expressions().filterExpression() != null ? "Filter Expression" : "QueryFilter")
                            + " can only contain non-primary key attributes: Primary key attribute: " + name);
                }
            }
        }
        return read(table, r, compiled, true);
    }

    public static ReadResult scan(TableStorage table, ReadRequest r) {
        CompiledRequest compiled = ExpressionCompiler.compile(ExpressionCompiler.Operation.SCAN, r.expressions());
        return read(table, r, compiled, false);
    }

    private static ReadResult read(TableStorage table, ReadRequest r, CompiledRequest compiled, boolean query) {
        TableRecord d = table.definition();
        ConstraintErrors errors = new ConstraintErrors();
        errors.oneOf(r.select(), "select", SELECTS);
        errors.atLeast(r.limit() == null ? null : (long) r.limit(), 1, "limit");
        errors.oneOf(r.returnConsumedCapacity(), "returnConsumedCapacity", List.of("INDEXES", "TOTAL", "NONE"));
        if (!query) {
            errors.atLeast(r.segment() == null ? null : (long) r.segment(), 0, "segment");
            errors.atLeast(r.totalSegments() == null ? null : (long) r.totalSegments(), 1, "totalSegments");
            if (r.totalSegments() != null && r.totalSegments() > 1000000) {
                errors.add(r.totalSegments(), "totalSegments", "Member must have value less than or equal to 1000000");
            }
        }
        errors.throwIfAny();
        IndexDefinition index = null;
        if (r.indexName() != null) {
            index = d.index(r.indexName());
            if (index == null) {
                throw validation("The table does not have the specified index: " + r.indexName());
            }
            if (index.global() && r.consistentRead()) {
                throw validation("Consistent reads are not supported on global secondary indexes");
            }
        }
        boolean countOnly = checkSelect(r, index, compiled);
        KeySchema keySchema = index == null ? d.key() : index.key();
        boolean ascending = r.scanIndexForward() == null || r.scanIndexForward();
        String from = null;
        String to = null;
        if (query) {
            KeyRange range = KeyRange.of(compiled.keyCondition(), index != null, !keySchema.moreRange().isEmpty());
            from = range.from();
            to = range.to();
        } else {
            ascending = true;
            checkSegments(r);
        }
        if (r.exclusiveStartKey() != null) {
            String start = startKey(d, index, r.exclusiveStartKey());
            if (query && !compiled.keyCondition().matches(r.exclusiveStartKey())) {
                throw validation("The provided starting key is outside query boundaries based on provided conditions");
            }
            if (!query && r.totalSegments() != null
                    && !inSegment(d.key(), r.exclusiveStartKey(), r.segment(), r.totalSegments())) {
                throw validation("The provided Exclusive start key does not map to the provided segment");
            }
            if (ascending) {
                String next = start + StorageKeys.separator();
                from = from == null || next.compareTo(from) > 0 ? next : from;
            } else {
                to = to == null || start.compareTo(to) < 0 ? start : to;
            }
        }
        int limit = r.limit() == null ? Integer.MAX_VALUE : r.limit();
        Iterator<? extends Object> rows = index == null ? table.tableRange(from, to, ascending)
                : table.indexRange(index.name(), from, to, ascending);
        List<Map<String, AttributeValue>> items = countOnly ? null : new ArrayList<>();
        int count = 0;
        int scanned = 0;
        long bytes = 0;
        Map<String, AttributeValue> lastItem = null;
        boolean more = false;
        boolean allAttributes = "ALL_ATTRIBUTES".equals(r.select());
        while (rows.hasNext()) {
            Object row = rows.next();
            Map<String, AttributeValue> item = row instanceof TableStorage.Entry e ? e.item() : ((TableStorage.IndexEntry) row).item();
            if (r.totalSegments() != null && !inSegment(d.key(), item, r.segment(), r.totalSegments())) {
                continue;
            }
            scanned++;
            bytes += ItemSize.of(item);
            lastItem = item;
            Map<String, AttributeValue> visible = index == null || allAttributes ? item : IndexProjection.apply(d, index, item);
            boolean match = compiled.filter() == null || compiled.filter().evaluate(visible);
            if (match) {
                count++;
            }
            if (match && items != null) {
                items.add(compiled.projection() != null ? compiled.projection().apply(visible) : visible);
            }
            if (scanned >= limit || bytes >= PAGE_BYTES) {
                more = true;
                break;
            }
        }
        Map<String, AttributeValue> lastKey = more && lastItem != null ? lastEvaluatedKey(d, index, lastItem) : null;
        return new ReadResult(items, count, scanned, lastKey, Capacity.readIndex(r.returnConsumedCapacity(), d.name(),
                r.indexName(), index != null && index.global(), bytes, r.consistentRead()));
    }

    private static dev.cloudjar.services.dynamodb.expression.KeySchema expressionSchema(KeySchema key) {
        List<String> hashNames = new ArrayList<>();
        List<String> hashTypes = new ArrayList<>();
        List<String> rangeNames = new ArrayList<>();
        List<String> rangeTypes = new ArrayList<>();
        key.hashAttributes().forEach(a -> {
            hashNames.add(a.name());
            hashTypes.add(a.type());
        });
        key.rangeAttributes().forEach(a -> {
            rangeNames.add(a.name());
            rangeTypes.add(a.type());
        });
        return new dev.cloudjar.services.dynamodb.expression.KeySchema(hashNames, hashTypes, rangeNames, rangeTypes);
    }

    private static boolean checkSelect(ReadRequest r, IndexDefinition index, CompiledRequest compiled) {
        String select = r.select();
        boolean projection = r.expressions() != null && r.expressions().hasProjection();
        String projectionName = r.expressions() != null && r.expressions().projectionExpression() != null
                ? "ProjectionExpression" : "AttributesToGet";
        if (select == null) {
            return false;
        }
        switch (select) {
            case "SPECIFIC_ATTRIBUTES":
                if (!projection) {
                    throw validation("Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
                }
                return false;
            case "ALL_PROJECTED_ATTRIBUTES":
                if (index == null) {
                    throw validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
                }
                if (projection) {
                    throw validation("Cannot specify the " + projectionName + " when choosing to get ALL_PROJECTED_ATTRIBUTES");
                }
                return false;
            case "ALL_ATTRIBUTES":
                if (projection) {
                    throw validation("Cannot specify the " + projectionName + " when choosing to get ALL_ATTRIBUTES");
                }
                if (index != null && index.global() && !"ALL".equals(index.projectionType())) {
                    throw validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for "
                            + "global secondary index " + index.name() + " because its projection type is not ALL");
                }
                return false;
            default:
                if (projection) {
                    throw validation("Cannot specify the " + projectionName + " when choosing to get COUNT");
                }
                return true;
        }
    }

    private static void checkSegments(ReadRequest r) {
        if (r.segment() != null && r.totalSegments() == null) {
            throw validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        }
        if (r.totalSegments() != null && r.segment() == null) {
            throw validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        }
        if (r.segment() != null && r.segment() >= r.totalSegments()) {
            throw validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: "
                    + r.segment() + " is not less than TotalSegments: " + r.totalSegments());
        }
    }

    private static boolean inSegment(KeySchema key, Map<String, AttributeValue> item, int segment, int total) {
        int h = KeyOrder.sortableKey(item.get(key.hashName())).hashCode();
        h ^= (h >>> 16);
        return Math.floorMod(h, total) == segment;
    }

    private static String startKey(TableRecord d, IndexDefinition index, Map<String, AttributeValue> esk) {
        KeySchema table = d.key();
        for (String name : table.names()) {
            AttributeValue v = esk.get(name);
            if (v == null || !v.type().equals(table.typeOf(name))) {
                throw validation("The provided starting key is invalid: The provided key element does not match the schema");
            }
        }
        int expected = table.names().size();
        String tableKey = StorageKeys.tableKey(table, esk);
        if (index == null) {
            if (esk.size() != expected) {
                throw validation("The provided starting key is invalid: The provided key element does not match the schema");
            }
            return tableKey;
        }
        for (String name : index.key().names()) {
            if (!table.isKeyAttribute(name)) {
                expected++;
            }
        }
        String entry = StorageKeys.indexKey(index.key(), esk, tableKey);
        if (entry == null || esk.size() != expected) {
            throw validation("The provided starting key is invalid: The provided key element does not match the schema");
        }
        return entry;
    }

    private static Map<String, AttributeValue> lastEvaluatedKey(TableRecord d, IndexDefinition index, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        if (index != null) {
            for (String name : index.key().names()) {
                key.put(name, item.get(name));
            }
        }
        for (String name : d.key().names()) {
            key.put(name, item.get(name));
        }
        return key;
    }

    private static AwsException validation(String message) {
        return new AwsException(400, "ValidationException", message);
    }
}
