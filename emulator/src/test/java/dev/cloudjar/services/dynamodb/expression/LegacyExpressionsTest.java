package dev.cloudjar.services.dynamodb.expression;

import static dev.cloudjar.services.dynamodb.expression.Fixtures.error;
import static dev.cloudjar.services.dynamodb.expression.Fixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyExpressionsTest {
    private static final Map<String, AttributeValue> ITEM =
            item("{'n':{'N':'5'},'s':{'S':'hello'},'ss':{'SS':['a','b']},'l':{'L':[{'S':'x'}]}}");

    private static boolean filter(String attr, String op, AttributeValue... args) {
        return LegacyExpressions.filter(Map.of(attr, new LegacyCondition(op, List.of(args))), null).evaluate(ITEM);
    }

    @Test
    void everyComparisonOperator() {
        assertTrue(filter("n", "EQ", AttributeValue.n(5)));
        assertTrue(filter("n", "NE", AttributeValue.n(4)));
        assertTrue(filter("absent", "NE", AttributeValue.n(4)));
        assertTrue(filter("n", "LE", AttributeValue.n(5)));
        assertTrue(filter("n", "LT", AttributeValue.n(6)));
        assertTrue(filter("n", "GE", AttributeValue.n(5)));
        assertTrue(filter("n", "GT", AttributeValue.n(4)));
        assertTrue(filter("n", "NOT_NULL"));
        assertTrue(filter("absent", "NULL"));
        assertTrue(filter("s", "CONTAINS", AttributeValue.s("ell")));
        assertTrue(filter("ss", "CONTAINS", AttributeValue.s("a")));
        assertTrue(filter("ss", "NOT_CONTAINS", AttributeValue.s("c")));
        assertFalse(filter("absent", "NOT_CONTAINS", AttributeValue.s("c")));
        assertTrue(filter("s", "BEGINS_WITH", AttributeValue.s("he")));
        assertTrue(filter("n", "IN", AttributeValue.n(1), AttributeValue.n(5)));
        assertTrue(filter("n", "BETWEEN", AttributeValue.n(1), AttributeValue.n(5)));
        assertFalse(filter("n", "BETWEEN", AttributeValue.n(6), AttributeValue.n(9)));
    }

    @Test
    void conditionalOperator() {
        Map<String, LegacyCondition> two = new LinkedHashMap<>();
        two.put("n", new LegacyCondition("EQ", List.of(AttributeValue.n(1))));
        two.put("s", new LegacyCondition("EQ", List.of(AttributeValue.s("hello"))));
        assertFalse(LegacyExpressions.filter(two, null).evaluate(ITEM));
        assertFalse(LegacyExpressions.filter(two, "AND").evaluate(ITEM));
        assertTrue(LegacyExpressions.filter(two, "OR").evaluate(ITEM));
        assertNull(LegacyExpressions.filter(null, null));
    }

    @Test
    void validation() {
        assertEquals("The attempted filter operation is not supported for the provided filter argument count",
                error(() -> filter("n", "EQ")));
        assertEquals("The attempted filter operation is not supported for the provided filter argument count",
                error(() -> filter("n", "NULL", AttributeValue.n(1))));
        assertEquals("The attempted filter operation is not supported for the provided type",
                error(() -> filter("n", "LT", AttributeValue.BOOL.TRUE)));
        assertEquals("The attempted filter operation is not supported for the provided type",
                error(() -> filter("n", "BEGINS_WITH", AttributeValue.n(1))));
        assertEquals("One or more parameter values were invalid: Invalid number of argument(s) for the EQ"
                + " ComparisonOperator", error(() -> LegacyExpressions.expected(Map.of("n",
                        new ExpectedAttribute(null, null, "EQ", List.of())), null)));
        assertEquals("One or more parameter values were invalid: ComparisonOperator CONTAINS is not valid for SS"
                + " AttributeValue type", error(() -> LegacyExpressions.expected(Map.of("n",
                        new ExpectedAttribute(new AttributeValue.SS(List.of("a")), null, "CONTAINS", null)), null)));
        assertEquals("One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of"
                + " same type", error(() -> filter("n", "BETWEEN", AttributeValue.n(1), AttributeValue.s("a"))));
        assertEquals("The BETWEEN condition was provided a range where the lower bound is greater than the upper"
                + " bound", error(() -> filter("n", "BETWEEN", AttributeValue.n(9), AttributeValue.n(1))));
        assertEquals("One or more parameter values were invalid: ConditionalOperator can only be used when Filter or"
                + " Expected has two or more elements", error(() -> LegacyExpressions.filter(
                        Map.of("n", new LegacyCondition("EQ", List.of(AttributeValue.n(1)))), "OR")));
    }

    @Test
    void attributesToGet() {
        assertEquals(item("{'n':{'N':'5'},'s':{'S':'hello'}}"),
                LegacyExpressions.attributesToGet(List.of("n", "s", "absent")).apply(ITEM));
        assertEquals("One or more parameter values were invalid: Duplicate value in attribute name: n",
                error(() -> LegacyExpressions.attributesToGet(List.of("n", "n"))));
    }

    @Test
    void expected() {
        assertTrue(LegacyExpressions.expected(Map.of("n", new ExpectedAttribute(AttributeValue.n(5), null, null, null)),
                null).evaluate(ITEM));
        assertTrue(LegacyExpressions.expected(Map.of("absent", new ExpectedAttribute(null, false, null, null)), null)
                .evaluate(ITEM));
        assertFalse(LegacyExpressions.expected(Map.of("n", new ExpectedAttribute(null, false, null, null)), null)
                .evaluate(ITEM));
        assertTrue(LegacyExpressions.expected(Map.of("n", new ExpectedAttribute(null, null, "GT",
                List.of(AttributeValue.n(1)))), null).evaluate(ITEM));
        assertTrue(LegacyExpressions.expected(Map.of("pk", new ExpectedAttribute(null, false, null, null)), null)
                .evaluate(null), "missing item");
        assertEquals("One or more parameter values were invalid: Value cannot be used when Exists is false for"
                + " Attribute: n", error(() -> LegacyExpressions.expected(Map.of("n",
                        new ExpectedAttribute(AttributeValue.n(1), false, null, null)), null)));
        assertEquals("One or more parameter values were invalid: Value must be provided when Exists is true for"
                + " Attribute: n", error(() -> LegacyExpressions.expected(Map.of("n",
                        new ExpectedAttribute(null, true, null, null)), null)));
        assertTrue(LegacyExpressions.expected(Map.of("n", new ExpectedAttribute(AttributeValue.n(4), null, "GT", null)),
                null).evaluate(ITEM), "Value stands in for a one-element AttributeValueList");
        assertEquals("One or more parameter values were invalid: Value and AttributeValueList cannot be used together"
                + " for Attribute: n", error(() -> LegacyExpressions.expected(Map.of("n",
                        new ExpectedAttribute(AttributeValue.n(1), null, "EQ", List.of(AttributeValue.n(1)))), null)));
        assertEquals("One or more parameter values were invalid: Exists and ComparisonOperator cannot be used together"
                + " for Attribute: n", error(() -> LegacyExpressions.expected(Map.of("n",
                        new ExpectedAttribute(null, true, "NOT_NULL", null)), null)));
        assertEquals("One or more parameter values were invalid: AttributeValueList can only be used with a"
                + " ComparisonOperator for Attribute: n", error(() -> LegacyExpressions.expected(Map.of("n",
                        new ExpectedAttribute(null, null, null, List.of(AttributeValue.n(1)))), null)));
    }

    @Test
    void attributeUpdates() {
        Map<String, AttributeValueUpdate> updates = new LinkedHashMap<>();
        updates.put("s", new AttributeValueUpdate(AttributeValue.s("new"), null));
        updates.put("n", new AttributeValueUpdate(AttributeValue.n(2), "ADD"));
        updates.put("ss", new AttributeValueUpdate(new AttributeValue.SS(List.of("a")), "DELETE"));
        updates.put("l", new AttributeValueUpdate(new AttributeValue.L(List.of(AttributeValue.s("y"))), "ADD"));
        updates.put("gone", new AttributeValueUpdate(null, "DELETE"));
        updates.put("fresh", new AttributeValueUpdate(AttributeValue.n(1), "ADD"));
        Map<String, AttributeValue> out = LegacyExpressions.attributeUpdates(updates).apply(ITEM).newItem();
        assertEquals(AttributeValue.s("new"), out.get("s"));
        assertEquals(AttributeValue.n(7), out.get("n"));
        assertEquals(new AttributeValue.SS(List.of("b")), out.get("ss"));
        assertEquals(2, ((AttributeValue.L) out.get("l")).values().size());
        assertEquals(AttributeValue.n(1), out.get("fresh"));
        assertEquals("One or more parameter values were invalid: Only DELETE action is allowed when no attribute value"
                + " is specified", error(() -> LegacyExpressions.attributeUpdates(
                        Map.of("a", new AttributeValueUpdate(null, "PUT")))));
        assertEquals("One or more parameter values were invalid: ADD action is not supported for the type S",
                error(() -> LegacyExpressions.attributeUpdates(Map.of("a", new AttributeValueUpdate(AttributeValue.s("x"), "ADD")))));
    }
}
