package dev.cloudjar.services.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.testing.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aws CLI against CloudJar with a data directory: retention drops old events, and logs survive a restart. */
class LogsCliIT {
    private static final long DAY = 86_400_000L;

    @Test
    void retentionIsHonouredAndLogsSurviveARestart(@TempDir Path dir) throws Exception {
        CloudJarConfig config = CloudJarConfig.defaults().withPort(0).withDataDir(dir.resolve("data"));
        long now = System.currentTimeMillis();
        Path events = dir.resolve("events.json");
        try (CloudJar cloudJar = CloudJar.start(config)) {
            CliRunner cli = new CliRunner(cloudJar.endpoint());
            cli.aws("logs", "create-log-group", "--log-group-name", "/kept/app").assertSuccess();
            cli.aws("logs", "create-log-stream", "--log-group-name", "/kept/app", "--log-stream-name", "s").assertSuccess();
            Files.writeString(events, "[{\"timestamp\": " + (now - 10 * DAY) + ", \"message\": \"ten days old\"}]");
            cli.aws("logs", "put-log-events", "--log-group-name", "/kept/app", "--log-stream-name", "s",
                    "--log-events", "file://" + events).assertSuccess();
            Files.writeString(events, "[{\"timestamp\": " + now + ", \"message\": \"{\\\"level\\\": \\\"ERROR\\\", \\\"id\\\": 7}\"},"
                    + " {\"timestamp\": " + now + ", \"message\": \"INFO fresh\"}]");
            cli.aws("logs", "put-log-events", "--log-group-name", "/kept/app", "--log-stream-name", "s",
                    "--log-events", "file://" + events).assertSuccess();
            assertEquals("3", count(cli, null));

            cli.aws("logs", "put-retention-policy", "--log-group-name", "/kept/app", "--retention-in-days", "7").assertSuccess();
            assertEquals("2", count(cli, null), "the ten-day-old event is past a 7-day retention");
            String bad = cli.aws("logs", "put-retention-policy", "--log-group-name", "/kept/app", "--retention-in-days", "8").stderr();
            assertTrue(bad.contains("(InvalidParameterException)") && bad.contains("Member must satisfy enum value set"), bad);
            String missing = cli.aws("logs", "filter-log-events", "--log-group-name", "/nope").stderr();
            assertTrue(missing.contains("(ResourceNotFoundException) when calling the FilterLogEvents operation: The specified log group does not exist."), missing);
        }
        try (CloudJar again = CloudJar.start(config)) {
            CliRunner cli = new CliRunner(again.endpoint());
            assertEquals("2", count(cli, null));
            assertEquals("1", count(cli, "{ $.level = \"ERROR\" }"));
            String retention = cli.aws("logs", "describe-log-groups", "--log-group-name-prefix", "/kept/",
                    "--query", "logGroups[0].retentionInDays").assertSuccess().stdout().strip();
            assertEquals("7", retention);
            String stream = cli.aws("logs", "get-log-events", "--log-group-name", "/kept/app", "--log-stream-name", "s",
                    "--start-from-head", "--query", "events[].message", "--output", "text").assertSuccess().stdout();
            assertTrue(stream.contains("INFO fresh") && !stream.contains("ten days old"), stream);
            String boto = cli.python("""
                    import boto3, os
                    c = boto3.client('logs', endpoint_url=os.environ['ENDPOINT'], region_name='us-east-1',
                                     aws_access_key_id='test', aws_secret_access_key='test')
                    pages = c.get_paginator('filter_log_events').paginate(logGroupName='/kept/app', PaginationConfig={'PageSize': 1})
                    print([e['message'] for p in pages for e in p['events']])
                    print(c.describe_log_streams(logGroupName='/kept/app')['logStreams'][0]['logStreamName'])
                    try:
                        c.create_log_stream(logGroupName='/kept/app', logStreamName='s')
                    except c.exceptions.ResourceAlreadyExistsException as e:
                        print(e.response['Error']['Message'])
                    """).assertSuccess().stdout();
            assertEquals("['{\"level\": \"ERROR\", \"id\": 7}', 'INFO fresh']\ns\nThe specified log stream already exists\n", boto);
        }
    }

    private static String count(CliRunner cli, String pattern) {
        return (pattern == null
                ? cli.aws("logs", "filter-log-events", "--log-group-name", "/kept/app", "--query", "length(events)")
                : cli.aws("logs", "filter-log-events", "--log-group-name", "/kept/app", "--filter-pattern", pattern, "--query", "length(events)"))
                .assertSuccess().stdout().strip();
    }
}
