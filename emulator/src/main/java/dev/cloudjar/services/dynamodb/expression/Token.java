package dev.cloudjar.services.dynamodb.expression;

/** One lexical token of an expression with its position in the source text (for "near" in errors). */
record Token(Type type, String text, int start, int end) {

    enum Type {
        IDENTIFIER, NAME_PLACEHOLDER, VALUE_PLACEHOLDER, NUMBER,
        EQ, NE, LT, LE, GT, GE, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT, PLUS, MINUS,
        /** A character no rule accepts; the parser reports it as a syntax error. */
        UNKNOWN,
        EOF
    }

    boolean is(Type t) {
        return type == t;
    }

    /** True for an identifier equal, ignoring case, to the keyword. */
    boolean isKeyword(String keyword) {
        return type == Type.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    boolean isComparator() {
        return type == Type.EQ || type == Type.NE || type == Type.LT || type == Type.LE
                || type == Type.GT || type == Type.GE;
    }

    /** How AWS shows the token in a syntax error. */
    String display() {
        return type == Type.EOF ? "<EOF>" : text;
    }
}
