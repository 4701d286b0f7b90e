package dev.cloudjar.services.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * A resolved document path such as {@code a.b[2].c}: placeholders are already replaced by real names.
 * The first element is always an attribute name.
 */
public record Path(List<Element> elements) {

    public Path {
        elements = List.copyOf(elements);
        if (elements.isEmpty() || !(elements.get(0) instanceof Name)) {
            throw new IllegalArgumentException("a path starts with an attribute name");
        }
    }

    /** One step of a path: a map key / attribute name, or a list index. */
    public sealed interface Element permits Name, Index {
    }

    public record Name(String name) implements Element {
        @Override
        public String toString() {
            return name;
        }
    }

    public record Index(int index) implements Element {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    /** A top-level attribute path. */
    public static Path of(String attribute) {
        return new Path(List.of(new Name(attribute)));
    }

    /** The top-level attribute this path starts with. */
    public String attribute() {
        return ((Name) elements.get(0)).name();
    }

    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    public int size() {
        return elements.size();
    }

    public Element get(int i) {
        return elements.get(i);
    }

    public Path parent() {
        return new Path(elements.subList(0, elements.size() - 1));
    }

    public Element last() {
        return elements.get(elements.size() - 1);
    }

    public Path child(Element e) {
        List<Element> list = new ArrayList<>(elements);
        list.add(e);
        return new Path(list);
    }

    /** True when this path equals the other or is one of its ancestors. */
    public boolean isPrefixOf(Path other) {
        return other.elements.size() >= elements.size() && other.elements.subList(0, elements.size()).equals(elements);
    }

    /** AWS's rendering in overlap errors: {@code [a, b, [2], c]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(elements.get(i));
        }
        return sb.append(']').toString();
    }
}
