package dev.cloudjar.services.dynamodb.storage;

import dev.cloudjar.core.Utf8Order;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.persistence.StateStore;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.ItemSize;
import dev.cloudjar.services.dynamodb.table.IndexDefinition;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The items of one table and the entries of its secondary indexes. Items are kept in sorted
 * in-memory maps in {@link ItemCodec}'s binary form, and written through to the store's persistent
 * maps when the store is durable (reloaded at start); with an in-memory store the maps here are the
 * only copy, which halves memory and write cost. Index entries only point at the table key, so
 * a projection is applied when an index is read (the result is the same as AWS's copied projection).
 * Writers hold {@link #writeLock()} so that the item, its index entries and its stream record change
 * together; readers do not lock.
 */
public final class TableStorage {
    private final String tableId;
    /** Durable copy of the items (null when the store is in memory: then {@link #memory} is the only copy). */
    private final PersistentMap<byte[]> items;
    /** Every item by sorted table key: all reads are served from here. */
    private final ConcurrentSkipListMap<String, byte[]> memory = new ConcurrentSkipListMap<>();
    private final Map<String, IndexStorage> indexes = new ConcurrentHashMap<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicLong itemCount = new AtomicLong();
    private final AtomicLong sizeBytes = new AtomicLong();
    private volatile TableRecord definition;

    /** One index's entries and statistics. */
    public static final class IndexStorage {
        final ConcurrentSkipListSet<String> memory = new ConcurrentSkipListSet<>();
        final AtomicLong count = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        volatile IndexDefinition definition;

        IndexStorage(IndexDefinition definition) {
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
        this.tableId = definition.tableId();
        this.definition = definition;
        this.items = store.durable() ? store.map("dynamodb.items." + tableId, byte[].class) : null;
        for (IndexDefinition index : definition.allIndexes()) {
            indexes.put(index.name(), new IndexStorage(index));
        }
        recount();
    }


    /**
     * Loads the stored items into memory and rebuilds the index entries and statistics from them
     * (after a restart). Index entries are derived data, so they are never written to the store.
     */
    private void recount() {
        if (items == null) {
            return;
        }
        long count = 0;
        long bytes = 0;
        for (Map.Entry<String, byte[]> e : items.range(null, null)) {
            memory.put(Utf8Order.sortable(e.getKey()), e.getValue());
            Map<String, AttributeValue> item = ItemCodec.decode(e.getValue());
            long size = ItemSize.of(item);
            count++;
            bytes += size;
            for (IndexStorage index : indexes.values()) {
                String entry = StorageKeys.indexKey(index.definition.key(), item, e.getKey());
                if (entry != null) {
                    index.memory.add(Utf8Order.sortable(entry));
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
        byte[] bytes = memory.get(Utf8Order.sortable(tableKey));
        return bytes == null ? null : ItemCodec.decode(bytes);
    }

    /**
     * Replaces (or with {@code next == null} deletes) the item at a table key and maintains the
     * indexes and statistics. The caller holds the write lock and passes the current item.
     */
    public void write(String tableKey, Map<String, AttributeValue> old, Map<String, AttributeValue> next) {
        long oldSize = old == null ? 0 : ItemSize.of(old);
        long newSize = next == null ? 0 : ItemSize.of(next);
        String sorted = Utf8Order.sortable(tableKey);
        if (next == null) {
            memory.remove(sorted);
            if (items != null) {
                items.remove(tableKey);
            }
            itemCount.decrementAndGet();
        } else {
            byte[] encoded = ItemCodec.encode(next);
            memory.put(sorted, encoded);
            if (items != null) {
                items.put(tableKey, encoded);
            }
            if (old == null) {
                itemCount.incrementAndGet();
            }
        }
        sizeBytes.addAndGet(newSize - oldSize);
        for (IndexStorage index : indexes.values()) {
            String before = old == null ? null : StorageKeys.indexKey(index.definition.key(), old, tableKey);
            String after = next == null ? null : StorageKeys.indexKey(index.definition.key(), next, tableKey);
            if (before != null && !before.equals(after)) {
                index.memory.remove(Utf8Order.sortable(before));
            }
            if (after != null && !after.equals(before)) {
                index.memory.add(Utf8Order.sortable(after));
            }
            index.count.addAndGet((after != null ? 1 : 0) - (before != null ? 1 : 0));
            index.bytes.addAndGet((after != null ? newSize : 0) - (before != null ? oldSize : 0));
        }
    }

    /** Adds a global index and fills it from the existing items (UpdateTable Create). Caller holds the lock. */
    public void addIndex(IndexDefinition index) {
        IndexStorage storage = new IndexStorage(index);
        for (Map.Entry<String, byte[]> e : memory.entrySet()) {
            Map<String, AttributeValue> item = ItemCodec.decode(e.getValue());
            String key = StorageKeys.indexKey(index.key(), item, Utf8Order.unsortable(e.getKey()));
            if (key != null) {
                storage.memory.add(Utf8Order.sortable(key));
                storage.count.incrementAndGet();
                storage.bytes.addAndGet(ItemSize.of(item));
            }
        }
        indexes.put(index.name(), storage);
    }

    /** Drops a global index (UpdateTable Delete). Caller holds the lock. */
    public void removeIndex(String name) {
        indexes.remove(name);
    }

    /** Deletes every item and index entry (DeleteTable). */
    public void drop() {
        memory.clear();
        if (items != null) {
            items.clear();
        }
        for (IndexStorage index : indexes.values()) {
            index.memory.clear();
        }
        itemCount.set(0);
        sizeBytes.set(0);
    }

    /** A stored item with its table key, as a scan or query sees it. */
    public record Entry(String tableKey, Map<String, AttributeValue> item) {
    }

    /** Every item in its stored (ItemCodec) form by table key, in key order: backups copy these bytes as they are. */
    public Iterator<Map.Entry<String, byte[]>> encodedItems() {
        Iterator<Map.Entry<String, byte[]>> raw = memory.entrySet().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return raw.hasNext();
            }

            @Override
            public Map.Entry<String, byte[]> next() {
                Map.Entry<String, byte[]> e = raw.next();
                return Map.entry(Utf8Order.unsortable(e.getKey()), e.getValue());
            }
        };
    }

    /** The stored (ItemCodec) form of the item at a table key, or null. */
    public byte[] encoded(String tableKey) {
        return memory.get(Utf8Order.sortable(tableKey));
    }

    /**
     * Items of the table with {@code from <= tableKey < to} (null = open), ascending or descending.
     */
    public Iterator<Entry> tableRange(String from, String to, boolean ascending) {
        NavigableMap<String, byte[]> view = subMap(memory, Utf8Order.sortable(from), Utf8Order.sortable(to));
        Iterator<Map.Entry<String, byte[]>> raw = (ascending ? view : view.descendingMap()).entrySet().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return raw.hasNext();
            }

            @Override
            public Entry next() {
                Map.Entry<String, byte[]> e = raw.next();
                return new Entry(Utf8Order.unsortable(e.getKey()), ItemCodec.decode(e.getValue()));
            }
        };
    }

    /** Index entries in range; each yields the base item (entries whose item vanished are skipped). */
    public Iterator<IndexEntry> indexRange(String indexName, String from, String to, boolean ascending) {
        IndexStorage index = indexes.get(indexName);
        NavigableSet<String> view = subSet(index.memory, Utf8Order.sortable(from), Utf8Order.sortable(to));
        Iterator<String> raw = (ascending ? view : view.descendingSet()).iterator();
        return new Iterator<>() {
            private IndexEntry next;

            @Override
            public boolean hasNext() {
                while (next == null && raw.hasNext()) {
                    String entryKey = Utf8Order.unsortable(raw.next());
                    String tableKey = StorageKeys.tableKeyOfIndexEntry(entryKey);
                    Map<String, AttributeValue> item = get(tableKey);
                    // A concurrent write may have moved the item off this entry; skip it then.
                    if (item != null && entryKey.equals(StorageKeys.indexKey(index.definition.key(), item, tableKey))) {
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

    private static NavigableMap<String, byte[]> subMap(ConcurrentSkipListMap<String, byte[]> map, String from, String to) {
        if (from != null && to != null) {
            return from.compareTo(to) >= 0 ? map.subMap(from, true, from, false) : map.subMap(from, true, to, false);
        }
        if (from != null) {
            return map.tailMap(from, true);
        }
        return to != null ? map.headMap(to, false) : map;
    }

    private static NavigableSet<String> subSet(ConcurrentSkipListSet<String> set, String from, String to) {
        if (from != null && to != null) {
            return from.compareTo(to) >= 0 ? set.subSet(from, true, from, false) : set.subSet(from, true, to, false);
        }
        if (from != null) {
            return set.tailSet(from, true);
        }
        return to != null ? set.headSet(to, false) : set;
    }

    /** An index entry with the item it points at. */
    public record IndexEntry(String entryKey, String tableKey, Map<String, AttributeValue> item) {
    }
}
