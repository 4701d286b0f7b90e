package dev.cloudjar.services.lambda.esm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cloudjar.core.AwsException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFiltersTest {
    private static QueueMessage message(String body) {
        return new QueueMessage("m", "rh", body, Map.of("ApproximateReceiveCount", "1"),
                Map.of("color", new QueueMessage.Attribute("String", "red", null)), "md5");
    }

    private static boolean matches(String pattern, String body) {
        return EventFilters.of(List.of(pattern)).matchesMessage(message(body));
    }

    @Test
    void exactValuesAndAlternatives() {
        assertEquals(true, matches("{\"body\":{\"kind\":[\"a\",\"b\"]}}", "{\"kind\":\"b\"}"));
        assertEquals(false, matches("{\"body\":{\"kind\":[\"a\"]}}", "{\"kind\":\"b\"}"));
        assertEquals(true, matches("{\"body\":{\"n\":[5]}}", "{\"n\":5.0}"));
        assertEquals(true, matches("{\"body\":[\"plain text\"]}", "plain text"));
        assertEquals(true, matches("{\"body\":{\"tags\":[\"x\"]}}", "{\"tags\":[\"y\",\"x\"]}"));
        assertEquals(true, matches("{\"messageAttributes\":{\"color\":{\"stringValue\":[\"red\"]}}}", "{}"));
        assertEquals(true, matches("{\"attributes\":{\"ApproximateReceiveCount\":[\"1\"]}}", "{}"));
    }

    @Test
    void operators() {
        assertEquals(true, matches("{\"body\":{\"id\":[{\"prefix\":\"ord-\"}]}}", "{\"id\":\"ord-1\"}"));
        assertEquals(true, matches("{\"body\":{\"id\":[{\"suffix\":\".csv\"}]}}", "{\"id\":\"a.csv\"}"));
        assertEquals(true, matches("{\"body\":{\"s\":[{\"equals-ignore-case\":\"OK\"}]}}", "{\"s\":\"ok\"}"));
        assertEquals(false, matches("{\"body\":{\"s\":[{\"anything-but\":[\"ok\",\"fine\"]}]}}", "{\"s\":\"ok\"}"));
        assertEquals(true, matches("{\"body\":{\"s\":[{\"anything-but\":\"ok\"}]}}", "{\"s\":\"bad\"}"));
        assertEquals(true, matches("{\"body\":{\"n\":[{\"numeric\":[\">\",0,\"<=\",10]}]}}", "{\"n\":10}"));
        assertEquals(false, matches("{\"body\":{\"n\":[{\"numeric\":[\">\",0,\"<=\",10]}]}}", "{\"n\":11}"));
        assertEquals(true, matches("{\"body\":{\"x\":[{\"exists\":false}]}}", "{\"y\":1}"));
        assertEquals(false, matches("{\"body\":{\"x\":[{\"exists\":true}]}}", "{\"y\":1}"));
        assertEquals(true, matches("{\"body\":{\"deep\":{\"x\":[{\"exists\":false}]}}}", "{\"y\":1}"));
    }

    @Test
    void anyPatternMatchingIsEnoughAndNoPatternsMatchAll() {
        EventFilters two = EventFilters.of(List.of("{\"body\":{\"k\":[\"a\"]}}", "{\"body\":{\"k\":[\"b\"]}}"));
        assertEquals(true, two.matchesMessage(message("{\"k\":\"b\"}")));
        assertEquals(false, two.matchesMessage(message("{\"k\":\"c\"}")));
        assertEquals(true, EventFilters.of(null).matchesMessage(message("anything")));
        assertThrows(AwsException.class, () -> EventFilters.check(List.of("{broken")));
    }
}
