package dev.cloudjar.services.sns.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a policy key sees of a message: whether the attribute or body path exists, and its scalar
 * values (several for a {@code String.Array} attribute or a JSON array in the body).
 */
record Value(boolean present, List<Scalar> scalars) {
    private static final Value ABSENT = new Value(false, List.of());

    /**
     * One scalar: a string, a number (kept as text and as a double rounded to AWS's five digits after
     * the decimal point, so 1.000001 and 1.000004 are the same number to every operator), a boolean or null.
     */
    record Scalar(Kind kind, String text, double number) {
        enum Kind { STRING, NUMBER, BOOLEAN, NULL }

        /** Beyond this magnitude five decimals are below a double's resolution anyway. */
        private static final double ROUNDED_RANGE = 1e15;

        static double precise(double value) {
            if (!Double.isFinite(value) || Math.abs(value) >= ROUNDED_RANGE) {
                return value;
            }
            return BigDecimal.valueOf(value).setScale(5, RoundingMode.HALF_UP).doubleValue();
        }

        static Scalar string(String text) {
            return new Scalar(Kind.STRING, text, Double.NaN);
        }

        static Scalar number(String text) {
            double parsed;
            try {
                parsed = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                return string(text);
            }
            return new Scalar(Kind.NUMBER, text, precise(parsed));
        }

        static Scalar of(JsonNode node) {
            if (node.isTextual()) {
                return string(node.textValue());
            }
            if (node.isNumber()) {
                return new Scalar(Kind.NUMBER, node.asText(), precise(node.doubleValue()));
            }
            if (node.isBoolean()) {
                return new Scalar(Kind.BOOLEAN, node.asText(), Double.NaN);
            }
            if (node.isNull()) {
                return new Scalar(Kind.NULL, null, Double.NaN);
            }
            return null;
        }
    }

    static Value fromAttribute(FilterPolicy.Attribute attribute) {
        if (attribute == null) {
            return ABSENT;
        }
        String type = attribute.dataType() == null ? "String" : attribute.dataType();
        String text = attribute.value();
        if (text == null || type.startsWith("Binary")) {
            return new Value(true, List.of());
        }
        if (type.equals("String.Array")) {
            return new Value(true, arrayElements(text));
        }
        if (type.startsWith("Number")) {
            return new Value(true, List.of(Scalar.number(text)));
        }
        return new Value(true, List.of(Scalar.string(text)));
    }

    static Value fromBody(List<JsonNode> nodes) {
        if (nodes == null) {
            return ABSENT;
        }
        List<Scalar> scalars = new ArrayList<>(nodes.size());
        for (JsonNode node : nodes) {
            Scalar scalar = Scalar.of(node);
            if (scalar != null) {
                scalars.add(scalar);
            }
        }
        return new Value(true, scalars);
    }

    /** A String.Array attribute holds a JSON array; anything else gives no values to match. */
    private static List<Scalar> arrayElements(String json) {
        try {
            JsonNode array = FilterPolicy.MAPPER.readTree(json);
            if (array == null || !array.isArray()) {
                return List.of();
            }
            List<Scalar> scalars = new ArrayList<>(array.size());
            for (JsonNode element : array) {
                Scalar scalar = Scalar.of(element);
                if (scalar != null) {
                    scalars.add(scalar);
                }
            }
            return scalars;
        } catch (Exception e) {
            return List.of();
        }
    }
}
