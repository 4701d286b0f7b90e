package dev.cloudjar.services.dynamodb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemCodecTest {

    @Test
    void everyTypeRoundTripsInOrder() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("s", AttributeValue.s("h\u00e9llo \uD83D\uDE00"));
        item.put("empty", AttributeValue.s(""));
        item.put("n", AttributeValue.n("-12.500"));
        item.put("b", new AttributeValue.B(new byte[] {0, (byte) 0xff, 7}));
        item.put("t", AttributeValue.BOOL.TRUE);
        item.put("f", AttributeValue.BOOL.FALSE);
        item.put("null", AttributeValue.NULL.INSTANCE);
        item.put("l", new AttributeValue.L(List.of(AttributeValue.n(1), new AttributeValue.L(List.of()), AttributeValue.s("x"))));
        item.put("m", new AttributeValue.M(Map.of("inner", new AttributeValue.M(Map.of("deep", AttributeValue.n(3))))));
        item.put("ss", new AttributeValue.SS(List.of("a", "b")));
        item.put("ns", new AttributeValue.NS(List.of("1", "2.5")));
        item.put("bs", new AttributeValue.BS(List.of(new byte[] {1}, new byte[] {2, 3})));
        item.put("x".repeat(300), AttributeValue.s("y".repeat(70_000)));
        Map<String, AttributeValue> decoded = ItemCodec.decode(ItemCodec.encode(item));
        assertEquals(item, decoded);
        assertEquals(List.copyOf(item.keySet()), List.copyOf(decoded.keySet()));
        assertEquals("-12.5", ((AttributeValue.N) decoded.get("n")).value());
    }

    @Test
    void emptyItem() {
        assertEquals(Map.of(), ItemCodec.decode(ItemCodec.encode(Map.of())));
    }
}
