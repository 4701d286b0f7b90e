package dev.cloudjar.services.dynamodb.expression;

import static dev.cloudjar.services.dynamodb.expression.Fixtures.check;
import static dev.cloudjar.services.dynamodb.expression.Fixtures.ctx;
import static dev.cloudjar.services.dynamodb.expression.Fixtures.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConditionExpressionTest {
    private static final String ITEM = "{'pk':{'S':'p'},'n':{'N':'10'},'s':{'S':'hello'},'b':{'B':'AQID'},"
            + "'t':{'BOOL':true},'z':{'NULL':true},'l':{'L':[{'S':'x'},{'N':'2'},{'M':{'deep':{'S':'d'}}}]},"
            + "'m':{'M':{'a':{'M':{'b':{'N':'5'}}},'lst':{'L':[{'N':'1'}]}}},'ss':{'SS':['a','b']},"
            + "'ns':{'NS':['1','2']},'bs':{'BS':['AQ==']},'e':{'S':''}}";

    private static boolean test(String condition, String values, String... names) {
        return check(condition, values, ITEM, names);
    }

    @Test
    void comparatorsOnEachScalarType() {
        assertTrue(test("n = :v", "{':v':{'N':'10.0'}}"));
        assertTrue(test("n <> :v", "{':v':{'N':'11'}}"));
        assertTrue(test("n < :v", "{':v':{'N':'9.99E+1'}}"));
        assertTrue(test("n <= :v", "{':v':{'N':'10'}}"));
        assertTrue(test("n > :v", "{':v':{'N':'-3'}}"));
        assertTrue(test("n >= :v", "{':v':{'N':'10'}}"));
        assertFalse(test("n > :v", "{':v':{'N':'10'}}"));
        assertTrue(test("s > :v", "{':v':{'S':'a'}}"));
        assertTrue(test("b < :v", "{':v':{'B':'/w=='}}"), "unsigned: 0x01 < 0xff");
        assertFalse(test("n < :v", "{':v':{'S':'z'}}"), "type mismatch is false");
        assertTrue(test("n <> :v", "{':v':{'S':'10'}}"), "different types are not equal");
        assertTrue(test("t = :v", "{':v':{'BOOL':true}}"));
        assertTrue(test("z = :v", "{':v':{'NULL':true}}"));
        assertTrue(test("ss = :v", "{':v':{'SS':['b','a']}}"), "sets compare as sets");
        assertTrue(test("m.a = :v", "{':v':{'M':{'b':{'N':'5'}}}}"));
        assertTrue(test("l = :v", "{':v':{'L':[{'S':'x'},{'N':'2'},{'M':{'deep':{'S':'d'}}}]}}"));
        assertTrue(test("n > m.a.b", null), "path against path");
        assertTrue(test("(n) = (:v)", "{':v':{'N':'10'}}"), "parenthesized operands");
        assertTrue(test("(size(s)) > :v AND (n = :w)", "{':v':{'N':'1'},':w':{'N':'10'}}"));
    }

    @Test
    void missingAttributes() {
        assertFalse(test("absent = :v", "{':v':{'N':'1'}}"));
        assertTrue(test("absent <> :v", "{':v':{'N':'1'}}"));
        assertFalse(test("absent < :v", "{':v':{'N':'1'}}"));
        assertTrue(test("NOT absent < :v", "{':v':{'N':'1'}}"));
        assertTrue(check("attribute_not_exists(pk)", null, null), "absent item");
    }

    @Test
    void nestedPathsAndPlaceholders() {
        assertTrue(test("m.a.b = :v", "{':v':{'N':'5'}}"));
        assertTrue(test("l[2].deep = :v", "{':v':{'S':'d'}}"));
        assertTrue(test("#m.#a.#b = :v", "{':v':{'N':'5'}}", "#m", "m", "#a", "a", "#b", "b"));
        assertTrue(test("m.lst[0] = :v", "{':v':{'N':'1'}}"));
        assertFalse(test("l[7] = :v", "{':v':{'S':'x'}}"));
        assertFalse(test("s.x = :v", "{':v':{'S':'x'}}"), "descending into a string");
        assertTrue(check("#dotted = :v", "{':v':{'N':'1'}}", "{'a.b':{'N':'1'}}", "#dotted", "a.b"),
                "a placeholder name is one attribute even with a dot");
    }

    @Test
    void precedenceNotAndOr() {
        // NOT binds tighter than AND, AND tighter than OR.
        assertTrue(test("n = :ten OR n = :one AND n = :one", "{':ten':{'N':'10'},':one':{'N':'1'}}"));
        assertFalse(test("(n = :ten OR n = :one) AND n = :one", "{':ten':{'N':'10'},':one':{'N':'1'}}"));
        assertTrue(test("NOT n = :one AND n = :ten", "{':ten':{'N':'10'},':one':{'N':'1'}}"));
        assertFalse(test("NOT (n = :one OR n = :ten)", "{':ten':{'N':'10'},':one':{'N':'1'}}"));
        assertTrue(test("NOT NOT n = :ten", "{':ten':{'N':'10'}}"));
        assertTrue(test("n = :ten and not n = :one or s = :one", "{':ten':{'N':'10'},':one':{'N':'1'}}"),
                "keywords are case-insensitive");
    }

    @Test
    void betweenAndIn() {
        assertTrue(test("n BETWEEN :a AND :b", "{':a':{'N':'1'},':b':{'N':'10'}}"));
        assertFalse(test("n BETWEEN :a AND :b", "{':a':{'N':'11'},':b':{'N':'20'}}"));
        assertTrue(test("s between :a and :b", "{':a':{'S':'a'},':b':{'S':'z'}}"));
        assertTrue(test("n IN (:a, :b)", "{':a':{'N':'1'},':b':{'N':'10'}}"));
        assertFalse(test("n IN (:a)", "{':a':{'N':'1'}}"));
        assertTrue(test("n BETWEEN :a AND :b AND s = :s", "{':a':{'N':'1'},':b':{'N':'10'},':s':{'S':'hello'}}"));
    }

    @Test
    void functions() {
        assertTrue(test("attribute_exists(m.a.b)", null));
        assertFalse(test("attribute_exists(m.a.c)", null));
        assertTrue(test("attribute_not_exists(nope)", null));
        assertTrue(test("attribute_type(ns, :t)", "{':t':{'S':'NS'}}"));
        assertFalse(test("attribute_type(ns, :t)", "{':t':{'S':'SS'}}"));
        assertTrue(test("begins_with(s, :p)", "{':p':{'S':'he'}}"));
        assertTrue(test("begins_with(b, :p)", "{':p':{'B':'AQ=='}}"));
        assertFalse(test("begins_with(n, :p)", "{':p':{'S':'1'}}"));
        assertTrue(test("contains(s, :p)", "{':p':{'S':'ell'}}"));
        assertTrue(test("contains(ss, :p)", "{':p':{'S':'a'}}"));
        assertFalse(test("contains(ss, :p)", "{':p':{'S':'c'}}"));
        assertTrue(test("contains(ns, :p)", "{':p':{'N':'2.0'}}"));
        assertTrue(test("contains(bs, :p)", "{':p':{'B':'AQ=='}}"));
        assertTrue(test("contains(l, :p)", "{':p':{'S':'x'}}"));
        assertTrue(test("contains(b, :p)", "{':p':{'B':'AgM='}}"));
        assertTrue(test("size(s) = :v", "{':v':{'N':'5'}}"));
        assertTrue(test("size(e) = :v", "{':v':{'N':'0'}}"));
        assertTrue(check("size(u) = :v", "{':v':{'N':'9'}}", "{'u':{'S':'é€😀'}}"), "strings measure UTF-8 bytes");
        assertTrue(test("size(b) = :v", "{':v':{'N':'3'}}"));
        assertTrue(test("size(ss) = :v", "{':v':{'N':'2'}}"));
        assertTrue(test("size(l) > :v", "{':v':{'N':'2'}}"));
        assertTrue(test("size(m) = :v", "{':v':{'N':'2'}}"));
        assertFalse(test("size(n) = :v", "{':v':{'N':'2'}}"), "size of a number is undefined");
        assertTrue(test("size(s) BETWEEN :a AND :b", "{':a':{'N':'1'},':b':{'N':'5'}}"));
    }

    @Test
    void syntaxErrors() {
        assertEquals("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"",
                error(() -> ctx("{':v':{'N':'1'}}").condition("a =")));
        assertEquals("Invalid ConditionExpression: Syntax error; token: \":v\", near: \"a :v\"",
                error(() -> ctx("{':v':{'N':'1'}}").condition("a :v")));
        assertEquals("Invalid FilterExpression: Syntax error; token: \")\", near: \"= )\"",
                error(() -> ctx(null).filter("(a = )")));
        assertEquals("Invalid ConditionExpression: Syntax error; token: \"$\", near: \"= $\"",
                error(() -> ctx(null).condition("a = $")));
        assertEquals("Invalid ConditionExpression: The expression can not be empty;", error(() -> ctx(null).condition(" ")));
    }

    @Test
    void semanticErrors() {
        String v = "{':v':{'N':'1'}}";
        assertEquals("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name",
                error(() -> ctx(v).condition("name = :v")));
        assertEquals("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Size",
                error(() -> ctx(v).condition("a.Size = :v")));
        assertEquals("Invalid ConditionExpression: An expression attribute value used in expression is not defined;"
                + " attribute value: :x", error(() -> ctx(v).condition("a = :x")));
        assertEquals("Invalid ConditionExpression: An expression attribute name used in the document path is not"
                + " defined; attribute name: #n", error(() -> ctx(v).condition("#n = :v")));
        assertEquals("Invalid ConditionExpression: Invalid function name; function: foo",
                error(() -> ctx(v).condition("foo(a)")));
        assertEquals("Invalid ConditionExpression: Incorrect number of operands for operator or function; operator"
                + " or function: begins_with, number of operands: 1", error(() -> ctx(null).condition("begins_with(a)")));
        assertEquals("Invalid ConditionExpression: Operator or function requires a document path; operator or"
                + " function: attribute_exists", error(() -> ctx(v).condition("attribute_exists(:v)")));
        assertEquals("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or"
                + " function: begins_with, operand type: N", error(() -> ctx(v).condition("begins_with(a, :v)")));
        assertEquals("Invalid ConditionExpression: Invalid attribute type name found; type: X, valid types:"
                + " {B,NULL,SS,BOOL,L,BS,N,NS,S,M}",
                error(() -> ctx("{':t':{'S':'X'}}").condition("attribute_type(a, :t)")));
        assertEquals("Invalid ConditionExpression: The function is not allowed to be used this way in an"
                + " expression; function: size", error(() -> ctx(null).condition("size(a)")));
        assertEquals("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or"
                + " function: size, operand type: N", error(() -> ctx(v).condition("size(:v) = :v")));
        assertEquals("Invalid ConditionExpression: The function is not allowed in a condition expression;"
                + " function: if_not_exists", error(() -> ctx(v).condition("if_not_exists(a, :v) = :v")));
        assertEquals("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or"
                + " function: <, operand type: BOOL", error(() -> ctx("{':b':{'BOOL':true}}").condition("a < :b")));
        assertEquals("Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or"
                + " equal to lower bound; lower bound operand: AttributeValue: {N:10}, upper bound operand:"
                + " AttributeValue: {N:1}",
                error(() -> ctx("{':a':{'N':'10'},':b':{'N':'1'}}").condition("a BETWEEN :a AND :b")));
        assertEquals("Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper"
                + " bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}",
                error(() -> ctx("{':a':{'N':'1'},':b':{'S':'a'}}").condition("a BETWEEN :a AND :b")));
        assertEquals("Invalid ConditionExpression: The expression has redundant parentheses;",
                error(() -> ctx(v).condition("((a = :v))")));
        assertTrue(check("(a = :v) AND (a = :v)", v, "{'a':{'N':'1'}}"), "sibling groups are not redundant");
    }

    @Test
    void misusedFunctionsAndIdenticalOperands() {
        String v = "{':v':{'N':'1'}}";
        assertEquals("Invalid ConditionExpression: The function is not allowed to be used this way in an expression;"
                + " function: attribute_exists", error(() -> ctx(v).condition("attribute_exists(a) < :v")));
        assertEquals("Invalid ConditionExpression: The function is not allowed to be used this way in an expression;"
                + " function: contains", error(() -> ctx(v).condition("begins_with(contains(a, :v), :v)")));
        assertEquals("Invalid ConditionExpression: The first operand must be distinct from the remaining operands for"
                + " this operator or function; operator: contains, first operand: [data]",
                error(() -> ctx(null, "#d", "data").condition("contains(#d, #d)")));
        assertEquals("Invalid ConditionExpression: The first operand must be distinct from the remaining operands for"
                + " this operator or function; operator: =, first operand: [a, b, [1]]",
                error(() -> ctx(null).condition("a.b[1] = a.b[1]")));
        assertEquals("Invalid ConditionExpression: The expression has redundant parentheses;",
                error(() -> ctx(v).condition("((a)) = :v")));
    }

    @Test
    void severalProblemsReportTheOneAwsReportsFirst() {
        assertEquals("Invalid ConditionExpression: The expression has redundant parentheses;",
                error(() -> ctx(null).condition("((name = :undefined))")));
        assertEquals("Invalid ConditionExpression: Invalid function name; function: foo",
                error(() -> ctx(null).condition("foo(name) AND #x = :y")));
        assertEquals("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name",
                error(() -> ctx(null).condition("#x = :y AND name = :z")));
        assertEquals("Invalid ConditionExpression: An expression attribute name used in the document path is not"
                + " defined; attribute name: #x", error(() -> ctx(null).condition("begins_with(#x, :y, :z)")));
    }

    @Test
    void pathologicalNestingIsASyntaxErrorNotACrash() {
        String deep = "NOT ".repeat(500) + "a = :v";
        error(() -> ctx("{':v':{'N':'1'}}").condition(deep));
        String parens = "(".repeat(300) + "a = :v" + ")".repeat(300);
        error(() -> ctx("{':v':{'N':'1'}}").condition(parens));
    }

    @Test
    void syntaxErrorsWinOverSemanticErrors() {
        assertEquals("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"",
                error(() -> ctx(null).condition("name =")));
    }
}
