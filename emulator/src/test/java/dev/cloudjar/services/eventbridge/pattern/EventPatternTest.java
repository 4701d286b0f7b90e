package dev.cloudjar.services.eventbridge.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The EventBridge pattern language, one matcher at a time, against AWS's documented examples. */
class EventPatternTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EVENT = """
            {"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"EC2 Instance State-change Notification",
             "source":"aws.ec2","account":"111122223333","time":"2017-12-22T18:43:48Z","region":"us-west-1",
             "resources":["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],
             "detail":{"instance-id":"i-1234567890abcdef0","state":"terminated","c-count":5,"d-count":3.0,"x-limit":301.8,
                       "source-ip":"10.0.0.123","ipv6":"2001:db8::1","name":"ProdServer","flag":true,"nothing":null,
                       "tags":["prod","web"],"location":{"city":"Berlin","zip":"10115"},
                       "items":[{"sku":"A1","qty":2},{"sku":"B2","qty":0}], "empty":[], "file":"photos/cat.PNG"}}
            """;

    private static boolean matches(String pattern) throws Exception {
        JsonNode event = MAPPER.readTree(EVENT);
        return EventPattern.parse(pattern).matches(event);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // exact values, arrays of alternatives, nested objects
        "{\"source\":[\"aws.ec2\"]}| true",
        "{\"source\":[\"aws.s3\"]}| false",
        "{\"source\":[\"aws.s3\",\"aws.ec2\"]}| true",
        "{\"source\":[\"AWS.EC2\"]}| false",
        "{\"detail-type\":[\"EC2 Instance State-change Notification\"],\"detail\":{\"state\":[\"terminated\"]}}| true",
        "{\"detail\":{\"state\":[\"running\",\"pending\"]}}| false",
        "{\"detail\":{\"location\":{\"city\":[\"Berlin\"]}}}| true",
        "{\"detail\":{\"location\":{\"city\":[\"Paris\"]}}}| false",
        "{\"detail\":{\"missing\":{\"city\":[\"Paris\"]}}}| false",
        "{\"source\":[\"aws.ec2\"],\"detail\":{\"state\":[\"running\"]}}| false",
        // numbers compare by value, never with strings
        "{\"detail\":{\"c-count\":[5]}}| true",
        "{\"detail\":{\"c-count\":[5.0]}}| true",
        "{\"detail\":{\"d-count\":[3]}}| true",
        "{\"detail\":{\"c-count\":[\"5\"]}}| false",
        "{\"detail\":{\"flag\":[true]}}| true",
        "{\"detail\":{\"flag\":[\"true\"]}}| false",
        "{\"detail\":{\"nothing\":[null]}}| true",
        "{\"detail\":{\"state\":[null]}}| false",
        // arrays in the event: any element matches
        "{\"detail\":{\"tags\":[\"web\"]}}| true",
        "{\"detail\":{\"tags\":[\"dev\"]}}| false",
        "{\"resources\":[\"arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0\"]}| true",
        "{\"detail\":{\"items\":{\"sku\":[\"B2\"]}}}| true",
        "{\"detail\":{\"items\":{\"sku\":[\"C3\"]}}}| false",
        // prefix and suffix, with and without case
        "{\"detail\":{\"state\":[{\"prefix\":\"term\"}]}}| true",
        "{\"detail\":{\"state\":[{\"prefix\":\"TERM\"}]}}| false",
        "{\"detail\":{\"state\":[{\"prefix\":{\"equals-ignore-case\":\"TERM\"}}]}}| true",
        "{\"detail\":{\"file\":[{\"suffix\":\".PNG\"}]}}| true",
        "{\"detail\":{\"file\":[{\"suffix\":\".png\"}]}}| false",
        "{\"detail\":{\"file\":[{\"suffix\":{\"equals-ignore-case\":\".png\"}}]}}| true",
        "{\"detail\":{\"c-count\":[{\"prefix\":\"5\"}]}}| false",
        // equals-ignore-case
        "{\"detail\":{\"name\":[{\"equals-ignore-case\":\"prodserver\"}]}}| true",
        "{\"detail\":{\"name\":[{\"equals-ignore-case\":\"prod\"}]}}| false",
        // wildcard
        "{\"detail\":{\"file\":[{\"wildcard\":\"photos/*.PNG\"}]}}| true",
        "{\"detail\":{\"file\":[{\"wildcard\":\"*cat*\"}]}}| true",
        "{\"detail\":{\"file\":[{\"wildcard\":\"photos/*.jpg\"}]}}| false",
        "{\"detail\":{\"file\":[{\"wildcard\":\"photos/cat.PNG\"}]}}| true",
        "{\"detail\":{\"file\":[{\"wildcard\":\"photos\\\\*\"}]}}| false",
        // anything-but: values, lists, prefix, suffix, wildcard, equals-ignore-case
        "{\"detail\":{\"state\":[{\"anything-but\":\"running\"}]}}| true",
        "{\"detail\":{\"state\":[{\"anything-but\":\"terminated\"}]}}| false",
        "{\"detail\":{\"state\":[{\"anything-but\":[\"stopped\",\"terminated\"]}]}}| false",
        "{\"detail\":{\"state\":[{\"anything-but\":[\"stopped\",\"overloaded\"]}]}}| true",
        "{\"detail\":{\"c-count\":[{\"anything-but\":[1,2,3]}]}}| true",
        "{\"detail\":{\"c-count\":[{\"anything-but\":5}]}}| false",
        "{\"detail\":{\"state\":[{\"anything-but\":{\"prefix\":\"term\"}}]}}| false",
        "{\"detail\":{\"state\":[{\"anything-but\":{\"prefix\":\"init\"}}]}}| true",
        "{\"detail\":{\"file\":[{\"anything-but\":{\"suffix\":\".PNG\"}}]}}| false",
        "{\"detail\":{\"file\":[{\"anything-but\":{\"wildcard\":\"*.jpg\"}}]}}| true",
        "{\"detail\":{\"file\":[{\"anything-but\":{\"wildcard\":[\"*.jpg\",\"*.PNG\"]}}]}}| false",
        "{\"detail\":{\"name\":[{\"anything-but\":{\"equals-ignore-case\":[\"PRODSERVER\"]}}]}}| false",
        "{\"detail\":{\"missing\":[{\"anything-but\":\"x\"}]}}| false",
        "{\"detail\":{\"flag\":[{\"anything-but\":\"x\"}]}}| false",
        // numeric
        "{\"detail\":{\"c-count\":[{\"numeric\":[\">\",0]}]}}| true",
        "{\"detail\":{\"c-count\":[{\"numeric\":[\">\",0,\"<=\",5]}]}}| true",
        "{\"detail\":{\"c-count\":[{\"numeric\":[\">\",0,\"<\",5]}]}}| false",
        "{\"detail\":{\"x-limit\":[{\"numeric\":[\"=\",301.8]}]}}| true",
        "{\"detail\":{\"x-limit\":[{\"numeric\":[\">=\",301.9]}]}}| false",
        "{\"detail\":{\"c-count\":[{\"numeric\":[\"<\",10]}],\"d-count\":[{\"numeric\":[\"=\",3]}]}}| true",
        "{\"detail\":{\"state\":[{\"numeric\":[\">\",0]}]}}| false",
        // exists
        "{\"detail\":{\"state\":[{\"exists\":true}]}}| true",
        "{\"detail\":{\"missing\":[{\"exists\":true}]}}| false",
        "{\"detail\":{\"missing\":[{\"exists\":false}]}}| true",
        "{\"detail\":{\"state\":[{\"exists\":false}]}}| false",
        "{\"detail\":{\"location\":[{\"exists\":true}]}}| false",
        "{\"detail\":{\"empty\":[{\"exists\":false}]}}| true",
        "{\"nope\":{\"deeper\":[{\"exists\":false}]}}| true",
        // cidr
        "{\"detail\":{\"source-ip\":[{\"cidr\":\"10.0.0.0/24\"}]}}| true",
        "{\"detail\":{\"source-ip\":[{\"cidr\":\"10.0.1.0/24\"}]}}| false",
        "{\"detail\":{\"source-ip\":[{\"cidr\":\"0.0.0.0/0\"}]}}| true",
        "{\"detail\":{\"source-ip\":[{\"cidr\":\"10.0.0.123/32\"}]}}| true",
        "{\"detail\":{\"ipv6\":[{\"cidr\":\"2001:db8::/32\"}]}}| true",
        "{\"detail\":{\"ipv6\":[{\"cidr\":\"2001:db9::/32\"}]}}| false",
        "{\"detail\":{\"state\":[{\"cidr\":\"10.0.0.0/8\"}]}}| false",
        // $or
        "{\"$or\":[{\"source\":[\"aws.s3\"]},{\"detail\":{\"state\":[\"terminated\"]}}]}| true",
        "{\"$or\":[{\"source\":[\"aws.s3\"]},{\"detail\":{\"state\":[\"running\"]}}]}| false",
        "{\"source\":[\"aws.ec2\"],\"$or\":[{\"detail\":{\"c-count\":[{\"numeric\":[\">\",10]}]}},{\"detail\":{\"d-count\":[3]}}]}| true",
        "{\"source\":[\"aws.s3\"],\"$or\":[{\"detail\":{\"c-count\":[5]}},{\"detail\":{\"d-count\":[3]}}]}| false",
        "{\"detail\":{\"$or\":[{\"state\":[\"running\"]},{\"name\":[{\"prefix\":\"Prod\"}]}]}}| true",
        // several matchers of different kinds in one array
        "{\"detail\":{\"state\":[\"running\",{\"prefix\":\"ter\"}]}}| true",
        "{\"detail\":{\"c-count\":[{\"numeric\":[\"<\",0]},{\"numeric\":[\">\",4]}]}}| true",
    })
    void matches(String pattern, boolean expected) throws Exception {
        assertEquals(expected, matches(pattern), pattern);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "[\"aws.ec2\"]| Filter is not an object",
        "\"x\"| Filter is not an object",
        "{\"source\":\"aws.ec2\"}| \"source\" must be an object or an array",
        "{\"detail\":{\"n\":5}}| \"n\" must be an object or an array",
        "{\"source\":[]}| Empty arrays are not allowed",
        "{\"source\":[[\"a\"]]}| Match value must be String, number, true, false, or null",
        "{\"source\":[{\"foo\":\"x\"}]}| Unrecognized match type foo",
        "{\"source\":[{\"prefix\":\"a\",\"suffix\":\"b\"}]}| Only one key allowed in match expression",
        "{\"source\":[{\"prefix\":5}]}| prefix match pattern must be a string",
        "{\"source\":[{\"suffix\":[\"x\"]}]}| suffix match pattern must be a string",
        "{\"source\":[{\"prefix\":{\"foo\":\"x\"}}]}| Unsupported anything-but pattern: foo",
        "{\"source\":[{\"equals-ignore-case\":1}]}| equals-ignore-case match pattern must be a string",
        "{\"source\":[{\"exists\":\"yes\"}]}| exists match pattern must be either true or false.",
        "{\"source\":[{\"numeric\":\">\"}]}| Value of numeric must be an array.",
        "{\"source\":[{\"numeric\":[]}]}| Invalid member in numeric match: ]",
        "{\"source\":[{\"numeric\":[5,\">\"]}]}| Invalid member in numeric match: 5",
        "{\"source\":[{\"numeric\":[\"!\",5]}]}| Unrecognized numeric range operator: !",
        "{\"source\":[{\"numeric\":[\">\"]}]}| Value of > must be numeric",
        "{\"source\":[{\"numeric\":[\"=\",\"5\"]}]}| Value of equals must be numeric",
        "{\"source\":[{\"numeric\":[\"<\",5,\">\",1]}]}| Too many elements in numeric expression",
        "{\"source\":[{\"numeric\":[\"=\",6,\"<\",7]}]}| Too many elements in numeric expression",
        "{\"source\":[{\"numeric\":[\">\",5,6,7]}]}| Bad value in numeric range: 6",
        "{\"source\":[{\"numeric\":[\">\",5,\">\",6]}]}| Bad numeric range operator: >",
        "{\"source\":[{\"numeric\":[\">\",5,\"<\",\"x\"]}]}| Value of < must be numeric",
        "{\"source\":[{\"numeric\":[\">\",6,\"<\",5]}]}| Bottom must be less than top",
        "{\"source\":[{\"numeric\":[\">\",1,\"<\",5,\"<\"]}]}| Too many terms in numeric range expression",
        "{\"source\":[{\"anything-but\":{\"numeric\":[\">\",1]}}]}| Unsupported anything-but pattern: numeric",
        "{\"source\":[{\"anything-but\":{\"prefix\":{\"equals-ignore-case\":\"a\"}}}]}| Value of anything-but must be an array or single string/number value.",
        "{\"source\":[{\"anything-but\":{\"prefix\":5}}]}| prefix/suffix match pattern must be a string",
        "{\"source\":[{\"anything-but\":{\"suffix\":\"\"}}]}| Null prefix/suffix not allowed",
        "{\"source\":[{\"anything-but\":{\"wildcard\":[1]}}]}| wildcard match pattern must be a string",
        "{\"source\":[{\"anything-but\":[{\"nope\":1}]}]}| Unrecognized match type nope",
        "{\"source\":[{\"wildcard\":\"a**b\"}]}| Consecutive wildcard characters at pos 2",
        "{\"source\":[{\"wildcard\":5}]}| wildcard match pattern must be a string",
        "{\"source\":[{\"cidr\":5}]}| prefix match pattern must be a string",
        "{\"source\":[{\"cidr\":\"10.0.0.0\"}]}| Malformed CIDR, one '/' required",
        "{\"source\":[{\"cidr\":\"10.0.0.0/x\"}]}| Malformed CIDR, mask bits must be an integer",
        "{\"source\":[{\"cidr\":\"10.0.0.0/33\"}]}| Nonstandard IP address: 10.0.0.0",
        "{\"source\":[{\"cidr\":\"300.0.0.0/8\"}]}| Nonstandard IP address: 300.0.0.0",
        "{\"source\":[{\"cidr\":\"10.0.0.1/24\"}]}| Nonstandard IP address: 10.0.0.1",
        "{\"$or\":[]}| Empty arrays are not allowed",
        "{\"$or\":[\"x\"]}| Filter is not an object",
        "{\"source\":[\"a\"}| Filter is not valid JSON",
    })
    void refusesInvalidPatterns(String pattern, String reason) {
        InvalidPatternException e = assertThrows(InvalidPatternException.class, () -> EventPattern.parse(pattern));
        assertEquals(reason, e.getMessage());
    }

    @Test
    void tooManyWildcardsIsTooComplex() {
        InvalidPatternException e = assertThrows(InvalidPatternException.class,
                () -> EventPattern.parse("{\"source\":[{\"wildcard\":\"*a*b*c*d*e*f\"}]}"));
        assertEquals("Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character",
                e.getMessage());
    }

    @Test
    void anythingButTakesListsOfAnyLiteralAndAnEmptyPatternMatchesEverything() throws Exception {
        assertEquals(true, matches("{\"detail\":{\"state\":[{\"anything-but\":[true, null, \"running\"]}]}}"));
        assertEquals(true, matches("{}"));
        assertEquals(true, matches("{\"$or\":[{\"source\":[\"aws.ec2\"]}]}"));
    }

    @Test
    void malformedJsonIsInvalid() {
        assertThrows(InvalidPatternException.class, () -> EventPattern.parse("{\"source\": [\"a\""));
    }
}
