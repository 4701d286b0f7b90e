package dev.cloudjar.services.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** Log groups through the SDK: create, describe (prefix, pattern, paging), delete, retention and tags. */
@ExtendWith(CloudJarExtension.class)
class LogsGroupsIT {

    @Test
    void createDescribeAndDelete(CloudWatchLogsClient logs) {
        logs.createLogGroup(b -> b.logGroupName("/groups/first").tags(Map.of("team", "core")));
        ResourceAlreadyExistsException twice = assertThrows(ResourceAlreadyExistsException.class,
                () -> logs.createLogGroup(b -> b.logGroupName("/groups/first")));
        assertEquals("The specified log group already exists", twice.awsErrorDetails().errorMessage());
        assertEquals(400, twice.statusCode());

        LogGroup group = logs.describeLogGroups(b -> b.logGroupNamePrefix("/groups/first")).logGroups().get(0);
        assertEquals("/groups/first", group.logGroupName());
        assertEquals("arn:aws:logs:us-east-1:000000000000:log-group:/groups/first:*", group.arn());
        assertEquals("arn:aws:logs:us-east-1:000000000000:log-group:/groups/first", group.logGroupArn());
        assertTrue(Math.abs(group.creationTime() - System.currentTimeMillis()) < 60_000, "creationTime is epoch millis");
        assertEquals(0L, group.storedBytes());
        assertNull(group.retentionInDays());

        logs.deleteLogGroup(b -> b.logGroupName("/groups/first"));
        assertTrue(logs.describeLogGroups(b -> b.logGroupNamePrefix("/groups/first")).logGroups().isEmpty());
        ResourceNotFoundException gone = assertThrows(ResourceNotFoundException.class,
                () -> logs.deleteLogGroup(b -> b.logGroupName("/groups/first")));
        assertEquals("The specified log group does not exist.", gone.awsErrorDetails().errorMessage());
    }

    @Test
    void badNamesAreInvalidParameters(CloudWatchLogsClient logs) {
        InvalidParameterException spaces = assertThrows(InvalidParameterException.class,
                () -> logs.createLogGroup(b -> b.logGroupName("has spaces")));
        assertTrue(spaces.getMessage().contains("Member must satisfy regular expression pattern"), spaces.getMessage());
        assertThrows(InvalidParameterException.class, () -> logs.createLogGroup(b -> b.logGroupName("x".repeat(513))));
        assertThrows(InvalidParameterException.class, () -> logs.createLogGroup(b -> b.logGroupName("colon:name")));
    }

    @Test
    void describePagesByPrefixAndPattern(CloudWatchLogsClient logs) {
        for (int i = 0; i < 7; i++) {
            int n = i;
            logs.createLogGroup(b -> b.logGroupName("/paged/group-" + n));
        }
        logs.createLogGroup(b -> b.logGroupName("/other/Paged-Thing"));
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            DescribeLogGroupsResponse page = logs.describeLogGroups(b -> b.logGroupNamePrefix("/paged/").limit(3).nextToken(next));
            page.logGroups().forEach(g -> names.add(g.logGroupName()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(3, pages);
        assertEquals(List.of("/paged/group-0", "/paged/group-1", "/paged/group-2", "/paged/group-3", "/paged/group-4",
                "/paged/group-5", "/paged/group-6"), names);
        List<String> byPattern = logs.describeLogGroupsPaginator(b -> b.logGroupNamePattern("paged-t")).logGroups().stream()
                .map(LogGroup::logGroupName).toList();
        assertEquals(List.of("/other/Paged-Thing"), byPattern);
        assertEquals(List.of("/other/Paged-Thing", "/paged/group-3"), logs.describeLogGroups(b -> b.logGroupIdentifiers(
                "/paged/group-3", "arn:aws:logs:us-east-1:000000000000:log-group:/other/Paged-Thing", "/paged/none")).logGroups().stream()
                .map(LogGroup::logGroupName).toList());
        assertEquals(8, logs.describeLogGroupsPaginator(b -> b.logGroupClass("STANDARD")).logGroups().stream()
                .filter(g -> g.logGroupName().contains("aged")).count());
        assertEquals(0, logs.describeLogGroups(b -> b.logGroupClass("INFREQUENT_ACCESS")).logGroups().size());
        InvalidParameterException both = assertThrows(InvalidParameterException.class,
                () -> logs.describeLogGroups(b -> b.logGroupNamePrefix("/p").logGroupNamePattern("p")));
        assertTrue(both.getMessage().contains("mutually exclusive"), both.getMessage());
        assertThrows(InvalidParameterException.class, () -> logs.describeLogGroups(b -> b.limit(51)));
        assertThrows(InvalidParameterException.class, () -> logs.describeLogGroups(b -> b.nextToken("garbage!")));
    }

    @Test
    void retentionTakesOnlyAwsValues(CloudWatchLogsClient logs) {
        logs.createLogGroup(b -> b.logGroupName("/retention/app"));
        logs.putRetentionPolicy(b -> b.logGroupName("/retention/app").retentionInDays(14));
        assertEquals(14, logs.describeLogGroups(b -> b.logGroupNamePrefix("/retention/app")).logGroups().get(0).retentionInDays());
        InvalidParameterException two = assertThrows(InvalidParameterException.class,
                () -> logs.putRetentionPolicy(b -> b.logGroupName("/retention/app").retentionInDays(2)));
        assertTrue(two.getMessage().contains("Value '2' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [1, 3, 5, 7, 14, 30"),
                two.getMessage());
        logs.deleteRetentionPolicy(b -> b.logGroupName("/retention/app"));
        assertNull(logs.describeLogGroups(b -> b.logGroupNamePrefix("/retention/app")).logGroups().get(0).retentionInDays());
        assertThrows(ResourceNotFoundException.class, () -> logs.putRetentionPolicy(b -> b.logGroupName("/retention/none").retentionInDays(1)));
        assertThrows(ResourceNotFoundException.class, () -> logs.deleteRetentionPolicy(b -> b.logGroupName("/retention/none")));
    }

    @Test
    @SuppressWarnings("deprecation")
    void tagsByNameAndByArn(CloudWatchLogsClient logs) {
        logs.createLogGroup(b -> b.logGroupName("/tags/app").tags(Map.of("env", "dev")));
        logs.tagLogGroup(b -> b.logGroupName("/tags/app").tags(Map.of("team", "payments")));
        assertEquals(Map.of("env", "dev", "team", "payments"), logs.listTagsLogGroup(b -> b.logGroupName("/tags/app")).tags());
        logs.untagLogGroup(b -> b.logGroupName("/tags/app").tags("env"));
        assertEquals(Map.of("team", "payments"), logs.listTagsLogGroup(b -> b.logGroupName("/tags/app")).tags());

        String arn = logs.describeLogGroups(b -> b.logGroupNamePrefix("/tags/app")).logGroups().get(0).logGroupArn();
        logs.tagResource(b -> b.resourceArn(arn).tags(Map.of("cost", "42")));
        assertEquals(Map.of("team", "payments", "cost", "42"), logs.listTagsForResource(b -> b.resourceArn(arn)).tags());
        logs.untagResource(b -> b.resourceArn(arn).tagKeys("team"));
        assertEquals(Map.of("cost", "42"), logs.listTagsForResource(b -> b.resourceArn(arn)).tags());

        assertThrows(ResourceNotFoundException.class, () -> logs.listTagsLogGroup(b -> b.logGroupName("/tags/none")));
        assertThrows(ResourceNotFoundException.class,
                () -> logs.listTagsForResource(b -> b.resourceArn("arn:aws:logs:us-east-1:000000000000:log-group:/tags/none")));
        assertThrows(InvalidParameterException.class, () -> logs.tagResource(b -> b.resourceArn("not-an-arn").tags(Map.of("a", "b"))));
    }

    @Test
    void unknownOperationsAndMalformedBodiesAnswerInJson11(java.net.URI endpoint) throws Exception {
        var unknown = post(endpoint, "StartQuery", "{}");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("UnknownOperationException"), unknown.body());
        assertEquals("application/x-amz-json-1.1", unknown.headers().firstValue("Content-Type").orElse(""));
        var malformed = post(endpoint, "CreateLogGroup", "{not json");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("SerializationException"), malformed.body());
        var missing = post(endpoint, "CreateLogGroup", "{}");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("InvalidParameterException") && missing.body().contains("logGroupName"), missing.body());
    }

    private static java.net.http.HttpResponse<String> post(java.net.URI endpoint, String operation, String body) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "Logs_20140328." + operation)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261204/us-east-1/logs/aws4_request, SignedHeaders=host, Signature=00")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }
}
