package dev.cloudjar.services.dynamodb.expression;

import static dev.cloudjar.services.dynamodb.expression.Fixtures.ctx;
import static dev.cloudjar.services.dynamodb.expression.Fixtures.error;
import static dev.cloudjar.services.dynamodb.expression.Fixtures.item;
import static dev.cloudjar.services.dynamodb.expression.Fixtures.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpdateExpressionTest {
    private static final String ITEM = "{'pk':{'S':'p'},'n':{'N':'10'},'s':{'S':'x'},"
            + "'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'},{'S':'d'}]},'m':{'M':{'a':{'N':'1'},'in':{'M':{}}}},"
            + "'ss':{'SS':['a','b']},'ns':{'NS':['1','2']}}";

    private static Map<String, AttributeValue> run(String expression, String values, String... names) {
        return update(expression, values, ITEM, names);
    }

    @Test
    void setArithmeticAndFunctions() {
        assertEquals(AttributeValue.n(15), run("SET n = n + :five", "{':five':{'N':'5'}}").get("n"));
        assertEquals(AttributeValue.n("9.5"), run("SET n = n - :h", "{':h':{'N':'0.5'}}").get("n"));
        assertEquals(AttributeValue.n(3), run("SET c = :a + :b", "{':a':{'N':'1'},':b':{'N':'2'}}").get("c"));
        assertEquals(AttributeValue.n(10), run("SET c = if_not_exists(n, :z)", "{':z':{'N':'0'}}").get("c"));
        assertEquals(AttributeValue.n(1), run("SET c = if_not_exists(c, :z) + :one",
                "{':z':{'N':'0'},':one':{'N':'1'}}").get("c"));
        AttributeValue appended = run("SET l = list_append(l, :more)", "{':more':{'L':[{'S':'e'}]}}").get("l");
        assertEquals(5, ((AttributeValue.L) appended).values().size());
        AttributeValue prepended = run("SET l = list_append(:more, l)", "{':more':{'L':[{'S':'z'}]}}").get("l");
        assertEquals(AttributeValue.s("z"), ((AttributeValue.L) prepended).values().get(0));
        AttributeValue created = run("SET nl = list_append(if_not_exists(nl, :empty), :more)",
                "{':empty':{'L':[]},':more':{'L':[{'S':'e'}]}}").get("nl");
        assertEquals(new AttributeValue.L(List.of(AttributeValue.s("e"))), created);
    }

    @Test
    void setReadsTheItemBeforeTheUpdate() {
        Map<String, AttributeValue> swapped = run("SET n = s, s = n", null);
        assertEquals(AttributeValue.s("x"), swapped.get("n"));
        assertEquals(AttributeValue.n(10), swapped.get("s"));
    }

    @Test
    void setNestedPathsAndListIndexes() {
        assertEquals(AttributeValue.n(2), ((AttributeValue.M) run("SET m.b = :v", "{':v':{'N':'2'}}").get("m"))
                .values().get("b"));
        Map<String, AttributeValue> deep = run("SET m.#in.x = :v", "{':v':{'N':'2'}}", "#in", "in");
        assertEquals(AttributeValue.n(2), ((AttributeValue.M) ((AttributeValue.M) deep.get("m")).values().get("in"))
                .values().get("x"));
        assertEquals(AttributeValue.s("B"), ((AttributeValue.L) run("SET l[1] = :v", "{':v':{'S':'B'}}").get("l"))
                .values().get(1));
        AttributeValue.L appended = (AttributeValue.L) run("SET l[99] = :v", "{':v':{'S':'Z'}}").get("l");
        assertEquals(5, appended.values().size(), "an index past the end appends");
        assertEquals(Documents.INVALID_PATH, error(() -> run("SET nope.x = :v", "{':v':{'S':'B'}}")));
        assertEquals(Documents.INVALID_PATH, error(() -> run("SET s.x = :v", "{':v':{'S':'B'}}")));
        assertEquals(Documents.INVALID_PATH, error(() -> run("SET m[0] = :v", "{':v':{'S':'B'}}")));
    }

    @Test
    void removeIncludingListElementsByOriginalIndex() {
        Map<String, AttributeValue> r = run("REMOVE s, m.a, l[1], l[3], nope", null);
        assertFalse(r.containsKey("s"));
        assertFalse(((AttributeValue.M) r.get("m")).values().containsKey("a"));
        assertEquals(List.of(AttributeValue.s("a"), AttributeValue.s("c")), ((AttributeValue.L) r.get("l")).values());
        assertEquals(4, ((AttributeValue.L) run("REMOVE l[9]", null).get("l")).values().size());
        assertEquals(item(ITEM), run("REMOVE m.nope, l[9]", null), "removing a missing leaf is a no-op");
        assertEquals(Documents.INVALID_PATH, error(() -> run("REMOVE nope.deeper", null)));
        assertEquals(Documents.INVALID_PATH, error(() -> run("REMOVE s.x", null)));
        assertEquals(Documents.INVALID_PATH, error(() -> run("REMOVE s[0]", null)));
        assertEquals(Map.of(), update("REMOVE x.y, z[0]", null, null), "REMOVE on a missing item is ignored");
    }

    @Test
    void listIndexesReferToOriginalPositionsAndAppendsSortByElementNumber() {
        String list = "{'pk':{'S':'p'},'a':{'L':[{'N':'2'},{'N':'3'},{'N':'4'},{'N':'5'},{'N':'6'},{'N':'7'}]}}";
        String expected = "{'pk':{'S':'p'},'a':{'L':[{'N':'2'},{'N':'4'},{'N':'17'},{'N':'6'},{'N':'7'}]}}";
        assertEquals(item(expected), update("REMOVE a[1] SET a[3] = :v", "{':v':{'N':'17'}}", list));
        assertEquals(item(expected), update("SET a[3] = :v REMOVE a[1]", "{':v':{'N':'17'}}", list));
        Map<String, AttributeValue> appended = update("SET a[84] = :v1, a[37] = :v2, a[17] = :v3, a[50] = :v4",
                "{':v1':{'S':'a1'},':v2':{'S':'a2'},':v3':{'S':'a3'},':v4':{'S':'a4'}}",
                "{'a':{'L':[{'S':'one'}]}}");
        assertEquals(item("{'a':{'L':[{'S':'one'},{'S':'a3'},{'S':'a2'},{'S':'a4'},{'S':'a1'}]}}"), appended);
    }

    @Test
    void addCreatesAndCombines() {
        assertEquals(AttributeValue.n(11), run("ADD n :one", "{':one':{'N':'1'}}").get("n"));
        assertEquals(AttributeValue.n(5), run("ADD tally :v", "{':v':{'N':'5'}}").get("tally"));
        assertEquals(new AttributeValue.SS(List.of("a", "b", "c")), run("ADD ss :v", "{':v':{'SS':['c','a']}}").get("ss"));
        assertEquals(new AttributeValue.NS(List.of("7")), run("ADD fresh :v", "{':v':{'NS':['7']}}").get("fresh"));
        Map<String, AttributeValue> onMissingItem = update("add accountBalance :val", "{':val':{'N':'100'}}", null);
        assertEquals(Map.of("accountBalance", AttributeValue.n(100)), onMissingItem);
        assertEquals(UpdateEvaluator.WRONG_TYPE, error(() -> run("ADD s :one", "{':one':{'N':'1'}}")));
        assertEquals(UpdateEvaluator.WRONG_TYPE, error(() -> run("ADD ss :v", "{':v':{'NS':['1']}}")));
    }

    @Test
    void deleteFromSets() {
        assertEquals(new AttributeValue.SS(List.of("b")), run("DELETE ss :v", "{':v':{'SS':['a','z']}}").get("ss"));
        assertFalse(run("DELETE ns :v", "{':v':{'NS':['1','2']}}").containsKey("ns"), "an emptied set is removed");
        assertFalse(run("DELETE nope :v", "{':v':{'NS':['1']}}").containsKey("nope"));
        assertEquals(UpdateEvaluator.WRONG_TYPE, error(() -> run("DELETE n :v", "{':v':{'NS':['1']}}")));
    }

    @Test
    void runtimeErrors() {
        assertEquals(UpdateEvaluator.MISSING, error(() -> run("SET c = nope + :one", "{':one':{'N':'1'}}")));
        assertEquals(UpdateEvaluator.MISSING, error(() -> run("SET c = list_append(nope, :l)", "{':l':{'L':[]}}")));
        assertEquals(UpdateEvaluator.WRONG_TYPE, error(() -> run("SET c = s + :one", "{':one':{'N':'1'}}")));
        assertEquals(UpdateEvaluator.WRONG_TYPE, error(() -> run("SET c = list_append(s, :l)", "{':l':{'L':[]}}")));
        assertEquals("Number overflow. Attempting to store a number with magnitude larger than supported range",
                error(() -> run("SET c = :big + :big", "{':big':{'N':'9E+125'}}")));
    }

    @Test
    void validationErrors() {
        String one = "{':one':{'N':'1'}}";
        assertEquals("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"x\"",
                error(() -> ctx(null).update("SET x")));
        assertEquals("Invalid UpdateExpression: Syntax error; token: \"UPSERT\", near: \"UPSERT x\"",
                error(() -> ctx(null).update("UPSERT x = :v")));
        assertEquals("Invalid UpdateExpression: Syntax error; token: \"+\", near: \":one + :one\"",
                error(() -> ctx(one).update("SET a = a + :one + :one")));
        assertEquals("Invalid UpdateExpression: Syntax error; token: \"b\", near: \"a b\"",
                error(() -> ctx(null).update("ADD a b")));
        assertEquals("Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;",
                error(() -> ctx(one).update("SET a = :one SET b = :one")));
        assertEquals("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite"
                + " one of these paths; path one: [a], path two: [a, b]",
                error(() -> ctx(one).update("SET a = :one REMOVE a.b")));
        assertEquals("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite"
                + " one of these paths; path one: [a], path two: [a]", error(() -> ctx(one).update("SET a = :one, a = :one")));
        assertEquals("Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite"
                + " one of these paths; path one: [a, [1]], path two: [a, b]",
                error(() -> ctx(one).update("SET a[1] = :one, a.b = :one")));
        assertEquals("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or"
                + " function: +, operand type: S", error(() -> ctx("{':s':{'S':'x'}}").update("SET a = a + :s")));
        assertEquals("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or"
                + " function: list_append, operand type: S",
                error(() -> ctx("{':s':{'S':'x'}}").update("SET a = list_append(a, :s)")));
        assertEquals("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD,"
                + " operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND",
                error(() -> ctx("{':s':{'S':'x'}}").update("ADD a :s")));
        assertEquals("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD,"
                + " operand type: MAP, typeSet: ALLOWED_FOR_ADD_OPERAND",
                error(() -> ctx("{':m':{'M':{}}}").update("ADD a :m")));
        assertEquals("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE,"
                + " operand type: NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND", error(() -> ctx(one).update("DELETE a :one")));
        assertEquals("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or"
                + " function: list_append, operand type: M",
                error(() -> ctx("{':m':{'M':{}}}").update("SET a = list_append(a, :m)")));
        assertEquals("Invalid UpdateExpression: Operator or function requires a document path; operator or"
                + " function: if_not_exists", error(() -> ctx(one).update("SET a = if_not_exists(:one, :one)")));
        assertEquals("Invalid UpdateExpression: The function is not allowed in an update expression; function: size",
                error(() -> ctx(null).update("SET a = size(b)")));
        assertEquals("Invalid UpdateExpression: The function is not allowed to be used this way in an expression;"
                + " function: list_append", error(() -> ctx("{':a':{'L':[]}}").update("SET a = list_append(list_append(:a, :a), :a)")));
        assertEquals("Invalid UpdateExpression: Syntax error; token: \"+\", near: \":one+:one\"",
                error(() -> ctx(one).update("SET c = if_not_exists(c, :one+:one)")));
        assertEquals(AttributeValue.n(2), update("SET b = if_not_exists(b, :one)+:one", one, "{'pk':{'S':'p'}}").get("b"));
        assertEquals("Invalid UpdateExpression: Invalid function name; function: foo",
                error(() -> ctx(null).update("SET a = foo(b)")));
        assertEquals("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: count",
                error(() -> ctx(one).update("SET count = :one")));
        assertEquals("Invalid UpdateExpression: An expression attribute value used in expression is not defined;"
                + " attribute value: :nope", error(() -> ctx(one).update("SET a = :nope")));
        assertEquals("Invalid UpdateExpression: The expression can not be empty;", error(() -> ctx(null).update("")));
        String big = "SET a = :one" + ", a = :one".repeat(410);
        assertEquals("Invalid UpdateExpression: Expression size has exceeded the maximum allowed size; expression size: "
                + big.length(), error(() -> ctx(one).update(big)));
        String deep = "SET a" + ".b".repeat(32) + " = :one";
        assertEquals("Invalid UpdateExpression: The document path has too many nesting levels; nesting levels: 33",
                error(() -> ctx(one).update(deep)));
    }

    @Test
    void parenthesesAndErrorOrder() {
        assertEquals(AttributeValue.n(11), run("SET n = (n + :one)", "{':one':{'N':'1'}}").get("n"));
        assertEquals(AttributeValue.n(11), run("SET n = (n) + (:one)", "{':one':{'N':'1'}}").get("n"));
        assertEquals("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name",
                error(() -> ctx(null).update("SET a = foo(b) SET name = :undefined")));
        assertEquals("Invalid UpdateExpression: Invalid function name; function: foo",
                error(() -> ctx(null).update("SET a = foo(b) SET c = :undefined")));
        assertEquals("Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;",
                error(() -> ctx(null).update("SET a = :u SET c = :undefined")));
    }

    @Test
    void keyAttributesCannotBeUpdated() {
        UpdatePlan plan = ctx("{':v':{'S':'x'}}").update("SET pk = :v");
        assertEquals("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part"
                + " of the key", error(() -> plan.checkKeyAttributes(Set.of("pk", "sk"))));
        ctx("{':v':{'S':'x'}}").update("SET extra = :v").checkKeyAttributes(Set.of("pk"));
    }

    @Test
    void updatedOldAndNewProjectTheTouchedPaths() {
        Map<String, AttributeValue> old = item(ITEM);
        ExpressionContext ctx = ctx("{':one':{'N':'1'},':v':{'N':'2'}}");
        UpdateResult result = ctx.update("SET n = n + :one, m.a = :v REMOVE s").apply(old);
        assertEquals(item("{'n':{'N':'11'},'m':{'M':{'a':{'N':'2'}}}}"), result.updatedNew());
        assertEquals(item("{'n':{'N':'10'},'m':{'M':{'a':{'N':'1'}}},'s':{'S':'x'}}"), result.updatedOld(old));
        UpdateResult appended = ctx("{':v':{'S':'e'}}").update("SET l[10] = :v").apply(old);
        assertEquals(item("{'l':{'L':[{'S':'e'}]}}"), appended.updatedNew(), "the appended element is returned");
        assertEquals(Map.of(), appended.updatedOld(old));
    }
}
