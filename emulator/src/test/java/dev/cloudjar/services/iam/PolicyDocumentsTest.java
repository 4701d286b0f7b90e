package dev.cloudjar.services.iam;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.services.iam.PolicyDocuments.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {
    private static String message(String document, Kind kind) {
        AwsException e = assertThrows(AwsException.class, () -> PolicyDocuments.validate(document, kind));
        assertEquals("MalformedPolicyDocument", e.code());
        assertEquals(400, e.status());
        return e.getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}",
        "{\"Version\":\"2008-10-17\",\"Statement\":{\"Sid\":\"one\",\"Effect\":\"Deny\",\"NotAction\":[\"iam:*\"],\"NotResource\":\"arn:aws:s3:::b\"}}",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"sqs:SendMessage\",\"sqs:ReceiveMessage\"],\"Resource\":[\"*\"],"
            + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"000000000000\"}}}]}",
    })
    void acceptsPermissionPolicies(String document) {
        assertDoesNotThrow(() -> PolicyDocuments.validate(document, Kind.PERMISSIONS));
    }

    @Test
    void acceptsTrustPolicies() {
        assertDoesNotThrow(() -> PolicyDocuments.validate("{\"Version\": \"2012-10-17\",\"Statement\": [{ \"Effect\": \"Allow\", "
                + "\"Principal\": {\"Service\": \"lambda.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}", Kind.TRUST));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{not json|This policy contains invalid Json",
        "[]|This policy contains invalid Json",
        "{} {}|This policy contains invalid Json",
        "{\"Version\":\"2012-10-17\"}|Syntax errors in policy.",
        "{\"Version\":\"2012-10-17\",\"Statement\":[]}|Syntax errors in policy.",
        "{\"Version\":\"2019-01-01\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}|Syntax errors in policy.",
        "{\"Statement\":{\"Effect\":\"Maybe\",\"Action\":\"*\",\"Resource\":\"*\"}}|Syntax errors in policy.",
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Extra\":1}}|Syntax errors in policy.",
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[1],\"Resource\":\"*\"}}|Syntax errors in policy.",
        "{\"Statement\":{\"Effect\":\"Allow\",\"Resource\":\"*\"}}|Policy statement must contain actions.",
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"}}|Policy statement must contain actions.",
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\"}}|Policy statement must contain resources.",
        "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}}|Policy document should not specify a principal.",
    })
    void rejectsMalformedPermissionPolicies(String document, String expected) {
        assertEquals(expected, message(document, Kind.PERMISSIONS));
    }

    @Test
    void trustPoliciesNeedPrincipalsAndNoResources() {
        assertEquals("Missing required field Principal",
                message("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}}", Kind.TRUST));
        assertEquals("Has prohibited field Resource", message("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}}", Kind.TRUST));
    }

    @Test
    void quotaSizeIgnoresWhiteSpace() {
        assertEquals(7, PolicyDocuments.quotaSize("{ \"a\" :\n 1 }"));
    }
}
