package dev.cloudjar.services.dynamodb.table;

import dev.cloudjar.core.AwsException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * CreateTable's checks in the order DynamoDB applies them: model constraints first, then billing and
 * throughput, then AttributeDefinitions against every key, then key schema shape, then the indexes.
 * Messages are AWS's own words (as reproduced by moto and dynalite, which record them from AWS).
 */
public final class TableSchemaValidator {
    static final List<String> SCALAR_TYPES = List.of("B", "N", "S");
    static final List<String> KEY_TYPES = List.of("HASH", "RANGE");
    static final List<String> PROJECTIONS = List.of("ALL", "INCLUDE", "KEYS_ONLY");
    static final List<String> BILLING_MODES = List.of("PROVISIONED", "PAY_PER_REQUEST");
    static final List<String> VIEW_TYPES = List.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES");
    static final int MAX_GSI = 20;
    static final int MAX_LSI = 5;
    /** A global index's partition key and its sort key each have up to this many attributes. */
    static final int MAX_KEY_ATTRIBUTES = 4;

    /** What a valid CreateTable request defines. */
    public record Schema(KeySchema key, List<IndexDefinition> globalIndexes, List<IndexDefinition> localIndexes,
                         String billingMode, long readCapacity, long writeCapacity) {
    }

    private TableSchemaValidator() {
    }

    public static Schema validateCreate(CreateTableRequest r) {
        checkConstraints(r);
        String billing = r.billingMode() == null ? "PROVISIONED" : r.billingMode();
        long read = 0;
        long write = 0;
        if ("PAY_PER_REQUEST".equals(billing)) {
            if (r.throughput() != null) {
                throw invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
        } else {
            if (r.throughput() == null || r.throughput().readCapacityUnits() == null || r.throughput().writeCapacityUnits() == null) {
                throw invalid("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
            }
            read = r.throughput().readCapacityUnits();
            write = r.throughput().writeCapacityUnits();
        }
        List<IndexSpec> lsis = r.localSecondaryIndexes();
        List<IndexSpec> gsis = r.globalSecondaryIndexes();
        if (gsis != null && gsis.isEmpty()) {
            throw invalid("List of GlobalSecondaryIndexes is empty");
        }
        if (lsis != null && lsis.isEmpty()) {
            throw invalid("List of LocalSecondaryIndexes is empty");
        }
        checkDefinitionsMatchKeys(r.attributeDefinitions(), r.keySchema(), lsis, gsis);
        Map<String, String> types = typesOf(r.attributeDefinitions());
        KeySchema key = keySchema(r.keySchema(), types);
        Set<String> names = new HashSet<>();
        List<IndexDefinition> locals = new ArrayList<>();
        if (lsis != null) {
            if (!key.hasRange()) {
                throw invalid("Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
            }
            for (IndexSpec spec : lsis) {
                KeySchema indexKey = keySchema(spec.keySchema(), types);
                if (!indexKey.hasRange()) {
                    throw invalid("Index KeySchema does not have a range key for index: " + spec.name());
                }
                if (!indexKey.hashName().equals(key.hashName())) {
                    throw invalid("Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                            + spec.name() + ". index hash key: " + indexKey.hashName() + ", table hash key: " + key.hashName());
                }
                checkProjection(spec);
                if (!names.add(spec.name())) {
                    throw invalid("Duplicate index name: " + spec.name());
                }
                locals.add(new IndexDefinition(spec.name(), false, indexKey, spec.projectionType(), spec.nonKeyAttributes(), 0, 0));
            }
            if (lsis.size() > MAX_LSI) {
                throw invalid("Number of LocalSecondaryIndexes exceeds per-table limit of " + MAX_LSI);
            }
        }
        List<IndexDefinition> globals = new ArrayList<>();
        if (gsis != null) {
            for (IndexSpec spec : gsis) {
                if (!names.add(spec.name())) {
                    throw invalid("Duplicate index name: " + spec.name());
                }
                globals.add(globalIndex(spec, types, billing));
            }
            if (gsis.size() > MAX_GSI) {
                throw invalid("GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_GSI);
            }
        }
        return new Schema(key, globals, locals, billing, read, write);
    }

    /** Validates one global index (CreateTable or UpdateTable's Create action). */
    public static IndexDefinition globalIndex(IndexSpec spec, Map<String, String> types, String billing) {
        KeySchema indexKey = globalKeySchema(spec.keySchema(), types);
        checkProjection(spec);
        long read = 0;
        long write = 0;
        if ("PAY_PER_REQUEST".equals(billing)) {
            if (spec.throughput() != null) {
                throw invalid("ProvisionedThroughput should not be specified for index: " + spec.name()
                        + " when BillingMode is PAY_PER_REQUEST");
            }
        } else {
            if (spec.throughput() == null || spec.throughput().readCapacityUnits() == null
                    || spec.throughput().writeCapacityUnits() == null) {
                throw invalid("ProvisionedThroughput must be specified for index: " + spec.name());
            }
            read = spec.throughput().readCapacityUnits();
            write = spec.throughput().writeCapacityUnits();
        }
        return new IndexDefinition(spec.name(), true, indexKey, spec.projectionType(), spec.nonKeyAttributes(), read, write);
    }

    public static Map<String, String> typesOf(List<AttributeDefinition> definitions) {
        Map<String, String> types = new LinkedHashMap<>();
        if (definitions != null) {
            for (AttributeDefinition d : definitions) {
                types.put(d.name(), d.type());
            }
        }
        return types;
    }

    private static void checkConstraints(CreateTableRequest r) {
        ConstraintErrors errors = new ConstraintErrors();
        errors.name(r.tableName(), "tableName");
        errors.notNull(r.attributeDefinitions(), "attributeDefinitions");
        if (r.attributeDefinitions() != null) {
            for (int i = 0; i < r.attributeDefinitions().size(); i++) {
                errors.keyAttributeName(r.attributeDefinitions().get(i).name(), "attributeDefinitions." + (i + 1) + ".member.attributeName");
                errors.oneOf(r.attributeDefinitions().get(i).type(), "attributeDefinitions." + (i + 1) + ".member.attributeType", SCALAR_TYPES);
            }
        }
        errors.notNull(r.keySchema(), "keySchema");
        if (r.keySchema() != null) {
            keyConstraints(errors, r.keySchema(), "keySchema");
        }
        errors.oneOf(r.billingMode(), "billingMode", BILLING_MODES);
        if (r.throughput() != null) {
            errors.atLeast(r.throughput().readCapacityUnits(), 1, "provisionedThroughput.readCapacityUnits");
            errors.atLeast(r.throughput().writeCapacityUnits(), 1, "provisionedThroughput.writeCapacityUnits");
        }
        indexConstraints(errors, r.globalSecondaryIndexes(), "globalSecondaryIndexes", 2 * MAX_KEY_ATTRIBUTES);
        indexConstraints(errors, r.localSecondaryIndexes(), "localSecondaryIndexes", 2);
        if (r.streamSpecification() != null) {
            errors.oneOf(r.streamSpecification().viewType(), "streamSpecification.streamViewType", VIEW_TYPES);
        }
        errors.throwIfAny();
        if (r.streamSpecification() != null) {
            checkStreamSpec(r.streamSpecification());
        }
    }

    static void checkStreamSpec(StreamSpec spec) {
        if (spec.enabled() == null) {
            throw new AwsException(400, "ValidationException", "1 validation error detected: Value null at "
                    + "'streamSpecification.streamEnabled' failed to satisfy constraint: Member must not be null");
        }
        if (spec.enabled() && spec.viewType() == null) {
            throw invalid("You must specify a StreamViewType when enabling a DynamoDB stream");
        }
        if (!spec.enabled() && spec.viewType() != null) {
            throw invalid("You cannot modify or specify a StreamViewType when disabling a DynamoDB stream");
        }
    }

    static void keyConstraints(ConstraintErrors errors, List<KeyElement> keys, String path) {
        keyConstraints(errors, keys, path, 2);
    }

    /** {@code max} is 2 for table and local index keys; a global index's multi-attribute key has up to 8. */
    static void keyConstraints(ConstraintErrors errors, List<KeyElement> keys, String path, int max) {
        if (keys.isEmpty()) {
            errors.add("[]", path, "Member must have length greater than or equal to 1");
        } else if (keys.size() > max) {
            errors.add(keys.toString(), path, "Member must have length less than or equal to " + max);
        }
        for (int i = 0; i < keys.size(); i++) {
            errors.keyAttributeName(keys.get(i).name(), path + "." + (i + 1) + ".member.attributeName");
            errors.oneOf(keys.get(i).keyType(), path + "." + (i + 1) + ".member.keyType", KEY_TYPES);
        }
    }

    private static void indexConstraints(ConstraintErrors errors, List<IndexSpec> indexes, String path, int maxKeys) {
        if (indexes == null) {
            return;
        }
        for (int i = 0; i < indexes.size(); i++) {
            IndexSpec spec = indexes.get(i);
            String at = path + "." + (i + 1) + ".member";
            errors.name(spec.name(), at + ".indexName");
            errors.notNull(spec.keySchema(), at + ".keySchema");
            if (spec.keySchema() != null) {
                keyConstraints(errors, spec.keySchema(), at + ".keySchema", maxKeys);
            }
            errors.oneOf(spec.projectionType(), at + ".projection.projectionType", PROJECTIONS);
            nonKeyConstraints(errors, spec.nonKeyAttributes(), at + ".projection.nonKeyAttributes");
            if (spec.throughput() != null) {
                errors.atLeast(spec.throughput().readCapacityUnits(), 1, at + ".provisionedThroughput.readCapacityUnits");
                errors.atLeast(spec.throughput().writeCapacityUnits(), 1, at + ".provisionedThroughput.writeCapacityUnits");
            }
        }
    }

    private static void checkDefinitionsMatchKeys(List<AttributeDefinition> definitions, List<KeyElement> keySchema,
                                                  List<IndexSpec> lsis, List<IndexSpec> gsis) {
        Set<String> used = new TreeSet<>();
        keySchema.forEach(k -> used.add(k.name()));
        boolean indexes = (lsis != null && !lsis.isEmpty()) || (gsis != null && !gsis.isEmpty());
        for (List<IndexSpec> list : List.of(lsis == null ? List.<IndexSpec>of() : lsis, gsis == null ? List.<IndexSpec>of() : gsis)) {
            for (IndexSpec spec : list) {
                spec.keySchema().forEach(k -> used.add(k.name()));
            }
        }
        Set<String> defined = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        for (AttributeDefinition d : definitions) {
            if (!seen.add(d.name())) {
                throw new AwsException(400, "ValidationException", "Cannot have two attributes with the same name");
            }
            defined.add(d.name());
        }
        if (defined.equals(used)) {
            return;
        }
        if (defined.size() > used.size()) {
            if (indexes) {
                throw invalid("Some AttributeDefinitions are not used. AttributeDefinitions: " + defined + ", keys used: " + used);
            }
            throw invalid("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(defined);
        if (defined.size() < used.size() && !indexes) {
            throw new AwsException(400, "ValidationException", "Invalid KeySchema: Some index key attribute have no definition");
        }
        throw invalid("Some index key attributes are not defined in AttributeDefinitions. Keys: "
                + (indexes ? missing : used) + ", AttributeDefinitions: " + defined);
    }

    static KeySchema keySchema(List<KeyElement> elements, Map<String, String> types) {
        KeyElement hash = elements.get(0);
        KeyElement range = elements.size() > 1 ? elements.get(1) : null;
        if (range != null && hash.name().equals(range.name())) {
            throw new AwsException(400, "ValidationException", "Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (!"HASH".equals(hash.keyType())) {
            throw new AwsException(400, "ValidationException", "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (range != null && !"RANGE".equals(range.keyType())) {
            throw new AwsException(400, "ValidationException", "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
        return new KeySchema(hash.name(), types.get(hash.name()), range == null ? null : range.name(),
                range == null ? null : types.get(range.name()));
    }

    /**
     * A global index key: one or more HASH elements, then any RANGE elements, up to four of each
     * (multi-attribute keys); a key of one or two elements is checked as a table key is.
     */
    static KeySchema globalKeySchema(List<KeyElement> elements, Map<String, String> types) {
        if (elements.size() <= 2 && (elements.size() < 2 || !"HASH".equals(elements.get(1).keyType()))) {
            return keySchema(elements, types);
        }
        if (!"HASH".equals(elements.get(0).keyType())) {
            throw new AwsException(400, "ValidationException", "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        List<KeySchema.KeyAttribute> hash = new ArrayList<>();
        List<KeySchema.KeyAttribute> range = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean duplicate = false;
        for (KeyElement e : elements) {
            if ("HASH".equals(e.keyType()) && !range.isEmpty()) {
                throw new AwsException(400, "ValidationException",
                        "All HASH key attributes must precede RANGE key attributes in the KeySchema");
            }
            duplicate |= !names.add(e.name());
            ("HASH".equals(e.keyType()) ? hash : range).add(new KeySchema.KeyAttribute(e.name(), types.get(e.name())));
        }
        if (hash.size() > MAX_KEY_ATTRIBUTES) {
            throw new AwsException(400, "ValidationException", "The KeySchema exceeds the maximum allowed number of HASH key attributes");
        }
        if (range.size() > MAX_KEY_ATTRIBUTES) {
            throw new AwsException(400, "ValidationException", "The KeySchema exceeds the maximum allowed number of RANGE key attributes");
        }
        if (duplicate) {
            throw new AwsException(400, "ValidationException", "The KeySchema contains multiple key attributes with the same name");
        }
        KeySchema.KeyAttribute first = range.isEmpty() ? null : range.get(0);
        return new KeySchema(hash.get(0).name(), hash.get(0).type(), first == null ? null : first.name(),
                first == null ? null : first.type(), hash.subList(1, hash.size()),
                range.isEmpty() ? List.of() : range.subList(1, range.size()));
    }

    /** NonKeyAttributes holds 1 to 20 names. */
    static void nonKeyConstraints(ConstraintErrors errors, List<String> nonKey, String path) {
        if (nonKey == null) {
            return;
        }
        if (nonKey.isEmpty()) {
            errors.add("[]", path, "Member must have length greater than or equal to 1");
        } else if (nonKey.size() > 20) {
            errors.add(nonKey.toString(), path, "Member must have length less than or equal to 20");
        }
    }

    static void checkProjection(IndexSpec spec) {
        if (spec.projectionType() == null) {
            throw invalid("Unknown ProjectionType: null");
        }
        if ("INCLUDE".equals(spec.projectionType()) && spec.nonKeyAttributes() == null) {
            throw invalid("ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        }
        if (spec.nonKeyAttributes() != null) {
            Set<String> seen = new HashSet<>();
            for (String name : spec.nonKeyAttributes()) {
                if (!seen.add(name)) {
                    throw invalid("Duplicate element in NonKeyAttributes: " + name);
                }
            }
        }
        if (spec.nonKeyAttributes() != null && !"INCLUDE".equals(spec.projectionType())) {
            throw invalid("ProjectionType is " + spec.projectionType() + ", but NonKeyAttributes is specified");
        }
    }

    static AwsException invalid(String message) {
        return new AwsException(400, "ValidationException", "One or more parameter values were invalid: " + message);
    }
}
