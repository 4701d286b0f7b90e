package dev.cloudjar.persistence;

import dev.cloudjar.core.Utf8Order;
import java.util.AbstractMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.function.UnaryOperator;
import org.mapdb.BTreeMap;

/** A {@link PersistentMap} over a MapDB B-tree of stored keys to JSON bytes. */
final class MapDbPersistentMap<V> implements PersistentMap<V> {
    private final BTreeMap<String, byte[]> tree;
    private final JsonCodec<V> codec;
    private final MapDbStateStore store;

    MapDbPersistentMap(BTreeMap<String, byte[]> tree, JsonCodec<V> codec, MapDbStateStore store) {
        this.tree = tree;
        this.codec = codec;
        this.store = store;
    }

    @Override
    public V get(String key) {
        return codec.decode(tree.get(Utf8Order.sortable(key)));
    }

    @Override
    public void put(String key, V value) {
        tree.put(Utf8Order.sortable(key), codec.encode(value));
        store.wrote();
    }

    @Override
    public V putIfAbsent(String key, V value) {
        byte[] previous = tree.putIfAbsent(Utf8Order.sortable(key), codec.encode(value));
        if (previous == null) {
            store.wrote();
        }
        return codec.decode(previous);
    }

    @Override
    public boolean remove(String key) {
        boolean removed = tree.remove(Utf8Order.sortable(key)) != null;
        if (removed) {
            store.wrote();
        }
        return removed;
    }

    @Override
    public V compute(String key, UnaryOperator<V> update) {
        String stored = Utf8Order.sortable(key);
        while (true) {
            byte[] current = tree.get(stored);
            V next = update.apply(codec.decode(current));
            boolean done;
            if (next == null) {
                done = current == null || tree.remove(stored, current);
            } else {
                byte[] encoded = codec.encode(next);
                done = current == null ? tree.putIfAbsent(stored, encoded) == null : tree.replace(stored, current, encoded);
            }
            if (done) {
                store.wrote();
                return next;
            }
        }
    }

    @Override
    public boolean containsKey(String key) {
        return tree.containsKey(Utf8Order.sortable(key));
    }

    @Override
    public long size() {
        return tree.sizeLong();
    }

    @Override
    public Iterable<Map.Entry<String, V>> range(String fromInclusive, String toExclusive) {
        return () -> decoding(view(fromInclusive, toExclusive).entrySet().iterator());
    }

    @Override
    public Iterable<Map.Entry<String, V>> rangeDescending(String fromInclusive, String toExclusive) {
        return () -> decoding(view(fromInclusive, toExclusive).descendingMap().entrySet().iterator());
    }

    @Override
    public Iterable<String> keys(String fromInclusive, String toExclusive) {
        return () -> {
            Iterator<String> stored = view(fromInclusive, toExclusive).keySet().iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return stored.hasNext();
                }

                @Override
                public String next() {
                    return Utf8Order.unsortable(stored.next());
                }
            };
        };
    }

    @Override
    public void clear() {
        tree.clear();
        store.wrote();
    }

    private NavigableMap<String, byte[]> view(String fromInclusive, String toExclusive) {
        String from = Utf8Order.sortable(fromInclusive);
        String to = Utf8Order.sortable(toExclusive);
        ConcurrentNavigableMap<String, byte[]> map = tree;
        if (from != null && to != null) {
            if (from.compareTo(to) >= 0) {
                return map.subMap(from, true, from, false);
            }
            return map.subMap(from, true, to, false);
        }
        if (from != null) {
            return map.tailMap(from, true);
        }
        if (to != null) {
            return map.headMap(to, false);
        }
        return map;
    }

    private Iterator<Map.Entry<String, V>> decoding(Iterator<Map.Entry<String, byte[]>> raw) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return raw.hasNext();
            }

            @Override
            public Map.Entry<String, V> next() {
                Map.Entry<String, byte[]> e = raw.next();
                return new AbstractMap.SimpleImmutableEntry<>(Utf8Order.unsortable(e.getKey()), codec.decode(e.getValue()));
            }
        };
    }
}
