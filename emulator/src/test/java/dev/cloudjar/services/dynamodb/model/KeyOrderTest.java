package dev.cloudjar.services.dynamodb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.core.Utf8Order;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyOrderTest {

    private static int sign(int x) {
        return Integer.signum(x);
    }

    private static void assertConsistent(AttributeValue a, AttributeValue b) {
        int expected = sign(KeyOrder.compare(a, b));
        String ka = KeyOrder.sortableKey(a);
        String kb = KeyOrder.sortableKey(b);
        assertEquals(expected, sign(Utf8Order.compare(ka, kb)), a + " vs " + b + ": " + ka + " / " + kb);
        assertFalse(ka.indexOf('\u0000') >= 0, "no separator inside " + a);
    }

    /** Encodes each value once, then checks every pair (fast enough for a few hundred values). */
    private static void assertAllPairsConsistent(List<AttributeValue> values) {
        List<String> keys = values.stream().map(KeyOrder::sortableKey).toList();
        for (int i = 0; i < values.size(); i++) {
            assertFalse(keys.get(i).indexOf('\u0000') >= 0);
            for (int j = 0; j < values.size(); j++) {
                int expected = sign(KeyOrder.compare(values.get(i), values.get(j)));
                if (expected != sign(Utf8Order.compare(keys.get(i), keys.get(j)))) {
                    assertConsistent(values.get(i), values.get(j));
                }
            }
        }
    }

    @Test
    void numbersCompareNumerically() {
        assertTrue(KeyOrder.compare(AttributeValue.n(9), AttributeValue.n(10)) < 0);
        assertTrue(KeyOrder.compare(AttributeValue.n("-10"), AttributeValue.n("-9")) < 0);
        assertEquals(0, KeyOrder.compare(AttributeValue.n("1.0"), AttributeValue.n("1")));
    }

    @Test
    void stringsCompareByUtf8Bytes() {
        AttributeValue bmpHigh = AttributeValue.s("\uFF61");
        AttributeValue supplementary = AttributeValue.s("😀");
        assertTrue("😀".compareTo("\uFF61") < 0, "UTF-16 order differs");
        assertTrue(KeyOrder.compare(bmpHigh, supplementary) < 0);
        assertConsistent(bmpHigh, supplementary);
    }

    @Test
    void binariesCompareUnsigned() {
        AttributeValue low = new AttributeValue.B(new byte[] {0x7f});
        AttributeValue high = new AttributeValue.B(new byte[] {(byte) 0x80});
        assertTrue(KeyOrder.compare(low, high) < 0);
        assertConsistent(low, high);
        assertConsistent(new AttributeValue.B(new byte[] {0}), new AttributeValue.B(new byte[] {0, 0}));
        assertConsistent(new AttributeValue.B(new byte[] {(byte) 0xff}), new AttributeValue.B(new byte[] {0, 0}));
    }

    @Test
    void sortableNumbersMatchNumericOrder() {
        String[] fixed = {"0", "1", "-1", "10", "9", "-10", "-9", "0.1", "-0.1", "0.12", "0.123", "-0.12", "-0.123",
            "1E+125", "-1E+125", "9.9999999999999999999999999999999999999E+125", "1E-130", "-1E-130", "100", "1000",
            "123.456", "123.4561", "-123.456", "-123.4561", "2", "19", "191", "-191", "-19"};
        List<AttributeValue> values = new ArrayList<>();
        for (String f : fixed) {
            values.add(AttributeValue.n(f));
        }
        Random random = new Random(42);
        for (int i = 0; i < 150; i++) {
            BigDecimal d = new BigDecimal(new java.math.BigInteger(random.nextInt(120) + 1, random),
                    random.nextInt(120) - 60);
            if (random.nextBoolean()) {
                d = d.negate();
            }
            if (d.stripTrailingZeros().precision() <= 38) {
                values.add(new AttributeValue.N(d.toString()));
            }
            values.add(new AttributeValue.N(Integer.toString(random.nextInt(2001) - 1000)));
        }
        assertAllPairsConsistent(values);
    }

    @Test
    void sortableStringsEscapeTheSeparatorAndKeepOrder() {
        String[] fixed = {"", "a", "a\u0000", "a\u0001", "a\u0002", "a\u0000b", "ab", "\u0000", "\u0001", "b",
            "\uFFFF", "😀", "a😀", "\uE000"};
        for (String x : fixed) {
            for (String y : fixed) {
                assertConsistent(AttributeValue.s(x), AttributeValue.s(y));
            }
        }
        assertEquals("abc", KeyOrder.sortableKey(AttributeValue.s("abc")));
        Random random = new Random(7);
        List<AttributeValue> values = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(5);
            for (int j = 0; j < len; j++) {
                sb.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(0x10FFFF / 64) * 64);
            }
            String s = sb.toString();
            if (s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)) {
                values.add(AttributeValue.s(s));
            }
        }
        assertAllPairsConsistent(values);
    }

    @Test
    void compositeKeysKeepHashPrefixesApart() {
        String a = KeyOrder.sortableKey(AttributeValue.s("a")) + '\u0000' + KeyOrder.sortableKey(AttributeValue.s("z"));
        String a0 = KeyOrder.sortableKey(AttributeValue.s("a\u0000")) + '\u0000' + KeyOrder.sortableKey(AttributeValue.s(""));
        assertFalse(a0.startsWith(KeyOrder.sortableKey(AttributeValue.s("a")) + '\u0000'));
        assertTrue(Utf8Order.compare(a, a0) < 0);
    }
}
