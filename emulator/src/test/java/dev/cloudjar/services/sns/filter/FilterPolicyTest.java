package dev.cloudjar.services.sns.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.services.sns.filter.FilterPolicy.Attribute;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterPolicyTest {
    private static final String SUBSCRIBE = "Invalid parameter: Attributes Reason: ";
    private static final String SET = "Invalid parameter: ";

    private static FilterPolicy attrs(String json) {
        return FilterPolicy.parse(json, false, SET);
    }

    private static FilterPolicy body(String json) {
        return FilterPolicy.parse(json, true, SET);
    }

    private static Map<String, Attribute> message(String... typeNameValue) {
        Map<String, Attribute> map = new LinkedHashMap<>();
        for (int i = 0; i < typeNameValue.length; i += 3) {
            map.put(typeNameValue[i + 1], new Attribute(typeNameValue[i], typeNameValue[i + 2]));
        }
        return map;
    }

    private static String error(String json, boolean bodyScope, String prefix) {
        return assertThrows(FilterPolicyException.class, () -> FilterPolicy.parse(json, bodyScope, prefix)).getMessage();
    }

    @Nested
    class AttributeMatching {
        @Test
        void exactStringMatchesOnlyThatString() {
            FilterPolicy p = attrs("{\"store\":[\"example_corp\"]}");
            assertTrue(p.matchesAttributes(message("String", "store", "example_corp")));
            assertFalse(p.matchesAttributes(message("String", "store", "other")));
            assertFalse(p.matchesAttributes(message()));
        }

        @Test
        void valuesOfOneKeyAreAlternatives() {
            FilterPolicy p = attrs("{\"color\":[\"red\",\"blue\"]}");
            assertTrue(p.matchesAttributes(message("String", "color", "blue")));
            assertFalse(p.matchesAttributes(message("String", "color", "green")));
        }

        @Test
        void allKeysMustMatch() {
            FilterPolicy p = attrs("{\"a\":[\"1\"],\"b\":[\"2\"]}");
            assertTrue(p.matchesAttributes(message("String", "a", "1", "String", "b", "2")));
            assertFalse(p.matchesAttributes(message("String", "a", "1")));
            assertFalse(p.matchesAttributes(message("String", "a", "1", "String", "b", "3")));
        }

        @Test
        void numbersCompareAtFiveDigitsAfterTheDecimalPoint() {
            FilterPolicy exact = attrs("{\"price\":[1.000001]}");
            assertTrue(exact.matchesAttributes(message("Number", "price", "1.000004")));
            assertTrue(exact.matchesAttributes(message("Number", "price", "1")));
            assertFalse(exact.matchesAttributes(message("Number", "price", "1.00001")));
            FilterPolicy below = attrs("{\"price\":[{\"numeric\":[\"<\",10.000002]}]}");
            assertFalse(below.matchesAttributes(message("Number", "price", "10.000001")));
            assertTrue(below.matchesAttributes(message("Number", "price", "9.99999")));
            FilterPolicy equal = attrs("{\"price\":[{\"numeric\":[\"=\",0.3]}]}");
            assertTrue(equal.matchesAttributes(message("Number", "price", "0.30000000000000004")));
        }

        @Test
        void stringArrayAttributesHoldingNumbersMatchNumericConditions() {
            FilterPolicy range = attrs("{\"sizes\":[{\"numeric\":[\">\",40]}]}");
            assertTrue(range.matchesAttributes(message("String.Array", "sizes", "[38, 42.5]")));
            assertFalse(range.matchesAttributes(message("String.Array", "sizes", "[38, 40]")));
            assertFalse(range.matchesAttributes(message("String.Array", "sizes", "[\"42\"]")));
            assertTrue(attrs("{\"sizes\":[40]}").matchesAttributes(message("String.Array", "sizes", "[\"a\", 40.0]")));
        }

        @Test
        void exactNumberMatchesNumberAttributesNumerically() {
            FilterPolicy p = attrs("{\"price\":[100]}");
            assertTrue(p.matchesAttributes(message("Number", "price", "100")));
            assertTrue(p.matchesAttributes(message("Number", "price", "100.0")));
            assertTrue(p.matchesAttributes(message("Number", "price", "1e2")));
            assertFalse(p.matchesAttributes(message("Number", "price", "101")));
            assertFalse(p.matchesAttributes(message("String", "price", "100")));
        }

        @Test
        void prefixAndSuffix() {
            FilterPolicy prefix = attrs("{\"event\":[{\"prefix\":\"order-\"}]}");
            assertTrue(prefix.matchesAttributes(message("String", "event", "order-created")));
            assertFalse(prefix.matchesAttributes(message("String", "event", "user-created")));
            FilterPolicy suffix = attrs("{\"file\":[{\"suffix\":\".png\"}]}");
            assertTrue(suffix.matchesAttributes(message("String", "file", "a.png")));
            assertFalse(suffix.matchesAttributes(message("String", "file", "a.jpg")));
        }

        @Test
        void equalsIgnoreCase() {
            FilterPolicy p = attrs("{\"name\":[{\"equals-ignore-case\":\"ALICE\"}]}");
            assertTrue(p.matchesAttributes(message("String", "name", "alice")));
            assertFalse(p.matchesAttributes(message("String", "name", "bob")));
        }

        @Test
        void anythingButList() {
            FilterPolicy p = attrs("{\"color\":[{\"anything-but\":[\"red\",\"blue\"]}]}");
            assertTrue(p.matchesAttributes(message("String", "color", "green")));
            assertFalse(p.matchesAttributes(message("String", "color", "red")));
            assertFalse(p.matchesAttributes(message()), "anything-but needs the attribute");
        }

        @Test
        void anythingButSingleValueAndNumber() {
            assertTrue(attrs("{\"c\":[{\"anything-but\":\"red\"}]}").matchesAttributes(message("String", "c", "blue")));
            assertFalse(attrs("{\"c\":[{\"anything-but\":\"red\"}]}").matchesAttributes(message("String", "c", "red")));
            assertFalse(attrs("{\"n\":[{\"anything-but\":[100]}]}").matchesAttributes(message("Number", "n", "100")));
            assertTrue(attrs("{\"n\":[{\"anything-but\":[100]}]}").matchesAttributes(message("Number", "n", "5")));
        }

        @Test
        void anythingButPrefixAndSuffix() {
            FilterPolicy p = attrs("{\"c\":[{\"anything-but\":{\"prefix\":\"test-\"}}]}");
            assertTrue(p.matchesAttributes(message("String", "c", "prod-1")));
            assertFalse(p.matchesAttributes(message("String", "c", "test-1")));
            FilterPolicy s = attrs("{\"c\":[{\"anything-but\":{\"suffix\":\".tmp\"}}]}");
            assertTrue(s.matchesAttributes(message("String", "c", "a.txt")));
            assertFalse(s.matchesAttributes(message("String", "c", "a.tmp")));
        }

        @ParameterizedTest
        @CsvSource({"0,true", "50,true", "99.9,true", "100,false", "-1,false", "abc,false"})
        void numericRange(String value, boolean expected) {
            FilterPolicy p = attrs("{\"price\":[{\"numeric\":[\">=\",0,\"<\",100]}]}");
            assertEquals(expected, p.matchesAttributes(message("Number", "price", value)));
        }

        @ParameterizedTest
        @CsvSource({"=,5,5,true", "=,5,6,false", ">,5,6,true", ">,5,5,false", "<,5,4,true", "<=,5,5,true", ">=,5,4,false"})
        void numericSingleOperators(String op, String operand, String value, boolean expected) {
            FilterPolicy p = attrs("{\"n\":[{\"numeric\":[\"" + op + "\"," + operand + "]}]}");
            assertEquals(expected, p.matchesAttributes(message("Number", "n", value)));
        }

        @Test
        void numericDoesNotMatchStringAttributes() {
            assertFalse(attrs("{\"n\":[{\"numeric\":[\">\",0]}]}").matchesAttributes(message("String", "n", "5")));
        }

        @Test
        void existsTrueAndFalse() {
            FilterPolicy present = attrs("{\"k\":[{\"exists\":true}]}");
            assertTrue(present.matchesAttributes(message("String", "k", "x")));
            assertFalse(present.matchesAttributes(message()));
            FilterPolicy absent = attrs("{\"k\":[{\"exists\":false}]}");
            assertTrue(absent.matchesAttributes(message("String", "other", "x")));
            assertFalse(absent.matchesAttributes(message("String", "k", "x")));
        }

        @Test
        void stringArrayMatchesWhenAnyElementMatches() {
            FilterPolicy p = attrs("{\"sports\":[\"rugby\"]}");
            assertTrue(p.matchesAttributes(message("String.Array", "sports", "[\"soccer\",\"rugby\"]")));
            assertFalse(p.matchesAttributes(message("String.Array", "sports", "[\"soccer\",\"tennis\"]")));
            assertTrue(attrs("{\"n\":[{\"numeric\":[\">\",10]}]}").matchesAttributes(message("String.Array", "n", "[1, 20]")));
            assertFalse(p.matchesAttributes(message("String.Array", "sports", "not json")));
        }

        @Test
        void binaryAttributesOnlySatisfyExists() {
            assertFalse(attrs("{\"b\":[\"AQ==\"]}").matchesAttributes(message("Binary", "b", "AQ==")));
            assertTrue(attrs("{\"b\":[{\"exists\":true}]}").matchesAttributes(message("Binary", "b", "AQ==")));
        }

        @Test
        void orSplitsIntoAlternatives() {
            FilterPolicy p = attrs("{\"source\":[\"aws.cloudwatch\"],\"$or\":[{\"metricName\":[\"CPUUtilization\"]},{\"namespace\":[\"AWS/EC2\"]}]}");
            assertTrue(p.matchesAttributes(message("String", "source", "aws.cloudwatch", "String", "metricName", "CPUUtilization")));
            assertTrue(p.matchesAttributes(message("String", "source", "aws.cloudwatch", "String", "namespace", "AWS/EC2")));
            assertFalse(p.matchesAttributes(message("String", "source", "aws.cloudwatch", "String", "namespace", "AWS/S3")));
            assertFalse(p.matchesAttributes(message("String", "namespace", "AWS/EC2")));
        }

        @Test
        void cidr() {
            FilterPolicy p = attrs("{\"ip\":[{\"cidr\":\"10.0.0.0/24\"}]}");
            assertTrue(p.matchesAttributes(message("String", "ip", "10.0.0.255")));
            assertFalse(p.matchesAttributes(message("String", "ip", "10.0.1.1")));
            assertFalse(p.matchesAttributes(message("String", "ip", "nope")));
        }

        @Test
        void emptyPolicyMatchesEverything() {
            assertTrue(attrs("{}").isEmpty());
            assertTrue(attrs("{}").matchesAttributes(message()));
        }

        @Test
        void nullAndBooleanLiteralsNeverMatchAttributes() {
            assertFalse(attrs("{\"k\":[null]}").matchesAttributes(message("String", "k", "null")));
            assertFalse(attrs("{\"k\":[true]}").matchesAttributes(message("String", "k", "true")));
        }
    }

    @Nested
    class BodyMatching {
        @Test
        void nestedKeys() {
            FilterPolicy p = body("{\"order\":{\"status\":[\"paid\"],\"total\":[{\"numeric\":[\">\",10]}]}}");
            assertTrue(p.matchesBody("{\"order\":{\"status\":\"paid\",\"total\":11}}"));
            assertFalse(p.matchesBody("{\"order\":{\"status\":\"paid\",\"total\":9}}"));
            assertFalse(p.matchesBody("{\"order\":{\"status\":\"open\",\"total\":11}}"));
        }

        @Test
        void arraysInPayloadMatchAnyElement() {
            FilterPolicy p = body("{\"items\":{\"sku\":[\"b\"]}}");
            assertTrue(p.matchesBody("{\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]}"));
            assertFalse(p.matchesBody("{\"items\":[{\"sku\":\"a\"}]}"));
            assertTrue(body("{\"tags\":[\"x\"]}").matchesBody("{\"tags\":[\"y\",\"x\"]}"));
        }

        @Test
        void nonJsonOrNonObjectBodyNeverMatches() {
            FilterPolicy p = body("{\"a\":[\"b\"]}");
            assertFalse(p.matchesBody("plain text"));
            assertFalse(p.matchesBody("[1,2]"));
            assertFalse(body("{\"a\":[{\"exists\":false}]}").matchesBody("nope"));
        }

        @Test
        void literalsOfEveryJsonType() {
            assertTrue(body("{\"a\":[null]}").matchesBody("{\"a\":null}"));
            assertTrue(body("{\"a\":[true]}").matchesBody("{\"a\":true}"));
            assertFalse(body("{\"a\":[true]}").matchesBody("{\"a\":\"true\"}"));
            assertTrue(body("{\"a\":[5]}").matchesBody("{\"a\":5.0}"));
            assertFalse(body("{\"a\":[\"5\"]}").matchesBody("{\"a\":5}"));
        }

        @Test
        void existsOnNestedPath() {
            assertTrue(body("{\"a\":{\"b\":[{\"exists\":false}]}}").matchesBody("{\"a\":{\"c\":1}}"));
            assertFalse(body("{\"a\":{\"b\":[{\"exists\":false}]}}").matchesBody("{\"a\":{\"b\":1}}"));
            assertTrue(body("{\"a\":{\"b\":[{\"exists\":true}]}}").matchesBody("{\"a\":{\"b\":\"x\"}}"));
        }

        @Test
        void orInsideNestedPolicy() {
            FilterPolicy p = body("{\"$or\":[{\"a\":[\"1\"]},{\"b\":{\"c\":[\"2\"]}}]}");
            assertTrue(p.matchesBody("{\"a\":\"1\"}"));
            assertTrue(p.matchesBody("{\"b\":{\"c\":\"2\"}}"));
            assertFalse(p.matchesBody("{\"b\":{\"c\":\"1\"}}"));
        }

        @Test
        void dottedKeysInPayloadMatchNestedPolicy() {
            assertTrue(body("{\"a\":{\"b\":[\"x\"]}}").matchesBody("{\"a.b\":\"x\"}"));
        }
    }

    @Nested
    class Validation {
        @Test
        void malformedJson() {
            assertEquals("Invalid parameter: FilterPolicy: failed to parse JSON. Unexpected character ('i' (code 105)): was expecting double-quote to start field name\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 2]",
                    error("{invalidjson}", false, SET));
            assertTrue(error("[1]", false, SUBSCRIBE).startsWith("Invalid parameter: Attributes Reason: FilterPolicy: failed to parse JSON."));
        }

        @Test
        void tooManyKeys() {
            assertEquals(SET + "FilterPolicy: Filter policy can not have more than 5 keys",
                    error("{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1],\"f\":[1]}", false, SET));
        }

        @Test
        void tooComplex() {
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < 151; i++) {
                values.append(i == 0 ? "" : ",").append(i);
            }
            assertEquals(SET + "FilterPolicy: Filter policy is too complex", error("{\"a\":[" + values + "]}", false, SET));
        }

        @Test
        void emptyArray() {
            assertEquals(SET + "FilterPolicy: Empty arrays are not allowed", error("{\"a\":[]}", false, SET));
        }

        @Test
        void scalarInsteadOfArray() {
            assertEquals(SET + "FilterPolicy: \"a\" must be an object or an array", error("{\"a\":\"b\"}", false, SET));
        }

        @Test
        void nestingNeedsBodyScope() {
            assertEquals(SET + "Filter policy scope MessageAttributes does not support nested filter policy",
                    error("{\"a\":{\"b\":[\"c\"]}}", false, SET));
            body("{\"a\":{\"b\":[\"c\"]}}");
        }

        @Test
        void matchExpressions() {
            assertEquals(SET + "FilterPolicy: Only one key allowed in match expression", error("{\"a\":[{\"prefix\":\"x\",\"suffix\":\"y\"}]}", false, SET));
            assertEquals(SET + "FilterPolicy: prefix match pattern must be a string", error("{\"a\":[{\"prefix\":1}]}", false, SET));
            assertEquals(SET + "FilterPolicy: exists match pattern must be either true or false.", error("{\"a\":[{\"exists\":\"yes\"}]}", false, SET));
            assertEquals(SET + "FilterPolicy: Unrecognized match type wildcardz", error("{\"a\":[{\"wildcardz\":\"x\"}]}", false, SET));
            assertEquals(SET + "FilterPolicy: Match value must be String, number, true, false, or null", error("{\"a\":[[1]]}", false, SET));
            assertEquals(SET + "FilterPolicy: Unsupported anything-but pattern: numeric", error("{\"a\":[{\"anything-but\":{\"numeric\":[\">\",1]}}]}", false, SET));
        }

        @Test
        void numericExpressions() {
            assertEquals(SET + "FilterPolicy: Invalid member in numeric match: ]", error("{\"a\":[{\"numeric\":[]}]}", false, SET));
            assertEquals(SET + "FilterPolicy: Unrecognized numeric range operator: !", error("{\"a\":[{\"numeric\":[\"!\",1]}]}", false, SET));
            assertEquals(SET + "FilterPolicy: Value of equals must be numeric", error("{\"a\":[{\"numeric\":[\"=\",\"x\"]}]}", false, SET));
            assertEquals(SET + "FilterPolicy: Too many elements in numeric expression", error("{\"a\":[{\"numeric\":[\"<\",1,\"<\",2]}]}", false, SET));
            assertEquals(SET + "FilterPolicy: Bad numeric range operator: >", error("{\"a\":[{\"numeric\":[\">\",1,\">\",2]}]}", false, SET));
            assertEquals(SET + "FilterPolicy: Bottom must be less than top", error("{\"a\":[{\"numeric\":[\">\",5,\"<\",2]}]}", false, SET));
            assertEquals(SET + "FilterPolicy: Too many terms in numeric range expression", error("{\"a\":[{\"numeric\":[\">\",1,\"<\",2,\"=\"]}]}", false, SET));
        }

        @Test
        void cidrExpressions() {
            assertEquals(SET + "FilterPolicy: Malformed CIDR, one '/' required", error("{\"a\":[{\"cidr\":\"10.0.0.0\"}]}", false, SET));
            assertEquals(SET + "FilterPolicy: Malformed CIDR, mask bits must be an integer", error("{\"a\":[{\"cidr\":\"10.0.0.0/x\"}]}", false, SET));
            assertEquals(SET + "FilterPolicy: Nonstandard IP address: 10.0.0", error("{\"a\":[{\"cidr\":\"10.0.0/8\"}]}", false, SET));
        }
    }
}
