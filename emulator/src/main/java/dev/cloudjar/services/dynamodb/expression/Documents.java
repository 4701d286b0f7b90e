package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and rewrites values at document paths. Values are immutable, so writes rebuild the spine. */
final class Documents {
    static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";

    private Documents() {
    }

    /** The value at the path, or null when any step is missing or of the wrong kind. */
    static AttributeValue get(Map<String, AttributeValue> item, Path path) {
        if (item == null) {
            return null;
        }
        AttributeValue current = item.get(path.attribute());
        for (int i = 1; i < path.size() && current != null; i++) {
            current = step(current, path.get(i));
        }
        return current;
    }

    private static AttributeValue step(AttributeValue container, Path.Element element) {
        if (element instanceof Path.Name name) {
            return container instanceof AttributeValue.M m ? m.values().get(name.name()) : null;
        }
        int index = ((Path.Index) element).index();
        if (container instanceof AttributeValue.L l && index < l.values().size()) {
            return l.values().get(index);
        }
        return null;
    }

    /** Sets the value at the path in the (mutable) item; the parent must exist. */
    static void set(Map<String, AttributeValue> item, Path path, AttributeValue value) {
        if (path.isTopLevel()) {
            item.put(path.attribute(), value);
            return;
        }
        AttributeValue top = item.get(path.attribute());
        if (top == null) {
            throw new ExpressionException(INVALID_PATH);
        }
        item.put(path.attribute(), setIn(top, path, 1, value));
    }

    private static AttributeValue setIn(AttributeValue container, Path path, int i, AttributeValue value) {
        Path.Element element = path.get(i);
        boolean last = i == path.size() - 1;
        if (element instanceof Path.Name name) {
            if (!(container instanceof AttributeValue.M m)) {
                throw new ExpressionException(INVALID_PATH);
            }
            Map<String, AttributeValue> copy = new LinkedHashMap<>(m.values());
            if (last) {
                copy.put(name.name(), value);
            } else {
                AttributeValue child = copy.get(name.name());
                if (child == null) {
                    throw new ExpressionException(INVALID_PATH);
                }
                copy.put(name.name(), setIn(child, path, i + 1, value));
            }
            return new AttributeValue.M(copy);
        }
        if (!(container instanceof AttributeValue.L l)) {
            throw new ExpressionException(INVALID_PATH);
        }
        int index = ((Path.Index) element).index();
        List<AttributeValue> copy = new ArrayList<>(l.values());
        if (last) {
            if (index >= copy.size()) {
                copy.add(value); // AWS appends when the index is past the end
            } else {
                copy.set(index, value);
            }
        } else {
            if (index >= copy.size()) {
                throw new ExpressionException(INVALID_PATH);
            }
            copy.set(index, setIn(copy.get(index), path, i + 1, value));
        }
        return new AttributeValue.L(copy);
    }

    /**
     * Removes the value at the path. A missing leaf (map key, list index past the end) is a no-op; a
     * missing or wrongly typed parent is AWS's invalid-path error.
     */
    static void remove(Map<String, AttributeValue> item, Path path) {
        if (path.isTopLevel()) {
            item.remove(path.attribute());
            return;
        }
        AttributeValue top = item.get(path.attribute());
        if (top == null) {
            throw new ExpressionException(INVALID_PATH);
        }
        item.put(path.attribute(), removeIn(top, path, 1));
    }

    private static AttributeValue removeIn(AttributeValue container, Path path, int i) {
        Path.Element element = path.get(i);
        boolean last = i == path.size() - 1;
        if (element instanceof Path.Name name) {
            if (!(container instanceof AttributeValue.M m)) {
                throw new ExpressionException(INVALID_PATH);
            }
            if (!m.values().containsKey(name.name())) {
                if (last) {
                    return container;
                }
                throw new ExpressionException(INVALID_PATH);
            }
            Map<String, AttributeValue> copy = new LinkedHashMap<>(m.values());
            if (last) {
                copy.remove(name.name());
            } else {
                copy.put(name.name(), removeIn(copy.get(name.name()), path, i + 1));
            }
            return new AttributeValue.M(copy);
        }
        if (!(container instanceof AttributeValue.L l)) {
            throw new ExpressionException(INVALID_PATH);
        }
        int index = ((Path.Index) element).index();
        if (index >= l.values().size()) {
            if (last) {
                return container;
            }
            throw new ExpressionException(INVALID_PATH);
        }
        List<AttributeValue> copy = new ArrayList<>(l.values());
        if (last) {
            copy.remove(index);
        } else {
            copy.set(index, removeIn(copy.get(index), path, i + 1));
        }
        return new AttributeValue.L(copy);
    }

    /** The path a SET really writes: an index past the end of a list becomes the appended position. */
    static Path effectivePath(Map<String, AttributeValue> item, Path path) {
        if (path.last() instanceof Path.Index index
                && get(item, path.parent()) instanceof AttributeValue.L list && index.index() > list.values().size()) {
            return path.parent().child(new Path.Index(list.values().size()));
        }
        return path;
    }

    /** True when the parent of the path exists as the right container kind (so the leaf can be created). */
    static boolean parentExists(Map<String, AttributeValue> item, Path path) {
        if (path.isTopLevel()) {
            return true;
        }
        AttributeValue parent = get(item, path.parent());
        Path.Element last = path.last();
        return last instanceof Path.Name ? parent instanceof AttributeValue.M : parent instanceof AttributeValue.L;
    }
}
