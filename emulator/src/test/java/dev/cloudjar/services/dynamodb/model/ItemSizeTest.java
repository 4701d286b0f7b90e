package dev.cloudjar.services.dynamodb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cloudjar.core.AwsException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemSizeTest {

    @Test
    void stringsAndNamesCountUtf8Bytes() {
        // AWS docs: an attribute "shirtColor" = "R" is 10 + 1 bytes.
        assertEquals(11, ItemSize.of(Map.of("shirtColor", AttributeValue.s("R"))));
        assertEquals(2 + 3 + 4, ItemSize.of(Map.of("é", AttributeValue.s("€😀"))));
        assertEquals(4, ItemSize.utf8Length("😀"));
        assertEquals(3, ItemSize.utf8Length("€"));
    }

    @Test
    void scalarSizes() {
        assertEquals(1, ItemSize.of(AttributeValue.BOOL.TRUE));
        assertEquals(1, ItemSize.of(AttributeValue.NULL.INSTANCE));
        assertEquals(3, ItemSize.of(new AttributeValue.B(new byte[] {1, 2, 3})));
        assertEquals(1, ItemSize.of(AttributeValue.n(0)));
        assertEquals(2, ItemSize.of(AttributeValue.n(1)));
        assertEquals(2, ItemSize.of(AttributeValue.n(99)));
        assertEquals(2, ItemSize.of(AttributeValue.n(100)), "100 is one base-100 digit");
        assertEquals(3, ItemSize.of(AttributeValue.n(101)));
        assertEquals(3, ItemSize.of(AttributeValue.n(1234)));
        assertEquals(3, ItemSize.of(AttributeValue.n(-1)));
        assertEquals(2, ItemSize.of(AttributeValue.n(1000000)));
        assertEquals(3, ItemSize.of(AttributeValue.n("1.5")));
        assertEquals(2, ItemSize.of(AttributeValue.n("0.15")));
        assertEquals(20, ItemSize.of(AttributeValue.n("1" + "1".repeat(37))), "38 digits: 19 pairs + exponent");
    }

    @Test
    void documentsHaveThreeBytesPlusOnePerElement() {
        AttributeValue list = new AttributeValue.L(List.of(AttributeValue.s("ab"), AttributeValue.BOOL.TRUE));
        assertEquals(3 + (1 + 2) + (1 + 1), ItemSize.of(list));
        AttributeValue map = new AttributeValue.M(Map.of("k", AttributeValue.s("v")));
        assertEquals(3 + 1 + 1 + 1, ItemSize.of(map));
        assertEquals(3, ItemSize.of(new AttributeValue.L(List.of())));
        assertEquals(4 + 8, ItemSize.of(Map.of("list", list)));
    }

    @Test
    void setsSumTheirMembers() {
        assertEquals(3, ItemSize.of(new AttributeValue.SS(List.of("a", "bc"))));
        assertEquals(2 + 3, ItemSize.of(new AttributeValue.NS(List.of("1", "101"))));
        assertEquals(3, ItemSize.of(new AttributeValue.BS(List.of(new byte[] {1}, new byte[] {2, 3}))));
    }

    @Test
    void fourHundredKilobyteLimit() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.s("x"));
        item.put("d", AttributeValue.s("a".repeat(409600 - 4)));
        assertEquals(409600, ItemSize.check(item));
        item.put("d", AttributeValue.s("a".repeat(409600 - 3)));
        AwsException e = assertThrows(AwsException.class, () -> ItemSize.check(item));
        assertEquals("Item size has exceeded the maximum allowed size", e.getMessage());
        AwsException u = assertThrows(AwsException.class, () -> ItemSize.checkUpdate(item));
        assertEquals("Item size to update has exceeded the maximum allowed size", u.getMessage());
    }

    @Test
    void keyLimits() {
        KeyLimits.check("pk", AttributeValue.s("a".repeat(2048)), true);
        KeyLimits.check("sk", AttributeValue.s("a".repeat(1024)), false);
        assertEquals("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit"
                + " of2048 bytes", assertThrows(AwsException.class,
                        () -> KeyLimits.check("pk", AttributeValue.s("a".repeat(2049)), true)).getMessage());
        assertEquals("One or more parameter values were invalid: Aggregated size of all range keys has exceeded the"
                + " size limit of 1024 bytes", assertThrows(AwsException.class,
                        () -> KeyLimits.check("sk", AttributeValue.s("a".repeat(1025)), false)).getMessage());
        assertEquals("One or more parameter values are not valid. The AttributeValue for a key attribute cannot"
                + " contain an empty string value. Key: pk", assertThrows(AwsException.class,
                        () -> KeyLimits.check("pk", AttributeValue.s(""), true)).getMessage());
        assertEquals("One or more parameter values are not valid. The AttributeValue for a key attribute cannot"
                + " contain an empty binary value. Key: b", assertThrows(AwsException.class,
                        () -> KeyLimits.check("b", new AttributeValue.B(new byte[0]), false)).getMessage());
    }
}
