package dev.cloudjar.services.dynamodb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cloudjar.core.Utf8Order;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.model.KeyOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Multi-attribute key encodings order as their attributes compared one after another, NUL and 0x00 bytes included. */
class CompositeKeyOrderTest {

    private static AttributeValue randomValue(Random r, int type) {
        switch (type) {
            case 0: {
                char[] alphabet = {'\u0000', '\u0001', '\u0002', 'a', 'b', '~', '\u00e9'};
                StringBuilder sb = new StringBuilder();
                for (int i = r.nextInt(4); i > 0; i--) {
                    sb.append(alphabet[r.nextInt(alphabet.length)]);
                }
                return new AttributeValue.S(sb.toString());
            }
            case 1:
                return new AttributeValue.N(String.valueOf(r.nextInt(41) - 20));
            default: {
                byte[] bytes = new byte[r.nextInt(4)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) (r.nextInt(4) - 1);
                }
                return new AttributeValue.B(bytes);
            }
        }
    }

    @Test
    void encodingOrderIsComponentOrder() {
        Random r = new Random(7);
        int[] types = {0, 1, 2};
        List<List<AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            List<AttributeValue> key = new ArrayList<>();
            for (int t : types) {
                key.add(randomValue(r, t));
            }
            keys.add(key);
        }
        Comparator<List<AttributeValue>> byComponents = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = KeyOrder.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        for (int i = 0; i + 1 < keys.size(); i++) {
            List<AttributeValue> a = keys.get(i);
            List<AttributeValue> b = keys.get(i + 1);
            int expected = Integer.signum(byComponents.compare(a, b));
            int actual = Integer.signum(Utf8Order.compare(encode(a), encode(b)));
            assertEquals(expected, actual, a + " vs " + b);
        }
    }

    private static String encode(List<AttributeValue> key) {
        StringBuilder sb = new StringBuilder();
        key.forEach(v -> sb.append(StorageKeys.component(v)));
        return sb.toString();
    }
}
