package dev.cloudjar.services.dynamodb.table;

import java.util.ArrayList;
import java.util.List;

/**
 * The key of a table or index: a hash (partition) attribute and an optional range (sort) attribute,
 * each with its scalar type (S, N or B). A global index may have a multi-attribute key (up to four
 * attributes each for the partition and the sort key): the first of each is {@code hashName} /
 * {@code rangeName}, the others, in KeySchema order, are {@code moreHash} / {@code moreRange} (empty
 * for every single-attribute key, so definitions stored before multi-attribute keys read unchanged).
 */
public record KeySchema(String hashName, String hashType, String rangeName, String rangeType,
                        List<KeyAttribute> moreHash, List<KeyAttribute> moreRange) {

    /** One attribute of a multi-attribute key. */
    public record KeyAttribute(String name, String type) {
    }

    public KeySchema {
        moreHash = moreHash == null ? List.of() : List.copyOf(moreHash);
        moreRange = moreRange == null ? List.of() : List.copyOf(moreRange);
    }

    public KeySchema(String hashName, String hashType, String rangeName, String rangeType) {
        this(hashName, hashType, rangeName, rangeType, List.of(), List.of());
    }

    public boolean hasRange() {
        return rangeName != null;
    }

    /** The partition key attributes in KeySchema order (one unless this is a multi-attribute key). */
    public List<KeyAttribute> hashAttributes() {
        List<KeyAttribute> all = new ArrayList<>(1 + moreHash.size());
        all.add(new KeyAttribute(hashName, hashType));
        all.addAll(moreHash);
        return all;
    }

    /** The sort key attributes in KeySchema order (none for a hash-only key). */
    public List<KeyAttribute> rangeAttributes() {
        List<KeyAttribute> all = new ArrayList<>(1 + moreRange.size());
        if (rangeName != null) {
            all.add(new KeyAttribute(rangeName, rangeType));
        }
        all.addAll(moreRange);
        return all;
    }

    /** The key attribute names, hash attributes first. */
    public List<String> names() {
        List<String> names = new ArrayList<>(2 + moreHash.size() + moreRange.size());
        hashAttributes().forEach(a -> names.add(a.name()));
        rangeAttributes().forEach(a -> names.add(a.name()));
        return names;
    }

    public boolean isKeyAttribute(String name) {
        return typeOf(name) != null;
    }

    /** The declared type of a key attribute, or null when the name is not part of this key. */
    public String typeOf(String name) {
        if (name.equals(hashName)) {
            return hashType;
        }
        if (name.equals(rangeName)) {
            return rangeType;
        }
        for (KeyAttribute a : moreHash) {
            if (a.name().equals(name)) {
                return a.type();
            }
        }
        for (KeyAttribute a : moreRange) {
            if (a.name().equals(name)) {
                return a.type();
            }
        }
        return null;
    }
}
