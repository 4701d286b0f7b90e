package dev.cloudjar.services.dynamodb.expression.partiql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartiQLTest {

    private static Map<String, AttributeValue> item(Object... kv) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (AttributeValue) kv[i + 1]);
        }
        return m;
    }

    @Test
    void selectStarWithKeyAndFilter() {
        PartiQLStatement.Select s = (PartiQLStatement.Select) PartiQL.parse(
                "SELECT * FROM \"Music\" WHERE Artist = ? AND Year > 1990", List.of(AttributeValue.s("Acme")));
        assertEquals("Music", s.table());
        assertNull(s.index());
        assertNull(s.projection());
        assertEquals(Map.of("Artist", AttributeValue.s("Acme")), s.keyEqualities());
        assertTrue(s.where().evaluate(item("Artist", AttributeValue.s("Acme"), "Year", AttributeValue.n(2000))));
        assertFalse(s.where().evaluate(item("Artist", AttributeValue.s("Acme"), "Year", AttributeValue.n(1980))));
    }

    @Test
    void selectProjectionFromIndex() {
        PartiQLStatement.Select s = (PartiQLStatement.Select) PartiQL.parse(
                "select a, \"b c\".d[1] from \"t\".\"byB\"", List.of());
        assertEquals("byB", s.index());
        assertEquals(2, s.projection().paths().size());
        assertNull(s.where());
    }

    @Test
    void insertValueWithEveryLiteral() {
        PartiQLStatement.Insert ins = (PartiQLStatement.Insert) PartiQL.parse(
                "INSERT INTO \"t\" VALUE {'pk': 'a', 'n': 1.50, 'neg': -2, 'b': true, 'z': null, 'l': [1, 'two'],"
                        + " 'm': {'k': ?}, 'ss': <<'x', 'y'>>, 'ns': <<1, 2>>, 'q': 'it''s'}",
                List.of(AttributeValue.n(7)));
        Map<String, AttributeValue> i = ins.item();
        assertEquals(AttributeValue.s("a"), i.get("pk"));
        assertEquals(AttributeValue.n("1.5"), i.get("n"));
        assertEquals(AttributeValue.n(-2), i.get("neg"));
        assertEquals(AttributeValue.BOOL.TRUE, i.get("b"));
        assertEquals(AttributeValue.NULL.INSTANCE, i.get("z"));
        assertEquals(new AttributeValue.L(List.of(AttributeValue.n(1), AttributeValue.s("two"))), i.get("l"));
        assertEquals(new AttributeValue.M(Map.of("k", AttributeValue.n(7))), i.get("m"));
        assertEquals(new AttributeValue.SS(List.of("y", "x")), i.get("ss"));
        assertEquals(new AttributeValue.NS(List.of("1", "2")), i.get("ns"));
        assertEquals(AttributeValue.s("it's"), i.get("q"));
    }

    @Test
    void updateSetRemoveWhere() {
        PartiQLStatement.Update u = (PartiQLStatement.Update) PartiQL.parse(
                "UPDATE \"t\" SET a = ? SET n = n + 1 REMOVE old WHERE pk = ? AND sk = 'x'",
                List.of(AttributeValue.s("v"), AttributeValue.s("k")));
        assertEquals(Map.of("pk", AttributeValue.s("k"), "sk", AttributeValue.s("x")), u.keyEqualities());
        Map<String, AttributeValue> result = u.update().apply(item("pk", AttributeValue.s("k"), "n", AttributeValue.n(1),
                "old", AttributeValue.s("gone"))).newItem();
        assertEquals(AttributeValue.s("v"), result.get("a"));
        assertEquals(AttributeValue.n(2), result.get("n"));
        assertFalse(result.containsKey("old"));
    }

    @Test
    void updateFunctions() {
        PartiQLStatement.Update u = (PartiQLStatement.Update) PartiQL.parse(
                "UPDATE t SET l = list_append(l, [3]) SET tags = set_add(tags, <<'b'>>) SET gone = set_delete(gone, <<1>>)"
                        + " SET c = if_not_exists(c, 0) WHERE pk = 'k'", List.of());
        Map<String, AttributeValue> out = u.update().apply(item("pk", AttributeValue.s("k"),
                "l", new AttributeValue.L(List.of(AttributeValue.n(1))), "tags", new AttributeValue.SS(List.of("a")),
                "gone", new AttributeValue.NS(List.of("1")))).newItem();
        assertEquals(new AttributeValue.L(List.of(AttributeValue.n(1), AttributeValue.n(3))), out.get("l"));
        assertEquals(new AttributeValue.SS(List.of("a", "b")), out.get("tags"));
        assertFalse(out.containsKey("gone"));
        assertEquals(AttributeValue.n(0), out.get("c"));
    }

    @Test
    void deleteAndConditions() {
        PartiQLStatement.Delete d = (PartiQLStatement.Delete) PartiQL.parse(
                "DELETE FROM t WHERE pk = ? AND (flag IS MISSING OR begins_with(name, 'ab')) AND n IN [1, 2];",
                List.of(AttributeValue.s("k")));
        assertEquals(Map.of("pk", AttributeValue.s("k")), d.keyEqualities());
        assertTrue(d.where().evaluate(item("pk", AttributeValue.s("k"), "n", AttributeValue.n(2))));
        assertFalse(d.where().evaluate(item("pk", AttributeValue.s("k"), "n", AttributeValue.n(3))));
        assertTrue(d.where().evaluate(item("pk", AttributeValue.s("k"), "flag", AttributeValue.BOOL.TRUE,
                "name", AttributeValue.s("abc"), "n", AttributeValue.n(1))));
    }

    @Test
    void errors() {
        AwsException count = assertThrows(AwsException.class,
                () -> PartiQL.parse("SELECT * FROM t WHERE pk = ?", List.of()));
        assertEquals("Number of parameters in request and statement don't match.", count.getMessage());
        AwsException extra = assertThrows(AwsException.class,
                () -> PartiQL.parse("SELECT * FROM t", List.of(AttributeValue.s("x"))));
        assertEquals("Number of parameters in request and statement don't match.", extra.getMessage());
        AwsException bad = assertThrows(AwsException.class, () -> PartiQL.parse("SELEKT * FROM t", List.of()));
        assertEquals("ValidationException", bad.code());
        assertTrue(bad.getMessage().startsWith("Statement wasn't well formed, can't be processed:"));
        assertThrows(AwsException.class, () -> PartiQL.parse("DELETE FROM t", List.of()));
        assertThrows(AwsException.class, () -> PartiQL.parse("INSERT INTO t VALUE [1]", List.of()));
    }
}
