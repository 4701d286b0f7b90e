package dev.cloudjar.services.dynamodb.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static String kinds(String source) {
        List<Token> tokens = Tokenizer.tokenize(source, ExpressionKind.CONDITION);
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
        List<Token> tokens = Tokenizer.tokenize("ab  = :v", ExpressionKind.CONDITION);
        assertEquals(0, tokens.get(0).start());
        assertEquals(4, tokens.get(1).start());
        assertEquals(8, tokens.get(3).start());
    }

    @Test
    void invalidCharactersAndBarePrefixes() {
        ExpressionException bad = assertThrows(ExpressionException.class,
                () -> Tokenizer.tokenize("a = @", ExpressionKind.CONDITION));
        assertEquals("Invalid ConditionExpression: Syntax error; token: \"@\", near: \"= @\"", bad.getMessage());
        ExpressionException colon = assertThrows(ExpressionException.class,
                () -> Tokenizer.tokenize("a = :", ExpressionKind.UPDATE));
        assertEquals("Invalid UpdateExpression: Syntax error; token: \":\", near: \"= :\"", colon.getMessage());
    }
}
