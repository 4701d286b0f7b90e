package dev.cloudjar.services.dynamodb.expression;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.AttributeValues;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** Compact builders for expression tests: JSON with single quotes for items and value maps. */
final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static Map<String, AttributeValue> item(String json) {
        try {
            return AttributeValues.itemFromJson(JSON.readTree(json.replace('\'', '"')));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Map<String, AttributeValue> values(String json) {
        return json == null ? null : item(json);
    }

    /** names("#a", "a", "#b", "b") */
    static Map<String, String> names(String... pairs) {
        if (pairs.length == 0) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static ExpressionContext ctx(String valuesJson, String... namePairs) {
        return new ExpressionContext(names(namePairs), values(valuesJson));
    }

    static String error(Executable e) {
        AwsException ex = assertThrows(AwsException.class, e);
        if (!"ValidationException".equals(ex.code()) || ex.status() != 400) {
            throw new AssertionError("unexpected code " + ex.code());
        }
        return ex.getMessage();
    }

    static boolean check(String condition, String valuesJson, String itemJson, String... namePairs) {
        ExpressionContext ctx = ctx(valuesJson, namePairs);
        Condition c = ctx.condition(condition);
        ctx.checkUsage("ConditionExpression");
        return c.evaluate(itemJson == null ? null : item(itemJson));
    }

    static Map<String, AttributeValue> update(String expression, String valuesJson, String itemJson, String... namePairs) {
        ExpressionContext ctx = ctx(valuesJson, namePairs);
        UpdatePlan plan = ctx.update(expression);
        ctx.checkUsage("UpdateExpression", "ConditionExpression");
        return plan.apply(itemJson == null ? null : item(itemJson)).newItem();
    }
}
