package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.services.s3.model.CorsRule;
import dev.cloudjar.services.s3.model.NotificationConfiguration;
import dev.cloudjar.services.s3.model.NotificationConfiguration.FilterRule;
import dev.cloudjar.services.s3.model.NotificationConfiguration.NotificationTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3ConfigRulesTest {
    private static final IdGenerator IDS = IdGenerator.random();

    private static NotificationConfiguration queue(String arn, List<String> events, List<FilterRule> rules) {
        return new NotificationConfiguration(List.of(new NotificationTarget(null, arn, events, rules)), List.of(), List.of(), false);
    }

    @Test
    void notificationTargetsNeedWellFormedArnsOfTheRightService() {
        NotificationConfiguration ok = NotificationRules.validate(queue("arn:aws:sqs:us-east-1:000000000000:q",
                List.of("s3:ObjectCreated:*"), List.of(new FilterRule("PREFIX", "in/"), new FilterRule("suffix", ".csv"))), IDS);
        NotificationTarget target = ok.queueConfigurations().get(0);
        assertTrue(target.id() != null && !target.id().isEmpty(), "an id is generated");
        assertEquals(List.of(new FilterRule("Prefix", "in/"), new FilterRule("Suffix", ".csv")), target.filterRules());
        for (String bad : List.of("not-an-arn", "arn:aws:sns:us-east-1:000000000000:t", "arn:aws:sqs:::q")) {
            AwsException e = assertThrows(AwsException.class,
                    () -> NotificationRules.validate(queue(bad, List.of("s3:ObjectCreated:*"), List.of()), IDS));
            assertEquals("InvalidArgument", e.code());
        }
        assertEquals("InvalidArgument", assertThrows(AwsException.class, () -> NotificationRules.validate(
                queue("arn:aws:sqs:us-east-1:000000000000:q", List.of("s3:Nope"), List.of()), IDS)).code());
        assertEquals("InvalidArgument", assertThrows(AwsException.class, () -> NotificationRules.validate(
                queue("arn:aws:sqs:us-east-1:000000000000:q", List.of("s3:ObjectCreated:*"),
                        List.of(new FilterRule("prefix", "a"), new FilterRule("Prefix", "b"))), IDS)).code());
        NotificationConfiguration lambda = new NotificationConfiguration(List.of(), List.of(), List.of(new NotificationTarget("x",
                "arn:aws:lambda:us-east-1:000000000000:fn", List.of("s3:ObjectRemoved:*"), List.of())), false);
        assertThrows(AwsException.class, () -> NotificationRules.validate(lambda, IDS), "a function ARN has function:");
    }

    @Test
    void corsMatchingUsesOneWildcardAndCaseInsensitiveHeaders() {
        CorsRule rule = new CorsRule(null, List.of("GET", "PUT"), List.of("https://*.example.com"), List.of("x-amz-*", "Content-Type"),
                List.of(), null);
        assertEquals(rule, CorsRules.match(List.of(rule), "https://app.example.com", "PUT", List.of("X-Amz-Date", "content-type")));
        assertNull(CorsRules.match(List.of(rule), "https://app.example.org", "PUT", List.of()));
        assertNull(CorsRules.match(List.of(rule), "https://app.example.com", "DELETE", List.of()));
        assertNull(CorsRules.match(List.of(rule), "https://app.example.com", "GET", List.of("authorization")));
        assertEquals("InvalidRequest", assertThrows(AwsException.class, () -> CorsRules.validate(List.of(
                new CorsRule(null, List.of("PATCH"), List.of("*"), List.of(), List.of(), null)))).code());
        assertEquals("MalformedXML", assertThrows(AwsException.class, () -> CorsRules.validate(List.of(
                new CorsRule(null, List.of(), List.of("*"), List.of(), List.of(), null)))).code());
    }

    @Test
    void bucketNames() {
        for (String good : List.of("abc", "my.bucket-1", "a".repeat(63), "1bucket")) {
            assertTrue(BucketNameRules.valid(good), good);
        }
        for (String bad : List.of("ab", "a".repeat(64), "Upper", "under_score", "-dash", "dot.", "a..b", "192.168.1.1",
                "xn--abc", "abc-s3alias", "a.-b")) {
            assertFalse(BucketNameRules.valid(bad), bad);
        }
    }
}
