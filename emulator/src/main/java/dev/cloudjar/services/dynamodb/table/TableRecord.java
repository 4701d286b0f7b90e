package dev.cloudjar.services.dynamodb.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table's definition as stored: everything DescribeTable shows except the live item statistics.
 * Immutable; changes produce a copy through the {@code with...} methods. {@code version} is the
 * stored format's version.
 */
public record TableRecord(int version, String account, String region, String name, String tableId, long createdMillis,
                          List<AttributeDefinition> attributeDefinitions, KeySchema key, String billingMode,
                          long readCapacity, long writeCapacity, long payPerRequestSinceMillis,
                          List<IndexDefinition> globalIndexes, List<IndexDefinition> localIndexes,
                          boolean streamEnabled, String streamViewType, String streamLabel,
                          String ttlAttribute, boolean ttlEnabled, Map<String, String> tags,
                          boolean deletionProtection, String tableClass) {

    public static final int FORMAT = 1;

    public TableRecord {
        attributeDefinitions = List.copyOf(attributeDefinitions);
        globalIndexes = globalIndexes == null ? List.of() : List.copyOf(globalIndexes);
        localIndexes = localIndexes == null ? List.of() : List.copyOf(localIndexes);
        tags = tags == null ? new LinkedHashMap<>() : new LinkedHashMap<>(tags);
    }

    public boolean payPerRequest() {
        return "PAY_PER_REQUEST".equals(billingMode);
    }

    /** The index with this name (global or local), or null. */
    public IndexDefinition index(String indexName) {
        for (IndexDefinition index : globalIndexes) {
            if (index.name().equals(indexName)) {
                return index;
            }
        }
        for (IndexDefinition index : localIndexes) {
            if (index.name().equals(indexName)) {
                return index;
            }
        }
        return null;
    }

    public List<IndexDefinition> allIndexes() {
        List<IndexDefinition> all = new ArrayList<>(globalIndexes);
        all.addAll(localIndexes);
        return all;
    }

    /**
     * This definition as a new table (a restore): another scope, name, id and creation time, with the
     * settings a restore does not carry over (stream, TTL, tags, deletion protection) reset.
     */
    public TableRecord restoredAs(String newAccount, String newRegion, String newName, String newTableId, long newCreatedMillis) {
        return new TableRecord(FORMAT, newAccount, newRegion, newName, newTableId, newCreatedMillis, attributeDefinitions, key,
                billingMode, readCapacity, writeCapacity, payPerRequest() ? newCreatedMillis : 0, globalIndexes, localIndexes,
                false, null, null, null, false, null, false, tableClass);
    }

    /** The same definition with other secondary indexes and attribute definitions (restore overrides). */
    public TableRecord withIndexes(List<AttributeDefinition> definitions, List<IndexDefinition> global, List<IndexDefinition> local) {
        return new TableRecord(FORMAT, account, region, name, tableId, createdMillis, definitions, key, billingMode, readCapacity,
                writeCapacity, payPerRequestSinceMillis, global, local, streamEnabled, streamViewType, streamLabel, ttlAttribute,
                ttlEnabled, tags, deletionProtection, tableClass);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copies a record with some members changed (records have no withers). */
    public static final class Builder {
        private final TableRecord r;
        private List<AttributeDefinition> attributeDefinitions;
        private String billingMode;
        private long readCapacity;
        private long writeCapacity;
        private long payPerRequestSinceMillis;
        private List<IndexDefinition> globalIndexes;
        private boolean streamEnabled;
        private String streamViewType;
        private String streamLabel;
        private String ttlAttribute;
        private boolean ttlEnabled;
        private Map<String, String> tags;
        private boolean deletionProtection;
        private String tableClass;

        private Builder(TableRecord r) {
            this.r = r;
            attributeDefinitions = r.attributeDefinitions;
            billingMode = r.billingMode;
            readCapacity = r.readCapacity;
            writeCapacity = r.writeCapacity;
            payPerRequestSinceMillis = r.payPerRequestSinceMillis;
            globalIndexes = r.globalIndexes;
            streamEnabled = r.streamEnabled;
            streamViewType = r.streamViewType;
            streamLabel = r.streamLabel;
            ttlAttribute = r.ttlAttribute;
            ttlEnabled = r.ttlEnabled;
            tags = r.tags;
            deletionProtection = r.deletionProtection;
            tableClass = r.tableClass;
        }

        public Builder attributeDefinitions(List<AttributeDefinition> v) { attributeDefinitions = v; return this; }
        public Builder billingMode(String v) { billingMode = v; return this; }
        public Builder capacity(long read, long write) { readCapacity = read; writeCapacity = write; return this; }
        public Builder payPerRequestSinceMillis(long v) { payPerRequestSinceMillis = v; return this; }
        public Builder globalIndexes(List<IndexDefinition> v) { globalIndexes = v; return this; }
        public Builder stream(boolean enabled, String viewType, String label) {
            streamEnabled = enabled;
            streamViewType = viewType;
            streamLabel = label;
            return this;
        }
        public Builder ttl(String attribute, boolean enabled) { ttlAttribute = attribute; ttlEnabled = enabled; return this; }
        public Builder tags(Map<String, String> v) { tags = v; return this; }
        public Builder deletionProtection(boolean v) { deletionProtection = v; return this; }
        public Builder tableClass(String v) { tableClass = v; return this; }

        public TableRecord build() {
            return new TableRecord(FORMAT, r.account, r.region, r.name, r.tableId, r.createdMillis, attributeDefinitions,
                    r.key, billingMode, readCapacity, writeCapacity, payPerRequestSinceMillis, globalIndexes,
                    r.localIndexes, streamEnabled, streamViewType, streamLabel, ttlAttribute, ttlEnabled, tags,
                    deletionProtection, tableClass);
        }
    }
}
