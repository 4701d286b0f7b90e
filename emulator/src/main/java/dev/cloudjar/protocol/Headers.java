package dev.cloudjar.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Request headers, looked up case-insensitively (SDKs differ in header case). */
public final class Headers {
    private final TreeMap<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public void add(String name, String value) {
        values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
    }

    /** The first value of the header, or null. */
    public String get(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    public List<String> all(String name) {
        List<String> list = values.get(name);
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Header names as received (first spelling seen), in case-insensitive order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    public Map<String, List<String>> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
