package dev.cloudjar.protocol.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An element of a parsed request body: local name, text content, child elements. */
public final class XmlNode {
    private final String name;
    private final StringBuilder text = new StringBuilder();
    private final List<XmlNode> children = new ArrayList<>();

    XmlNode(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The element's own text (not its children's), trimmed. */
    public String text() {
        return text.toString().trim();
    }

    /** The element's own text exactly as sent (S3 keys may start or end with spaces). */
    public String rawText() {
        return text.toString();
    }

    public List<XmlNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** The first child with this local name, or null. */
    public XmlNode child(String childName) {
        for (XmlNode child : children) {
            if (child.name.equals(childName)) {
                return child;
            }
        }
        return null;
    }

    public List<XmlNode> children(String childName) {
        List<XmlNode> result = new ArrayList<>();
        for (XmlNode child : children) {
            if (child.name.equals(childName)) {
                result.add(child);
            }
        }
        return result;
    }

    /** The trimmed text of the first child with this name, or null when there is no such child. */
    public String childText(String childName) {
        XmlNode child = child(childName);
        return child == null ? null : child.text();
    }

    void appendText(String s) {
        text.append(s);
    }

    void add(XmlNode child) {
        children.add(child);
    }
}
