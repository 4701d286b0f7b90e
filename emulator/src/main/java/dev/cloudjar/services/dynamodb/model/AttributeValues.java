package dev.cloudjar.services.dynamodb.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.AwsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON codec of {@link AttributeValue}: reads DynamoDB's wire form with AWS's validation rules and
 * messages, and writes it back (straight to a {@link JsonGenerator} on hot paths).
 */
public final class AttributeValues {
    static final String EMPTY =
            "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
    static final String MORE_THAN_ONE =
            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";
    static final String NULL_NOT_TRUE =
            "One or more parameter values were invalid: Null attribute value types must have the value of true";
    static final String EMPTY_SS = "One or more parameter values were invalid: An string set  may not be empty";
    static final String EMPTY_NS = "One or more parameter values were invalid: An number set  may not be empty";
    static final String EMPTY_BS = "One or more parameter values were invalid: Binary sets should not be empty";
    static final String TOO_DEEP = "Nesting Levels have exceeded supported limits";
    /** DynamoDB allows 32 levels of nested documents. */
    static final int MAX_DEPTH = 32;

    private static final String[] TYPES = {"S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS"};
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AttributeValues() {
    }

    /** Reads one attribute value; throws ValidationException/SerializationException as AWS does. */
    public static AttributeValue fromJson(JsonNode node) {
        return read(node, 0);
    }

    /** Reads an item (attribute name to value, in the client's order). Null or missing reads as empty. */
    public static Map<String, AttributeValue> itemFromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return new LinkedHashMap<>();
        }
        if (!node.isObject()) {
            throw DynamoDbValidation.serialization("Start of list found where not expected");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>(node.size() * 2);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            item.put(e.getKey(), read(e.getValue(), 0));
        }
        return item;
    }

    /**
     * Reads ExpressionAttributeValues. AWS wraps a bad value's message:
     * "ExpressionAttributeValues contains invalid value: &lt;reason&gt; for key :v".
     */
    public static Map<String, AttributeValue> expressionValuesFromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isObject()) {
            throw DynamoDbValidation.serialization("Start of list found where not expected");
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                values.put(e.getKey(), read(e.getValue(), 0));
            } catch (AwsException ex) {
                if (!"ValidationException".equals(ex.code())) {
                    throw ex;
                }
                throw DynamoDbValidation.error("ExpressionAttributeValues contains invalid value: "
                        + ex.getMessage() + " for key " + e.getKey());
            }
        }
        return values;
    }

    private static AttributeValue read(JsonNode node, int depth) {
        if (node == null || !node.isObject()) {
            throw DynamoDbValidation.serialization("Unexpected value type in payload");
        }
        if (depth > MAX_DEPTH) {
            throw DynamoDbValidation.error(TOO_DEEP);
        }
        String type = null;
        JsonNode body = null;
        for (String t : TYPES) {
            JsonNode v = node.get(t);
            if (v != null && !v.isNull()) {
                if (type != null) {
                    throw DynamoDbValidation.error(MORE_THAN_ONE);
                }
                type = t;
                body = v;
            }
        }
        if (type == null) {
            throw DynamoDbValidation.error(EMPTY);
        }
        switch (type) {
            case "S":
                return new AttributeValue.S(text(body));
            case "N":
                return new AttributeValue.N(text(body));
            case "B":
                return new AttributeValue.B(binary(body));
            case "BOOL":
                return AttributeValue.BOOL.of(bool(body));
            case "NULL":
                if (!bool(body)) {
                    throw DynamoDbValidation.error(NULL_NOT_TRUE);
                }
                return AttributeValue.NULL.INSTANCE;
            case "L": {
                List<AttributeValue> list = new ArrayList<>(array(body).size());
                for (JsonNode e : body) {
                    list.add(read(e, depth + 1));
                }
                return new AttributeValue.L(list);
            }
            case "M": {
                if (!body.isObject()) {
                    throw DynamoDbValidation.serialization("Start of list found where not expected");
                }
                Map<String, AttributeValue> map = new LinkedHashMap<>(body.size() * 2);
                for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    map.put(e.getKey(), read(e.getValue(), depth + 1));
                }
                return new AttributeValue.M(map);
            }
            case "SS":
                return new AttributeValue.SS(stringSet(body, EMPTY_SS, false));
            case "NS":
                return new AttributeValue.NS(stringSet(body, EMPTY_NS, true));
            default:
                return new AttributeValue.BS(binarySet(body));
        }
    }

    private static String text(JsonNode node) {
        if (!node.isTextual()) {
            throw DynamoDbValidation.serialization(tokenName(node) + " cannot be converted to String");
        }
        return node.textValue();
    }

    private static String tokenName(JsonNode node) {
        if (node.isNumber()) {
            return "NUMBER_VALUE";
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE";
        }
        return node.isArray() ? "START_ARRAY" : "START_OBJECT";
    }

    private static boolean bool(JsonNode node) {
        if (!node.isBoolean()) {
            throw DynamoDbValidation.serialization(tokenName(node) + " cannot be converted to Boolean");
        }
        return node.booleanValue();
    }

    private static JsonNode array(JsonNode node) {
        if (!node.isArray()) {
            throw DynamoDbValidation.serialization("Unexpected value type in payload");
        }
        return node;
    }

    private static byte[] binary(JsonNode node) {
        String b64 = text(node);
        try {
            if (b64.length() % 4 != 0) {
                // Java's decoder accepts unpadded input; DynamoDB's does not
                throw new IllegalArgumentException("unpadded");
            }
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw DynamoDbValidation.serialization("Base64 encoded length is expected a multiple of 4 bytes but found: "
                    + b64.length());
        }
    }

    private static List<String> stringSet(JsonNode node, String emptyMessage, boolean numbers) {
        array(node);
        if (node.isEmpty()) {
            throw DynamoDbValidation.error(emptyMessage);
        }
        List<String> raw = new ArrayList<>(node.size());
        Set<String> seen = new HashSet<>(node.size() * 2);
        boolean duplicate = false;
        for (JsonNode e : node) {
            String s = text(e);
            raw.add(s);
            duplicate |= !seen.add(numbers ? Numbers.canonical(s) : s);
        }
        if (duplicate) {
            // AWS words the three set types differently (observed): NS names no members.
            throw numbers ? DynamoDbValidation.error("Input collection contains duplicates") : duplicates(raw, "");
        }
        return raw;
    }

    private static List<byte[]> binarySet(JsonNode node) {
        array(node);
        if (node.isEmpty()) {
            throw DynamoDbValidation.error(EMPTY_BS);
        }
        List<byte[]> values = new ArrayList<>(node.size());
        List<String> raw = new ArrayList<>(node.size());
        for (JsonNode e : node) {
            values.add(binary(e));
            raw.add(e.textValue());
        }
        if (Bytes.wrapAll(values).size() != values.size()) {
            throw duplicates(raw, "of type BS");
        }
        return values;
    }

    /** "Input collection [a, a] contains duplicates." / "Input collection [Yg==, Yg==]of type BS contains duplicates." */
    private static AwsException duplicates(List<String> raw, String typeNote) {
        return DynamoDbValidation.error("One or more parameter values were invalid: Input collection "
                + raw.toString() + (typeNote.isEmpty() ? " " : typeNote + " ") + "contains duplicates.");
    }

    // ---- writing ----

    /** Writes {@code {"S":"x"}} etc. to the generator. */
    public static void write(JsonGenerator g, AttributeValue value) {
        try {
            writeValue(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an item as a JSON object of attribute values. */
    public static void writeItem(JsonGenerator g, Map<String, AttributeValue> item) {
        try {
            g.writeStartObject();
            for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
                g.writeFieldName(e.getKey());
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeValue(JsonGenerator g, AttributeValue value) throws IOException {
        g.writeStartObject();
        g.writeFieldName(value.type());
        if (value instanceof AttributeValue.S s) {
            g.writeString(s.value());
        } else if (value instanceof AttributeValue.N n) {
            g.writeString(n.value());
        } else if (value instanceof AttributeValue.B b) {
            g.writeString(Base64.getEncoder().encodeToString(b.value()));
        } else if (value instanceof AttributeValue.BOOL b) {
            g.writeBoolean(b.value());
        } else if (value instanceof AttributeValue.NULL) {
            g.writeBoolean(true);
        } else if (value instanceof AttributeValue.L l) {
            g.writeStartArray();
            for (AttributeValue v : l.values()) {
                writeValue(g, v);
            }
            g.writeEndArray();
        } else if (value instanceof AttributeValue.M m) {
            g.writeStartObject();
            for (Map.Entry<String, AttributeValue> e : m.values().entrySet()) {
                g.writeFieldName(e.getKey());
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof AttributeValue.SS ss) {
            writeStrings(g, ss.values());
        } else if (value instanceof AttributeValue.NS ns) {
            writeStrings(g, ns.values());
        } else if (value instanceof AttributeValue.BS bs) {
            g.writeStartArray();
            for (byte[] b : bs.values()) {
                g.writeString(Base64.getEncoder().encodeToString(b));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeStrings(JsonGenerator g, List<String> values) throws IOException {
        g.writeStartArray();
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    /** The value as a Jackson tree, for responses built as trees. */
    public static ObjectNode toJson(AttributeValue value) {
        ObjectNode node = NODES.objectNode();
        String type = value.type();
        if (value instanceof AttributeValue.S s) {
            node.put(type, s.value());
        } else if (value instanceof AttributeValue.N n) {
            node.put(type, n.value());
        } else if (value instanceof AttributeValue.B b) {
            node.put(type, Base64.getEncoder().encodeToString(b.value()));
        } else if (value instanceof AttributeValue.BOOL b) {
            node.put(type, b.value());
        } else if (value instanceof AttributeValue.NULL) {
            node.put(type, true);
        } else if (value instanceof AttributeValue.L l) {
            ArrayNode array = node.putArray(type);
            for (AttributeValue v : l.values()) {
                array.add(toJson(v));
            }
        } else if (value instanceof AttributeValue.M m) {
            node.set(type, itemToJson(m.values()));
        } else if (value instanceof AttributeValue.SS ss) {
            ArrayNode array = node.putArray(type);
            ss.values().forEach(array::add);
        } else if (value instanceof AttributeValue.NS ns) {
            ArrayNode array = node.putArray(type);
            ns.values().forEach(array::add);
        } else if (value instanceof AttributeValue.BS bs) {
            ArrayNode array = node.putArray(type);
            bs.values().forEach(b -> array.add(Base64.getEncoder().encodeToString(b)));
        }
        return node;
    }

    /** An item (or M's content) as a Jackson object. */
    public static ObjectNode itemToJson(Map<String, AttributeValue> item) {
        ObjectNode node = NODES.objectNode();
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            node.set(e.getKey(), toJson(e.getValue()));
        }
        return node;
    }
}
