package dev.cloudjar.services.dynamodb.storage;

import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.persistence.StateStore;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.ItemSize;
import dev.cloudjar.services.dynamodb.table.IndexDefinition;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The items of one table and the entries of its secondary indexes, in sorted persistent maps. Items
 * are stored once in {@link ItemCodec}'s binary form; index entries only point at the table key, so
 * a projection is applied when an index is read (the result is the same as AWS's copied projection).
 * Writers hold {@link #writeLock()} so that the item, its index entries and its stream record change
 * together; readers do not lock.
 */
public final class TableStorage {
    private final StateStore store;
    private final String tableId;
    private final PersistentMap<byte[]> items;
    private final Map<String, IndexStorage> indexes = new ConcurrentHashMap<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicLong itemCount = new AtomicLong();
    private final AtomicLong sizeBytes = new AtomicLong();
    private volatile TableRecord definition;

    /** One index's entries and statistics. */
    public static final class IndexStorage {
        final PersistentMap<String> entries;
        final AtomicLong count = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        volatile IndexDefinition definition;

        IndexStorage(PersistentMap<String> entries, IndexDefinition definition) {
            this.entries = entries;
            this.definition = definition;
        }

        public long itemCount() {
            return count.get();
        }

        public long sizeBytes() {
            return bytes.get();
        }

        public IndexDefinition definition() {
            return definition;
        }
    }

    public TableStorage(StateStore store, TableRecord definition) {
        this.store = store;
        this.tableId = definition.tableId();
        this.definition = definition;
        this.items = store.map("dynamodb.items." + tableId, byte[].class);
        for (IndexDefinition index : definition.allIndexes()) {
            indexes.put(index.name(), new IndexStorage(indexMap(index.name()), index));
        }
        recount();
    }

    private PersistentMap<String> indexMap(String indexName) {
        return store.map("dynamodb.index." + tableId + "." + indexName, String.class);
    }

    /** Rebuilds the statistics from the stored items (at start after a restart). */
    private void recount() {
        long count = 0;
        long bytes = 0;
        for (Map.Entry<String, byte[]> e : items.range(null, null)) {
            Map<String, AttributeValue> item = ItemCodec.decode(e.getValue());
            long size = ItemSize.of(item);
            count++;
            bytes += size;
            for (IndexStorage index : indexes.values()) {
                if (StorageKeys.indexKey(index.definition.key(), item, e.getKey()) != null) {
                    index.count.incrementAndGet();
                    index.bytes.addAndGet(size);
                }
            }
        }
        itemCount.set(count);
        sizeBytes.set(bytes);
    }

    public TableRecord definition() {
        return definition;
    }

    public void definition(TableRecord updated) {
        this.definition = updated;
        for (IndexDefinition index : updated.allIndexes()) {
            IndexStorage existing = indexes.get(index.name());
            if (existing != null) {
                existing.definition = index;
            }
        }
    }

    public ReentrantLock writeLock() {
        return writeLock;
    }

    public long itemCount() {
        return itemCount.get();
    }

    public long sizeBytes() {
        return sizeBytes.get();
    }

    public IndexStorage index(String name) {
        return indexes.get(name);
    }

    /** The item at a table key, or null. The returned map must not be modified. */
    public Map<String, AttributeValue> get(String tableKey) {
        byte[] bytes = items.get(tableKey);
        return bytes == null ? null : ItemCodec.decode(bytes);
    }

    /**
     * Replaces (or with {@code next == null} deletes) the item at a table key and maintains the
     * indexes and statistics. The caller holds the write lock and passes the current item.
     */
    public void write(String tableKey, Map<String, AttributeValue> old, Map<String, AttributeValue> next) {
        long oldSize = old == null ? 0 : ItemSize.of(old);
        long newSize = next == null ? 0 : ItemSize.of(next);
        if (next == null) {
            items.remove(tableKey);
            itemCount.decrementAndGet();
        } else {
            items.put(tableKey, ItemCodec.encode(next));
            if (old == null) {
                itemCount.incrementAndGet();
            }
        }
        sizeBytes.addAndGet(newSize - oldSize);
        for (IndexStorage index : indexes.values()) {
            String before = old == null ? null : StorageKeys.indexKey(index.definition.key(), old, tableKey);
            String after = next == null ? null : StorageKeys.indexKey(index.definition.key(), next, tableKey);
            if (before != null && !before.equals(after)) {
                index.entries.remove(before);
            }
            if (after != null && !after.equals(before)) {
                index.entries.put(after, "");
            }
            index.count.addAndGet((after != null ? 1 : 0) - (before != null ? 1 : 0));
            index.bytes.addAndGet((after != null ? newSize : 0) - (before != null ? oldSize : 0));
        }
    }

    /** Adds a global index and fills it from the existing items (UpdateTable Create). Caller holds the lock. */
    public void addIndex(IndexDefinition index) {
        IndexStorage storage = new IndexStorage(indexMap(index.name()), index);
        storage.entries.clear();
        for (Map.Entry<String, byte[]> e : items.range(null, null)) {
            Map<String, AttributeValue> item = ItemCodec.decode(e.getValue());
            String key = StorageKeys.indexKey(index.key(), item, e.getKey());
            if (key != null) {
                storage.entries.put(key, "");
                storage.count.incrementAndGet();
                storage.bytes.addAndGet(ItemSize.of(item));
            }
        }
        indexes.put(index.name(), storage);
    }

    /** Drops a global index (UpdateTable Delete). Caller holds the lock. */
    public void removeIndex(String name) {
        IndexStorage removed = indexes.remove(name);
        if (removed != null) {
            removed.entries.clear();
        }
    }

    /** Deletes every item and index entry (DeleteTable). */
    public void drop() {
        items.clear();
        for (IndexStorage index : indexes.values()) {
            index.entries.clear();
        }
        itemCount.set(0);
        sizeBytes.set(0);
    }

    /** A stored item with its table key, as a scan or query sees it. */
    public record Entry(String tableKey, Map<String, AttributeValue> item) {
    }

    /**
     * Items of the table with {@code from <= tableKey < to} (null = open), ascending or descending.
     */
    public Iterator<Entry> tableRange(String from, String to, boolean ascending) {
        Iterator<Map.Entry<String, byte[]>> raw = (ascending ? items.range(from, to) : items.rangeDescending(from, to)).iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return raw.hasNext();
            }

            @Override
            public Entry next() {
                Map.Entry<String, byte[]> e = raw.next();
                return new Entry(e.getKey(), ItemCodec.decode(e.getValue()));
            }
        };
    }

    /** Index entries in range; each yields the base item (entries whose item vanished are skipped). */
    public Iterator<IndexEntry> indexRange(String indexName, String from, String to, boolean ascending) {
        IndexStorage index = indexes.get(indexName);
        Iterator<Map.Entry<String, String>> raw = (ascending ? index.entries.range(from, to) : index.entries.rangeDescending(from, to)).iterator();
        return new Iterator<>() {
            private IndexEntry next;

            @Override
            public boolean hasNext() {
                while (next == null && raw.hasNext()) {
                    String entryKey = raw.next().getKey();
                    String tableKey = StorageKeys.tableKeyOfIndexEntry(entryKey);
                    Map<String, AttributeValue> item = get(tableKey);
                    if (item != null) {
                        next = new IndexEntry(entryKey, tableKey, item);
                    }
                }
                return next != null;
            }

            @Override
            public IndexEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                IndexEntry result = next;
                next = null;
                return result;
            }
        };
    }

    /** An index entry with the item it points at. */
    public record IndexEntry(String entryKey, String tableKey, Map<String, AttributeValue> item) {
    }
}
