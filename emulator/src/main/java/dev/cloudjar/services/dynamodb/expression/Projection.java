package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A ProjectionExpression or AttributesToGet: which document paths of an item to return. Nested paths
 * keep their structure ({@code a.b} gives {@code {a:{M:{b:..}}}}); list indexes select elements, which
 * come back compacted in index order. Paths that do not resolve are left out.
 */
public final class Projection {
    private final List<Path> paths;
    private final boolean byLeafName;

    public Projection(List<Path> paths) {
        this(paths, false);
    }

    private Projection(List<Path> paths, boolean byLeafName) {
        this.paths = List.copyOf(paths);
        this.byLeafName = byLeafName;
    }

    /**
     * A PartiQL SELECT list: each path's value itself, named by the path's last attribute name
     * ({@code SELECT m.x} answers {@code {"x": ...}}), where a ProjectionExpression keeps the
     * enclosing maps and lists.
     */
    public static Projection selectList(List<Path> paths) {
        return new Projection(paths, true);
    }

    public List<Path> paths() {
        return paths;
    }

    /** The top-level attribute names the projection reads (for index projection checks). */
    public List<String> attributes() {
        return paths.stream().map(Path::attribute).distinct().toList();
    }

    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        if (!byLeafName) {
            return project(item, paths);
        }
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        if (item == null) {
            return result;
        }
        for (Path path : paths) {
            AttributeValue v = Documents.get(item, path);
            if (v != null) {
                result.put(leafName(path), v);
            }
        }
        return result;
    }

    private static String leafName(Path path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i) instanceof Path.Name name) {
                return name.name();
            }
        }
        return path.attribute();
    }

    static Map<String, AttributeValue> project(Map<String, AttributeValue> item, List<Path> paths) {
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        if (item == null || item.isEmpty()) {
            return result;
        }
        Node root = new Node();
        for (Path path : paths) {
            Node node = root;
            for (Path.Element e : path.elements()) {
                if (node.whole) {
                    break;
                }
                node = e instanceof Path.Name n
                        ? node.names.computeIfAbsent(n.name(), k -> new Node())
                        : node.indexes.computeIfAbsent(((Path.Index) e).index(), k -> new Node());
            }
            node.whole = true;
            node.names.clear();
            node.indexes.clear();
        }
        for (Map.Entry<String, Node> e : root.names.entrySet()) {
            AttributeValue v = materialize(item.get(e.getKey()), e.getValue());
            if (v != null) {
                result.put(e.getKey(), v);
            }
        }
        return result;
    }

    private static AttributeValue materialize(AttributeValue value, Node node) {
        if (value == null || node.whole) {
            return value;
        }
        if (value instanceof AttributeValue.M m && !node.names.isEmpty()) {
            Map<String, AttributeValue> out = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : node.names.entrySet()) {
                AttributeValue v = materialize(m.values().get(e.getKey()), e.getValue());
                if (v != null) {
                    out.put(e.getKey(), v);
                }
            }
            return out.isEmpty() ? null : new AttributeValue.M(out);
        }
        if (value instanceof AttributeValue.L l && !node.indexes.isEmpty()) {
            List<AttributeValue> out = new ArrayList<>();
            for (Map.Entry<Integer, Node> e : node.indexes.entrySet()) {
                if (e.getKey() < l.values().size()) {
                    AttributeValue v = materialize(l.values().get(e.getKey()), e.getValue());
                    if (v != null) {
                        out.add(v);
                    }
                }
            }
            return out.isEmpty() ? null : new AttributeValue.L(out);
        }
        return null;
    }

    private static final class Node {
        boolean whole;
        final Map<String, Node> names = new LinkedHashMap<>();
        final Map<Integer, Node> indexes = new TreeMap<>();
    }
}
