package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.persistence.MapDbStateStore;
import dev.cloudjar.services.dynamodb.item.ExpressionParams;
import dev.cloudjar.services.dynamodb.item.ItemRequest;
import dev.cloudjar.services.dynamodb.item.WriteOptions;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.query.ReadRequest;
import dev.cloudjar.services.dynamodb.query.ReadResult;
import dev.cloudjar.services.dynamodb.table.AttributeDefinition;
import dev.cloudjar.services.dynamodb.table.CreateTableRequest;
import dev.cloudjar.services.dynamodb.table.IndexSpec;
import dev.cloudjar.services.dynamodb.table.KeyElement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Query order is DynamoDB's: numbers numerically, strings by UTF-8 bytes, binaries unsigned; on tables and indexes. */
class SortKeyOrderTest {
    static final Scope SCOPE = new Scope("000000000000", "us-east-1");
    DynamoDbBackend backend;
    EventBus events = new EventBus();

    @BeforeEach
    void start() {
        backend = new DynamoDbBackend(new ServiceContext(CloudJarConfig.defaults(), MapDbStateStore.inMemory(), events,
                Clock.systemUTC(), IdGenerator.random()));
    }

    @AfterEach
    void stop() {
        backend.close();
        events.close();
    }

    static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    void table(String name, String rangeType) {
        backend.createTable(SCOPE, new CreateTableRequest(name, List.of(new AttributeDefinition("pk", "S"),
                new AttributeDefinition("sk", rangeType), new AttributeDefinition("g", "S")),
                List.of(new KeyElement("pk", "HASH"), new KeyElement("sk", "RANGE")), null,
                List.of(new IndexSpec("by-g", List.of(new KeyElement("g", "HASH"), new KeyElement("sk", "RANGE")), "ALL", null, null)),
                "PAY_PER_REQUEST", null, null, null, null, null));
    }

    void put(String table, AttributeValue sk) {
        backend.putItem(SCOPE, new ItemRequest(table, Map.of("pk", AttributeValue.s("p"), "sk", sk, "g", AttributeValue.s("g")),
                ExpressionParams.NONE, WriteOptions.NONE, false));
    }

    List<AttributeValue> query(String table, String index, boolean forward) {
        String hash = index == null ? "pk" : "g";
        String value = index == null ? "p" : "g";
        ExpressionParams p = new ExpressionParams(null, hash + " = :h", null, null, null, null, Map.of(":h", AttributeValue.s(value)),
                null, null, null, null, null, null);
        ReadResult r = backend.query(SCOPE, new ReadRequest(table, index, p, null, null, null, forward, false, null, null, null));
        return r.items().stream().map(i -> i.get("sk")).toList();
    }

    void check(String table, List<AttributeValue> expected) {
        for (AttributeValue v : reversed(expected)) {
            put(table, v);
        }
        assertEquals(expected, query(table, null, true));
        assertEquals(expected, query(table, "by-g", true));
        assertEquals(reversed(expected), query(table, null, false));
        assertEquals(reversed(expected), query(table, "by-g", false));
    }

    @Test
    void numbersSortNumerically() {
        table("nums", "N");
        check("nums", List.of(AttributeValue.n("-100"), AttributeValue.n("-1.5"), AttributeValue.n("-1"), AttributeValue.n("0"),
                AttributeValue.n("0.001"), AttributeValue.n("2"), AttributeValue.n("10"), AttributeValue.n("1E+20")));
    }

    @Test
    void stringsSortByUtf8Bytes() {
        table("strs", "S");
        check("strs", List.of(AttributeValue.s("A"), AttributeValue.s("a"), AttributeValue.s("a\u0000b"), AttributeValue.s("ab"),
                AttributeValue.s("\u00e9"), AttributeValue.s("\uE000"), AttributeValue.s("\uD83D\uDE00")));
    }

    @Test
    void binariesSortUnsigned() {
        table("bins", "B");
        HexFormat hex = HexFormat.of();
        check("bins", List.of(new AttributeValue.B(hex.parseHex("00")), new AttributeValue.B(hex.parseHex("01")),
                new AttributeValue.B(hex.parseHex("0100")), new AttributeValue.B(hex.parseHex("7f")),
                new AttributeValue.B(hex.parseHex("80")), new AttributeValue.B(hex.parseHex("ff"))));
    }

    @Test
    void beginsWithSelectsThePrefixOnTablesAndIndexes() {
        table("prefix", "S");
        for (String v : List.of("a", "ab", "ab\uD83D\uDE00", "abc", "abd", "ac", "b")) {
            put("prefix", AttributeValue.s(v));
        }
        for (String index : new String[] {null, "by-g"}) {
            String hash = index == null ? "pk" : "g";
            String value = index == null ? "p" : "g";
            ExpressionParams p = new ExpressionParams(null, hash + " = :h AND begins_with(sk, :p)", null, null, null, null,
                    Map.of(":h", AttributeValue.s(value), ":p", AttributeValue.s("ab")), null, null, null, null, null, null);
            ReadResult r = backend.query(SCOPE, new ReadRequest("prefix", index, p, null, null, null, null, false, null, null, null));
            assertEquals(List.of(AttributeValue.s("ab"), AttributeValue.s("abc"), AttributeValue.s("abd"),
                    AttributeValue.s("ab\uD83D\uDE00")), r.items().stream().map(i -> i.get("sk")).toList());
        }
    }
}
