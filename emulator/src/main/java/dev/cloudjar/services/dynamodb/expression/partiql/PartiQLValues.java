package dev.cloudjar.services.dynamodb.expression.partiql;

import dev.cloudjar.services.dynamodb.expression.partiql.PartiQLLexer.Kind;
import dev.cloudjar.services.dynamodb.expression.partiql.PartiQLLexer.Tok;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PartiQL literals as AttributeValues: 'text', numbers, TRUE/FALSE/NULL, {tuples}, [lists], &lt;&lt;sets&gt;&gt;, ?. */
final class PartiQLValues {

    interface Source {
        Tok next();

        Tok peek();

        AttributeValue parameter();
    }

    private PartiQLValues() {
    }

    static AttributeValue value(Source in) {
        Tok t = in.next();
        switch (t.kind()) {
            case STRING:
                return AttributeValue.s(t.text());
            case NUMBER:
                return AttributeValue.n(t.text());
            case PARAM:
                return in.parameter();
            case WORD:
                if (t.isWord("TRUE") || t.isWord("FALSE")) {
                    return AttributeValue.BOOL.of(t.isWord("TRUE"));
                }
                if (t.isWord("NULL")) {
                    return AttributeValue.NULL.INSTANCE;
                }
                throw PartiQLParser.unexpected(t);
            case SYMBOL:
                return composite(in, t);
            default:
                throw PartiQLParser.unexpected(t);
        }
    }

    private static AttributeValue composite(Source in, Tok open) {
        switch (open.text()) {
            case "-": {
                Tok number = in.next();
                if (number.kind() != Kind.NUMBER) {
                    throw PartiQLParser.unexpected(number);
                }
                return AttributeValue.n("-" + number.text());
            }
            case "{": {
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                if (!in.peek().isSymbol("}")) {
                    do {
                        Tok key = in.next();
                        if (key.kind() != Kind.STRING && key.kind() != Kind.QUOTED_NAME) {
                            throw PartiQLParser.unexpected(key);
                        }
                        expect(in, ":");
                        map.put(key.text(), value(in));
                    } while (in.peek().isSymbol(",") && in.next() != null);
                }
                expect(in, "}");
                return new AttributeValue.M(map);
            }
            case "[": {
                List<AttributeValue> list = new ArrayList<>();
                if (!in.peek().isSymbol("]")) {
                    do {
                        list.add(value(in));
                    } while (in.peek().isSymbol(",") && in.next() != null);
                }
                expect(in, "]");
                return new AttributeValue.L(list);
            }
            case "<<": {
                List<AttributeValue> members = new ArrayList<>();
                do {
                    members.add(value(in));
                } while (in.peek().isSymbol(",") && in.next() != null);
                expect(in, ">>");
                return set(members);
            }
            default:
                throw PartiQLParser.unexpected(open);
        }
    }

    private static AttributeValue set(List<AttributeValue> members) {
        AttributeValue first = members.get(0);
        for (AttributeValue m : members) {
            if (!m.type().equals(first.type())) {
                throw PartiQL.malformed("Set members must all be of the same type");
            }
        }
        if (first instanceof AttributeValue.S) {
            return new AttributeValue.SS(members.stream().map(m -> ((AttributeValue.S) m).value()).toList());
        }
        if (first instanceof AttributeValue.N) {
            return new AttributeValue.NS(members.stream().map(m -> ((AttributeValue.N) m).value()).toList());
        }
        if (first instanceof AttributeValue.B) {
            return new AttributeValue.BS(members.stream().map(m -> ((AttributeValue.B) m).value()).toList());
        }
        throw PartiQL.malformed("Sets can hold only strings, numbers or binaries");
    }

    private static void expect(Source in, String symbol) {
        Tok t = in.next();
        if (!t.isSymbol(symbol)) {
            throw PartiQLParser.unexpected(t);
        }
    }
}
