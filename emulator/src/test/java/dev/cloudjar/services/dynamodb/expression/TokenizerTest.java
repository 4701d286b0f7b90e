package dev.cloudjar.services.dynamodb.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static String kinds(String source) {
        List<Token> tokens = Tokenizer.tokenize(source);
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            boolean word = t.is(Token.Type.IDENTIFIER) || t.is(Token.Type.NUMBER) || t.is(Token.Type.NAME_PLACEHOLDER)
                    || t.is(Token.Type.VALUE_PLACEHOLDER);
            sb.append(t.type()).append(word ? "(" + t.text() + ")" : "").append(' ');
        }
        return sb.toString().trim();
    }

    @Test
    void everyTokenType() {
        assertEquals("IDENTIFIER(a_1) DOT IDENTIFIER(b) LBRACKET NUMBER(12) RBRACKET NE VALUE_PLACEHOLDER(:v_2) EOF",
                kinds("a_1.b[12] <> :v_2"));
        assertEquals("NAME_PLACEHOLDER(#n) LE IDENTIFIER(x) GE IDENTIFIER(y) LT GT EQ PLUS MINUS COMMA LPAREN RPAREN EOF",
                kinds("#n<=x>=y < > = + - , ( )"));
        assertEquals("EOF", kinds("  \t\n "));
    }

    @Test
    void positionsFeedNearInErrors() {
        List<Token> tokens = Tokenizer.tokenize("ab  = :v");
        assertEquals(0, tokens.get(0).start());
        assertEquals(4, tokens.get(1).start());
        assertEquals(8, tokens.get(3).start());
    }

    @Test
    void unknownCharactersBecomeTokensTheParserRejects() {
        assertEquals("IDENTIFIER(a) EQ UNKNOWN EOF", kinds("a = @"));
        assertEquals("UNKNOWN UNKNOWN IDENTIFIER(typename) EOF", kinds("__typename"));
        assertEquals("IDENTIFIER(hits) UNKNOWN IDENTIFIER(incr) EOF", kinds("hits : incr"));
        assertEquals("NUMBER(123) IDENTIFIER(a) EOF", kinds("123a"));
        assertEquals("Invalid UpdateExpression: Syntax error; token: \"123\", near: \"SET 123a\"",
                syntax(() -> Fixtures.ctx("{':v':{'N':'1'}}").update("SET 123a = :v")));
    }

    /** Messages observed from real DynamoDB (quoted in public bug reports). */
    @Test
    void syntaxErrorsMatchAwsTokenAndNear() {
        assertEquals("Invalid ConditionExpression: Syntax error; token: \"@\", near: \"= @\"",
                syntax(() -> Fixtures.ctx(null).condition("a = @")));
        assertEquals("Invalid ConditionExpression: Syntax error; token: \"-\", near: \"a-b\"",
                syntax(() -> Fixtures.ctx(null).condition("a-b")));
        assertEquals("Invalid KeyConditionExpression: Syntax error; token: \"-\", near: \"GI-1\"",
                syntax(() -> Fixtures.ctx("{':v':{'S':'A'}}").keyCondition("GI-1-PK = :v", KeySchema.of("GI-1-PK", null))));
        assertEquals("Invalid ConditionExpression: Syntax error; token: \"_\", near: \"__\"",
                syntax(() -> Fixtures.ctx("{':__typename':{'S':'x'}}").condition("__typename <> :__typename")));
        assertEquals("Invalid ConditionExpression: Syntax error; token: \"_\", near: \"_version\"",
                syntax(() -> Fixtures.ctx("{':v':{'N':'1'}}").condition("_version = :v")));
        assertEquals("Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\"",
                syntax(() -> Fixtures.ctx("{':incr':{'N':'1'}}").update("ADD hits : incr")));
        assertEquals("Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"",
                syntax(() -> Fixtures.ctx("{':v':{'S':'v'}}").update("INVALID SYNTAX HERE")));
        assertEquals("Invalid UpdateExpression: Syntax error; token: \"1\", near: \"VALUE 1\"",
                syntax(() -> Fixtures.ctx(null).update("SET path = VALUE 1")));
        assertEquals("Invalid ProjectionExpression: Syntax error; token: \"-\", near: \"a-type\"",
                syntax(() -> Fixtures.ctx(null).projection("a-type")));
    }

    private static String syntax(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(ExpressionException.class, e).getMessage();
    }
}
