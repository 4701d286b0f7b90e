package dev.cloudjar.services.logs.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CloudWatch Logs filter patterns: the examples of AWS's filter-pattern syntax page, and the edges around them. */
class FilterPatternTest {
    private static boolean matches(String pattern, String message) {
        return FilterPattern.parse(pattern).matches(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"\""})
    void emptyPatternsMatchEverything(String pattern) {
        assertTrue(matches(pattern, "anything at all"));
        assertTrue(matches(pattern, "{\"json\":true}"));
    }

    @Test
    void termsMustAllOccurCaseSensitively() {
        assertTrue(matches("ERROR", "[ERROR] Something failed"));
        assertFalse(matches("ERROR", "[error] Something failed"));
        assertTrue(matches("ERROR ARGUMENTS", "ERROR: bad ARGUMENTS given"));
        assertFalse(matches("ERROR ARGUMENTS", "ERROR: bad arguments given"));
        assertTrue(matches("ERROR", "ERRORS are substrings too"));
    }

    @Test
    void quotedPhrasesKeepTheirSpacesAndPunctuation() {
        assertTrue(matches("\"INTERNAL SERVER ERROR\"", "500 INTERNAL SERVER ERROR happened"));
        assertFalse(matches("\"INTERNAL SERVER ERROR\"", "INTERNAL ERROR SERVER"));
        assertTrue(matches("\"user=alice\" \"status: 200\"", "user=alice path=/ status: 200"));
        assertTrue(matches("\"say \\\"hi\\\"\"", "they say \"hi\" loudly"));
    }

    @Test
    void questionMarkTermsAreAlternatives() {
        assertTrue(matches("?ERROR ?WARN", "WARN disk almost full"));
        assertTrue(matches("?ERROR ?WARN", "ERROR disk full"));
        assertFalse(matches("?ERROR ?WARN", "INFO all good"));
        assertTrue(matches("?\"not found\" ?timeout", "resource not found"));
    }

    @Test
    void requiredTermsAndAlternativesCombine() {
        assertTrue(matches("db ?ERROR ?WARN", "db WARN slow"));
        assertFalse(matches("db ?ERROR ?WARN", "cache WARN slow"));
        assertFalse(matches("db ?ERROR ?WARN", "db INFO fine"));
    }

    @Test
    void minusTermsExclude() {
        assertTrue(matches("ERROR -Exiting", "ERROR connection reset"));
        assertFalse(matches("ERROR -Exiting", "ERROR Exiting now"));
        assertFalse(matches("ERROR -\"shutting down\"", "ERROR while shutting down"));
        assertTrue(matches("-DEBUG", "INFO anything"));
        assertFalse(matches("-DEBUG", "DEBUG noise"));
    }

    @Test
    void percentTermsAreRegularExpressions() {
        assertTrue(matches("%ERROR [0-9]{3}%", "got ERROR 503 from upstream"));
        assertFalse(matches("%ERROR [0-9]{3}%", "got ERROR 50 from upstream"));
        assertThrows(IllegalArgumentException.class, () -> FilterPattern.parse("%[unclosed%"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unterminated", "?", "ERROR -", "%open"})
    void malformedTermPatternsAreRefused(String pattern) {
        assertThrows(IllegalArgumentException.class, () -> FilterPattern.parse(pattern));
    }

    private static final String EVENT = """
            {"eventType": "UpdateTrail", "sourceIPAddress": "123.123.123.123", "latency": 150, "ratio": 0.5,
             "user": {"id": 1, "email": "John.Doe@example.com", "admin": true, "manager": null},
             "arrayKey": ["value", "another value"], "objectList": [{"name": "a", "id": 1}, {"name": "b", "id": 2}],
             "level": "ERROR", "ok": false}
            """;

    @ParameterizedTest
    @CsvSource(delimiter = '~', value = {
            "{ $.eventType = \"UpdateTrail\" }~true",
            "{ $.eventType = UpdateTrail }~true",
            "{$.eventType=\"UpdateTrail\"}~true",
            "{ $.eventType = \"updatetrail\" }~false",
            "{ $.eventType != \"UpdateTrail\" }~false",
            "{ $.eventType != \"DeleteTrail\" }~true",
            "{ $.sourceIPAddress = 123.123.* }~true",
            "{ $.sourceIPAddress != 123.123.* }~false",
            "{ $.sourceIPAddress = 10.* }~false",
            "{ $.eventType = \"Update*\" }~true",
            "{ $.eventType = *Trail }~true",
            "{ $.eventType = * }~true",
            "{ $.missing = * }~false",
            "{ $.latency > 100 }~true",
            "{ $.latency >= 150 }~true",
            "{ $.latency < 150 }~false",
            "{ $.latency <= 150 }~true",
            "{ $.latency = 150 }~true",
            "{ $.latency = 150.0 }~true",
            "{ $.latency != 150 }~false",
            "{ $.ratio < 1 }~true",
            "{ $.ratio > -1 }~true",
            "{ $.eventType > 1 }~false",
            "{ $.arrayKey[0] = \"value\" }~true",
            "{ $.arrayKey[1] = \"another value\" }~true",
            "{ $.arrayKey[2] = \"value\" }~false",
            "{ $.objectList[1].id = 2 }~true",
            "{ $.objectList[1].name = a }~false",
            "{ $.user.id = 1 }~true",
            "{ $.user.email = \"John.Doe@example.com\" }~true",
            "{ $.user = * }~false",
            "{ ($.user.id = 1) && ($.level = \"ERROR\") }~true",
            "{ ($.user.id = 2) && ($.level = \"ERROR\") }~false",
            "{ ($.user.id = 2) || ($.level = \"ERROR\") }~true",
            "{ $.user.id = 2 || $.level = ERROR }~true",
            "{ $.user.id = 2 || $.level = WARN }~false",
            "{ $.user.id = 1 && $.level = WARN || $.latency > 100 }~true",
            "{ $.user.id = 1 && ($.level = WARN || $.latency > 1000) }~false",
            "{ (($.user.id = 1) && (($.level = ERROR) || ($.level = WARN))) }~true",
            "{ $.user.manager IS NULL }~true",
            "{ $.user.id IS NULL }~false",
            "{ $.user.nickname IS NULL }~false",
            "{ $.user.nickname NOT EXISTS }~true",
            "{ $.user.manager NOT EXISTS }~false",
            "{ $.user.admin IS TRUE }~true",
            "{ $.user.admin IS FALSE }~false",
            "{ $.ok IS FALSE }~true",
            "{ $.ok IS TRUE }~false",
            "{ $.level = \"ERROR\" && $.nothing.deeper = 1 }~false",
            "{ $.level != \"WARN\" }~true",
            "{ $.absent != \"WARN\" }~false",
    })
    void jsonPatternsSelectAndCompareFields(String pattern, boolean expected) {
        assertEquals(expected, matches(pattern, EVENT), pattern);
    }

    @Test
    void jsonPatternsNeverMatchMessagesThatAreNotJson() {
        assertFalse(matches("{ $.level = ERROR }", "ERROR level=ERROR"));
        assertFalse(matches("{ $.level = ERROR }", "{not json"));
        assertTrue(matches("{ $.level = ERROR }", "  {\"level\":\"ERROR\"}\n"));
        assertTrue(matches("{ $[0].a = 1 }", "[{\"a\":1}]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{ $.level = }", "{ level = ERROR }", "{ $.level ERROR }", "{ $.level = ERROR", "{ ($.level = ERROR }",
            "{ $.latency > abc }", "{ $.a < \"5\" }", "{ $.a IS MAYBE }", "{ $.a NOT THERE }", "{ $.a[x] = 1 }",
            "{ $. = 1 }", "{ $ = 1 }", "{ $.a = 1 && }", "{ $.a = 1 ) }", "{ }", "{ $.a = 1 $.b = 2 }",
    })
    void malformedJsonPatternsAreRefused(String pattern) {
        assertThrows(IllegalArgumentException.class, () -> FilterPattern.parse(pattern), pattern);
    }

    private static final String ACCESS_LOG = "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /apache_pb.gif HTTP/1.0\" 404 1534";

    @ParameterizedTest
    @CsvSource(delimiter = '~', value = {
            "[ip, user, username, timestamp, request, status_code, bytes]~true",
            "[ip, user, username, timestamp, request, status_code]~false",
            "[ip, user, username, timestamp, request, status_code = 404, bytes]~true",
            "[ip, user, username, timestamp, request, status_code = 200, bytes]~false",
            "[ip, user, username, timestamp, request, status_code = 4*, bytes]~true",
            "[ip, user, username, timestamp, request, status_code != 404, bytes]~false",
            "[ip, user, username, timestamp, request, status_code, bytes > 1000]~true",
            "[ip, user, username, timestamp, request, status_code, bytes < 1000]~false",
            "[ip = 127.0.0.1, ...]~true",
            "[ip = 10.*, ...]~false",
            "[..., status_code = 404, bytes]~true",
            "[..., bytes = 1534]~true",
            "[ip, ..., bytes >= 1534]~true",
            "[ip, user, username = frank, ...]~true",
            "[ip, user, username, timestamp = \"10/Oct/2000:13:25:15 -0700\", ...]~true",
            "[ip, user, username, timestamp, request = \"GET /apache_pb.gif HTTP/1.0\", ...]~true",
            "[ip, user, username, timestamp, request = *gif*, ...]~true",
            "[..., status_code = 400 || status_code = 404, bytes]~true",
            "[..., status_code = 400 || status_code = 500, bytes]~false",
            "[..., status_code >= 400 && status_code < 500, bytes]~true",
            "[..., status_code >= 400 && status_code < 404, bytes]~false",
            "[...]~true",
            "[a, b, ..., c, d]~true",
            "[a, b, c, d, e, f, g, h]~false",
    })
    void spaceDelimitedPatternsNameTheFields(String pattern, boolean expected) {
        assertEquals(expected, matches(pattern, ACCESS_LOG), pattern);
    }

    @Test
    void spaceDelimitedMessagesSplitOnQuotesAndBrackets() {
        assertEquals(List.of("127.0.0.1", "-", "frank", "10/Oct/2000:13:25:15 -0700", "GET /apache_pb.gif HTTP/1.0", "404", "1534"),
                SpaceDelimitedPattern.split(ACCESS_LOG));
        assertEquals(List.of("a", "b"), SpaceDelimitedPattern.split("  a \t b \n"));
        assertEquals(List.of("\"open", "quote"), SpaceDelimitedPattern.split("\"open quote"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[a, , b]", "[a = ]", "[a =]", "[a = 1 &&]", "[a, b", "[a = 1 b = 2]", "[= 1]", "[a < x]"})
    void malformedSpaceDelimitedPatternsAreRefused(String pattern) {
        assertThrows(IllegalArgumentException.class, () -> FilterPattern.parse(pattern), pattern);
    }

    @Test
    void globsMatchWholeValues() {
        assertTrue(new Glob("a*c").matches("abc"));
        assertTrue(new Glob("a*c").matches("ac"));
        assertFalse(new Glob("a*c").matches("abcd"));
        assertTrue(new Glob("**").matches(""));
        assertTrue(new Glob("*b*").matches("abc"));
        assertFalse(new Glob("abc").matches("ab"));
        assertFalse(new Glob("a").matches(null));
    }

    @Test
    void theFormIsChosenByTheFirstCharacter() {
        assertTrue(FilterPattern.parse("{ $.a = 1 }") instanceof JsonPattern);
        assertTrue(FilterPattern.parse("  [a, b]") instanceof SpaceDelimitedPattern);
        assertTrue(FilterPattern.parse("ERROR") instanceof TermPattern);
        assertTrue(FilterPattern.parse("") instanceof FilterPattern.MatchAll);
    }
}
