package dev.cloudjar.services.dynamodb.expression;

import static dev.cloudjar.services.dynamodb.expression.Fixtures.ctx;
import static dev.cloudjar.services.dynamodb.expression.Fixtures.error;
import static dev.cloudjar.services.dynamodb.expression.Fixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.core.Utf8Order;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.KeyOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyConditionTest {
    private static final KeySchema SCHEMA = new KeySchema("pk", "S", "sk", "N");
    private static final String VALUES = "{':p':{'S':'a'},':lo':{'N':'1'},':hi':{'N':'5'}}";

    private static KeyCondition key(String expression, String values, String... names) {
        ExpressionContext ctx = ctx(values, names);
        KeyCondition kc = ctx.keyCondition(expression, SCHEMA);
        ctx.checkUsage("KeyConditionExpression", "FilterExpression");
        return kc;
    }

    @Test
    void hashOnlyAndEveryRangeOperator() {
        KeyCondition hashOnly = key("pk = :p", "{':p':{'S':'a'}}");
        assertEquals("pk", hashOnly.hashAttribute());
        assertEquals(AttributeValue.s("a"), hashOnly.hashValue());
        assertNull(hashOnly.range());
        for (String op : List.of("=", "<", "<=", ">", ">=")) {
            KeyCondition kc = key("pk = :p AND sk " + op + " :lo", "{':p':{'S':'a'},':lo':{'N':'1'}}");
            assertEquals("sk", kc.range().attribute());
        }
        KeyCondition between = key("#k = :p and #s between :lo and :hi", VALUES, "#k", "pk", "#s", "sk");
        assertEquals(RangeCondition.Op.BETWEEN, between.range().op());
        assertTrue(between.matches(item("{'pk':{'S':'a'},'sk':{'N':'3'}}")));
        assertFalse(between.matches(item("{'pk':{'S':'a'},'sk':{'N':'6'}}")));
        KeyCondition flipped = key(":lo < sk AND :p = pk", "{':p':{'S':'a'},':lo':{'N':'1'}}");
        assertEquals(RangeCondition.Op.GT, flipped.range().op());
        KeyCondition prefix = ctx("{':p':{'S':'a'},':x':{'S':'ab'}}").keyCondition("pk = :p AND begins_with(sk, :x)",
                new KeySchema("pk", "S", "sk", "S"));
        assertEquals(RangeCondition.Op.BEGINS_WITH, prefix.range().op());
        assertTrue(prefix.matches(item("{'pk':{'S':'a'},'sk':{'S':'abc'}}")));
        assertTrue(key("(pk = :p) AND (sk > :lo)", "{':p':{'S':'a'},':lo':{'N':'1'}}").range() != null);
    }

    @Test
    void boundsSelectExactlyTheMatchingSortKeys() {
        List<String> sorted = List.of("-5", "-1", "0", "1", "1.5", "2", "5", "5.0001", "10");
        String[][] cases = {{"sk = :v", "1"}, {"sk < :v", "1"}, {"sk <= :v", "1"}, {"sk > :v", "1"}, {"sk >= :v", "1"}};
        for (String[] c : cases) {
            KeyCondition kc = key("pk = :p AND " + c[0], "{':p':{'S':'a'},':v':{'N':'" + c[1] + "'}}");
            checkBounds(kc.range(), sorted.stream().map(AttributeValue::n).toList());
        }
        checkBounds(key("pk = :p AND sk BETWEEN :lo AND :hi", VALUES).range(),
                sorted.stream().map(AttributeValue::n).toList());
        RangeCondition prefix = new RangeCondition("sk", RangeCondition.Op.BEGINS_WITH, List.of(AttributeValue.s("ab")));
        checkBounds(prefix, List.of("a", "ab", "ab\u0000", "abc", "ab😀", "ac", "b").stream().map(AttributeValue::s).toList());
        RangeCondition binaryPrefix = new RangeCondition("sk", RangeCondition.Op.BEGINS_WITH,
                List.of(new AttributeValue.B(new byte[] {1})));
        checkBounds(binaryPrefix, List.of(new byte[] {0}, new byte[] {1}, new byte[] {1, (byte) 0xff}, new byte[] {2})
                .stream().map(b -> (AttributeValue) new AttributeValue.B(b)).toList());
    }

    private static void checkBounds(RangeCondition range, List<? extends AttributeValue> keys) {
        String from = range.fromInclusive();
        String to = range.toExclusive();
        for (AttributeValue k : keys) {
            String enc = KeyOrder.sortableKey(k);
            boolean inSlice = (from == null || Utf8Order.compare(enc, from) >= 0)
                    && (to == null || Utf8Order.compare(enc, to) < 0);
            assertEquals(range.matches(k), inSlice, range + " on " + k);
        }
    }

    @Test
    void shapeErrors() {
        assertEquals("Query condition missed key schema element: pk", error(() -> key("sk = :lo", "{':lo':{'N':'1'}}")));
        assertEquals("Query key condition not supported", error(() -> key("pk > :p", "{':p':{'S':'a'}}")));
        assertEquals("Invalid operator used in KeyConditionExpression: OR",
                error(() -> key("pk = :p OR sk = :lo", "{':p':{'S':'a'},':lo':{'N':'1'}}")));
        assertEquals("Invalid operator used in KeyConditionExpression: NOT", error(() -> key("NOT pk = :p", "{':p':{'S':'a'}}")));
        assertEquals("Invalid operator used in KeyConditionExpression: contains",
                error(() -> key("pk = :p AND contains(sk, :lo)", "{':p':{'S':'a'},':lo':{'N':'1'}}")));
        assertEquals("Invalid operator used in KeyConditionExpression: <>",
                error(() -> key("pk = :p AND sk <> :lo", "{':p':{'S':'a'},':lo':{'N':'1'}}")));
        assertEquals("Invalid operator used in KeyConditionExpression: IN", error(() -> key("pk IN (:p)", "{':p':{'S':'a'}}")));
        assertEquals("Conditions can be of length 1 or 2 only",
                error(() -> key("pk = :p AND sk > :lo AND sk < :hi", VALUES)));
        assertEquals("KeyConditionExpressions must only contain one condition per key",
                error(() -> key("pk = :p AND pk = :p", "{':p':{'S':'a'}}")));
        assertEquals("Query condition missed key schema element: sk",
                error(() -> key("pk = :p AND extra = :p", "{':p':{'S':'a'}}")));
        assertEquals("Query key condition not supported", error(() -> ctx("{':p':{'S':'a'}}")
                .keyCondition("pk = :p AND extra = :p", KeySchema.of("pk", null))));
        assertEquals("One or more parameter values were invalid: Condition parameter type does not match schema type",
                error(() -> key("pk = :lo", "{':lo':{'N':'1'}}")));
        assertEquals("Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or"
                + " function: begins_with, operand type: N",
                error(() -> key("pk = :p AND begins_with(sk, :lo)", "{':p':{'S':'a'},':lo':{'N':'1'}}")));
        assertEquals("Invalid KeyConditionExpression: KeyConditionExpressions cannot have conditions on nested attributes",
                error(() -> key("pk = :p AND sk.x = :lo", "{':p':{'S':'a'},':lo':{'N':'1'}}")));
        assertEquals("Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or"
                + " equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand:"
                + " AttributeValue: {N:1}", error(() -> key("pk = :p AND sk BETWEEN :hi AND :lo", VALUES)));
        assertEquals("Invalid KeyConditionExpression: Attribute name is a reserved keyword; reserved keyword: key",
                error(() -> key("key = :p", "{':p':{'S':'a'}}")));
    }

    @Test
    void legacyKeyConditions() {
        KeyCondition kc = LegacyExpressions.keyConditions(Map.of(
                "pk", new LegacyCondition("EQ", List.of(AttributeValue.s("a"))),
                "sk", new LegacyCondition("BETWEEN", List.of(AttributeValue.n(1), AttributeValue.n(3)))), SCHEMA);
        assertEquals(AttributeValue.s("a"), kc.hashValue());
        assertEquals(RangeCondition.Op.BETWEEN, kc.range().op());
        assertEquals("Attempted conditional constraint is not an indexable operation",
                error(() -> LegacyExpressions.keyConditions(Map.of("pk",
                        new LegacyCondition("NE", List.of(AttributeValue.s("a")))), SCHEMA)));
    }
}
