package dev.cloudjar.services.dynamodb.table;

import java.util.ArrayList;
import java.util.List;

/**
 * The key of a table or index: a hash (partition) attribute and an optional range (sort) attribute,
 * each with its scalar type (S, N or B).
 */
public record KeySchema(String hashName, String hashType, String rangeName, String rangeType) {

    public boolean hasRange() {
        return rangeName != null;
    }

    /** The key attribute names, hash first. */
    public List<String> names() {
        List<String> names = new ArrayList<>(2);
        names.add(hashName);
        if (rangeName != null) {
            names.add(rangeName);
        }
        return names;
    }

    public boolean isKeyAttribute(String name) {
        return name.equals(hashName) || name.equals(rangeName);
    }

    /** The declared type of a key attribute, or null when the name is not part of this key. */
    public String typeOf(String name) {
        if (name.equals(hashName)) {
            return hashType;
        }
        return name.equals(rangeName) ? rangeType : null;
    }
}
