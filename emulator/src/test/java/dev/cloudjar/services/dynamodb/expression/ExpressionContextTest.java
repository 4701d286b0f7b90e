package dev.cloudjar.services.dynamodb.expression;

import static dev.cloudjar.services.dynamodb.expression.Fixtures.ctx;
import static dev.cloudjar.services.dynamodb.expression.Fixtures.error;
import static dev.cloudjar.services.dynamodb.expression.Fixtures.item;
import static dev.cloudjar.services.dynamodb.expression.Fixtures.names;
import static dev.cloudjar.services.dynamodb.expression.Fixtures.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionContextTest {

    @Test
    void unusedPlaceholdersAcrossAllExpressionsOfARequest() {
        ExpressionContext shared = ctx("{':c':{'N':'1'},':u':{'N':'2'}}", "#a", "a", "#b", "b");
        shared.condition("#a = :c");
        shared.update("SET #b = :u");
        shared.checkUsage("UpdateExpression", "ConditionExpression");

        ExpressionContext unusedValue = ctx("{':v':{'N':'1'},':w':{'N':'2'},':x':{'N':'3'}}");
        unusedValue.update("SET a = :v");
        assertEquals("Value provided in ExpressionAttributeValues unused in expressions: keys: {:w, :x}",
                error(() -> unusedValue.checkUsage("UpdateExpression", "ConditionExpression")));

        ExpressionContext unusedName = ctx("{':v':{'N':'1'}}", "#n", "n", "#a", "a");
        unusedName.condition("#a = :v");
        assertEquals("Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}",
                error(() -> unusedName.checkUsage("ConditionExpression")));
    }

    @Test
    void placeholdersWithoutExpressions() {
        assertEquals("ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null",
                error(() -> ctx("{':v':{'N':'1'}}").checkUsage("ConditionExpression")));
        assertEquals("ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and"
                + " ConditionExpression are null",
                error(() -> ctx("{':v':{'N':'1'}}").checkUsage("UpdateExpression", "ConditionExpression")));
        assertEquals("ExpressionAttributeNames can only be specified when using expressions",
                error(() -> ctx(null, "#a", "a").checkUsage("ConditionExpression")));
        ctx(null).checkUsage("ConditionExpression");
    }

    @Test
    void mapValidation() {
        assertEquals("ExpressionAttributeNames must not be empty",
                error(() -> new ExpressionContext(Map.of(), null).condition("a = b")));
        assertEquals("ExpressionAttributeValues must not be empty",
                error(() -> new ExpressionContext(null, Map.of()).update("SET a = b")));
        assertEquals("ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"",
                error(() -> new ExpressionContext(names("a", "b"), null).projection("x")));
        assertEquals("ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"",
                error(() -> new ExpressionContext(null, values("{'v':{'N':'1'}}")).filter("x = y")));
        // Without any expression AWS reports the maps as misplaced before looking inside them.
        assertEquals("ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and"
                + " ConditionExpression are null",
                error(() -> new ExpressionContext(null, Map.of()).checkUsage("UpdateExpression", "ConditionExpression")));
        assertEquals("ExpressionAttributeNames can only be specified when using expressions",
                error(() -> new ExpressionContext(Map.of(), Map.of()).checkUsage("ConditionExpression")));
    }

    @Test
    void legacyAndExpressionParametersDoNotMix() {
        assertEquals("Can not use both expression and non-expression parameters in the same request:"
                + " Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}",
                error(() -> ExpressionContext.checkNotMixed(List.of("AttributesToGet"), List.of("ProjectionExpression"))));
        ExpressionContext.checkNotMixed(List.of("AttributesToGet"), List.of());
    }

    @Test
    void projections() {
        var item = item("{'a':{'N':'1'},'b':{'M':{'c':{'S':'x'},'d':{'S':'y'}}},'l':{'L':[{'S':'0'},{'S':'1'},"
                + "{'M':{'q':{'N':'1'},'r':{'N':'2'}}}]},'z':{'S':'z'}}");
        ExpressionContext ctx = ctx(null, "#z", "z");
        Projection p = ctx.projection("a, b.c, l[2].r, l[0], #z, nope, b.nope");
        ctx.checkUsage("ProjectionExpression");
        assertEquals(item("{'a':{'N':'1'},'b':{'M':{'c':{'S':'x'}}},'l':{'L':[{'S':'0'},{'M':{'r':{'N':'2'}}}]},"
                + "'z':{'S':'z'}}"), p.apply(item));
        assertEquals(List.of("a", "b", "l", "z", "nope"), p.attributes());
        assertEquals("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or"
                + " rewrite one of these paths; path one: [b], path two: [b, c]", error(() -> ctx(null).projection("b, b.c")));
        assertEquals("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name",
                error(() -> ctx(null).projection("a, name")));
        assertEquals("Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"",
                error(() -> ctx(null).projection("a,")));
        assertEquals(item("{'a':{'N':'1'}}"), LegacyExpressions.attributesToGet(List.of("a", "absent")).apply(item));
    }

    @Test
    void reservedWordListIsComplete() {
        assertEquals(573, ReservedWords.count());
    }
}
