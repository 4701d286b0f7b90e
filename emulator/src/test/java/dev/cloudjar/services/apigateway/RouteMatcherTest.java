package dev.cloudjar.services.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteMatcherTest {
    private static Map<String, String> match(String template, String path) {
        return RouteMatcher.match(template, RouteMatcher.segments(path));
    }

    @Test
    void literalsVariablesAndGreedy() {
        assertEquals(Map.of(), match("/", "/"));
        assertEquals(Map.of(), match("/items", "/items/"));
        assertNull(match("/items", "/Items"), "literals are case-sensitive");
        assertEquals(Map.of("id", "42"), match("/items/{id}", "/items/42"));
        assertNull(match("/items/{id}", "/items"));
        assertNull(match("/items/{id}", "/items/42/x"));
        assertEquals(Map.of("proxy", "a/b/c"), match("/{proxy+}", "/a/b/c"));
        assertNull(match("/{proxy+}", "/"), "a greedy variable takes at least one segment");
        assertEquals(Map.of("id", "7", "rest", "x/y"), match("/items/{id}/{rest+}", "/items/7/x/y"));
        assertEquals(List.of("a", "b"), RouteMatcher.segments("//a//b/"));
    }

    @Test
    void literalBeatsVariableBeatsGreedy() {
        String literal = RouteMatcher.specificity("/items/special");
        String variable = RouteMatcher.specificity("/items/{id}");
        String greedyUnder = RouteMatcher.specificity("/items/{proxy+}");
        String greedy = RouteMatcher.specificity("/{proxy+}");
        assertTrue(literal.compareTo(variable) > 0);
        assertTrue(variable.compareTo(greedyUnder) > 0);
        assertTrue(greedyUnder.compareTo(greedy) > 0);
    }
}
