package dev.cloudjar.services.dynamodb.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.core.AwsException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String error(String json) {
        AwsException e = assertThrows(AwsException.class, () -> AttributeValues.fromJson(json(json)));
        return e.code() + ": " + e.getMessage();
    }

    @Test
    void binaryIsStrictBase64() {
        assertEquals("SerializationException: Base64 encoded length is expected a multiple of 4 bytes but found: 2",
                error("{'B':'QQ'}"));
        assertEquals("SerializationException: Base64 encoded length is expected a multiple of 4 bytes but found: 3",
                error("{'BS':['QQ=']}"));
        assertArrayEquals(new byte[] {'A'}, ((AttributeValue.B) AttributeValues.fromJson(json("{'B':'QQ=='}"))).value());
    }

    @Test
    void readsEveryType() {
        Map<String, AttributeValue> item = AttributeValues.itemFromJson(json(
                "{'s':{'S':'x'},'n':{'N':'1.50'},'b':{'B':'AAE='},'t':{'BOOL':true},'z':{'NULL':true},"
                        + "'l':{'L':[{'S':'a'},{'N':'2'}]},'m':{'M':{'k':{'S':'v'},'a':{'N':'1'}}},"
                        + "'ss':{'SS':['a','b']},'ns':{'NS':['1','2.50']},'bs':{'BS':['AQ==','Ag==']}}"));
        assertEquals(new AttributeValue.S("x"), item.get("s"));
        assertEquals("1.5", ((AttributeValue.N) item.get("n")).value());
        assertArrayEquals(new byte[] {0, 1}, ((AttributeValue.B) item.get("b")).value());
        assertEquals(AttributeValue.BOOL.TRUE, item.get("t"));
        assertEquals(AttributeValue.NULL.INSTANCE, item.get("z"));
        assertEquals(new AttributeValue.L(List.of(AttributeValue.s("a"), AttributeValue.n(2))), item.get("l"));
        assertEquals(List.of("k", "a"), List.copyOf(((AttributeValue.M) item.get("m")).values().keySet()));
        assertEquals(List.of("1", "2.5"), ((AttributeValue.NS) item.get("ns")).values());
        assertEquals(List.of("s", "n", "b", "t", "z", "l", "m", "ss", "ns", "bs"), List.copyOf(item.keySet()));
        for (String t : List.of("S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS")) {
            assertEquals(1, item.values().stream().filter(v -> v.type().equals(t)).count(), t);
        }
    }

    @Test
    void roundTripsThroughTreeAndGenerator() throws Exception {
        String in = "{\"s\":{\"S\":\"x\"},\"n\":{\"N\":\"1.5\"},\"b\":{\"B\":\"AAE=\"},\"t\":{\"BOOL\":false},"
                + "\"z\":{\"NULL\":true},\"l\":{\"L\":[{\"S\":\"a\"}]},\"m\":{\"M\":{\"k\":{\"SS\":[\"a\"]}}},"
                + "\"ns\":{\"NS\":[\"1\",\"2\"]},\"bs\":{\"BS\":[\"AQ==\"]}}";
        Map<String, AttributeValue> item = AttributeValues.itemFromJson(JSON.readTree(in));
        assertEquals(in, JSON.writeValueAsString(AttributeValues.itemToJson(item)));
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            AttributeValues.writeItem(g, item);
        }
        assertEquals(in, out.toString());
    }

    @Test
    void exactlyOneTypeKey() {
        assertEquals("ValidationException: Supplied AttributeValue is empty, must contain exactly one of the"
                + " supported datatypes", error("{}"));
        assertEquals("ValidationException: Supplied AttributeValue has more than one datatypes set, must contain"
                + " exactly one of the supported datatypes", error("{'S':'a','N':'1'}"));
        assertEquals("ValidationException: Supplied AttributeValue is empty, must contain exactly one of the"
                + " supported datatypes", error("{'L':[{}]}").replace("", ""));
    }

    @Test
    void nullMustBeTrue() {
        assertEquals("ValidationException: One or more parameter values were invalid: Null attribute value types"
                + " must have the value of true", error("{'NULL':false}"));
    }

    @Test
    void emptySetsAreRejected() {
        assertEquals("ValidationException: One or more parameter values were invalid: An string set  may not be empty",
                error("{'SS':[]}"));
        assertEquals("ValidationException: One or more parameter values were invalid: An number set  may not be empty",
                error("{'NS':[]}"));
        assertEquals("ValidationException: One or more parameter values were invalid: Binary sets should not be empty",
                error("{'BS':[]}"));
        assertEquals("ValidationException: One or more parameter values were invalid: An string set  may not be empty",
                error("{'M':{'x':{'SS':[]}}}"));
    }

    @Test
    void duplicateSetMembersAreRejected() {
        assertEquals("ValidationException: One or more parameter values were invalid: Input collection [a, a]"
                + " contains duplicates.", error("{'SS':['a','a']}"));
        assertEquals("ValidationException: Input collection contains duplicates", error("{'NS':['1','1.0']}"));
        assertEquals("ValidationException: One or more parameter values were invalid: Input collection [Yg==, Yg==]of"
                + " type BS contains duplicates.", error("{'BS':['Yg==','Yg==']}"));
    }

    @Test
    void badNumbersAndShapes() {
        assertEquals("ValidationException: The parameter cannot be converted to a numeric value: x", error("{'N':'x'}"));
        assertEquals("ValidationException: The parameter cannot be converted to a numeric value", error("{'N':''}"));
        assertEquals("ValidationException: The parameter cannot be converted to a numeric value: x",
                error("{'NS':['1','x']}"));
        assertEquals("SerializationException: NUMBER_VALUE cannot be converted to String", error("{'S':1}"));
        assertEquals("SerializationException: NUMBER_VALUE cannot be converted to String", error("{'N':1}"));
    }

    @Test
    void nestingDepthIsLimited() {
        String deep = "{'S':'x'}";
        for (int i = 0; i < 32; i++) {
            deep = "{'L':[" + deep + "]}";
        }
        AttributeValues.fromJson(json(deep));
        String tooDeep = "{'L':[" + deep + "]}";
        assertEquals("ValidationException: Nesting Levels have exceeded supported limits", error(tooDeep));
    }

    @Test
    void expressionValuesWrapTheReason() {
        AwsException e = assertThrows(AwsException.class,
                () -> AttributeValues.expressionValuesFromJson(json("{':a':{'S':'x'},':b':{'SS':[]}}")));
        assertEquals("ExpressionAttributeValues contains invalid value: One or more parameter values were invalid:"
                + " An string set  may not be empty for key :b", e.getMessage());
    }

    @Test
    void equalitySemantics() {
        assertEquals(new AttributeValue.B(new byte[] {1, 2}), new AttributeValue.B(new byte[] {1, 2}));
        assertEquals(new AttributeValue.B(new byte[] {1, 2}).hashCode(), new AttributeValue.B(new byte[] {1, 2}).hashCode());
        assertEquals(new AttributeValue.SS(List.of("a", "b")), new AttributeValue.SS(List.of("b", "a")));
        assertEquals(new AttributeValue.BS(List.of(new byte[] {1}, new byte[] {2})),
                new AttributeValue.BS(List.of(new byte[] {2}, new byte[] {1})));
        assertNotEquals(new AttributeValue.L(List.of(AttributeValue.s("a"), AttributeValue.s("b"))),
                new AttributeValue.L(List.of(AttributeValue.s("b"), AttributeValue.s("a"))));
        assertNotEquals(AttributeValue.s("1"), AttributeValue.n(1));
    }
}
