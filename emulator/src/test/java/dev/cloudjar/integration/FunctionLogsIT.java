package dev.cloudjar.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** Every invocation's output, with START / END / REPORT, lands in /aws/lambda/<function>, one stream per execution environment. */
@ExtendWith(CloudJarExtension.class)
class FunctionLogsIT {
    static final Path JAR = Path.of("../sample-functions/target/sample-functions.jar");
    static final String ROLE = "arn:aws:iam::000000000000:role/lambda-role";
    private static final Pattern STREAM = Pattern.compile("(\\d{4}/\\d{2}/\\d{2})/\\[(\\$LATEST|\\d+)\\]([0-9a-f]{32})");

    private static void deploy(LambdaClient lambda, String name) throws Exception {
        byte[] jar = Files.readAllBytes(JAR);
        lambda.createFunction(b -> b.functionName(name).runtime("java21").role(ROLE).handler("dev.cloudjar.samples.hello.HelloLogs")
                .timeout(30).memorySize(512).code(c -> c.zipFile(SdkBytes.fromByteArray(jar))));
    }

    @Test
    void invocationsWriteAwsShapedLinesToTheEnvironmentsStream(LambdaClient lambda, CloudWatchLogsClient logs, CloudJar cloudJar) throws Exception {
        deploy(lambda, "hello-logs");
        InvokeResponse first = lambda.invoke(b -> b.functionName("hello-logs").payload(SdkBytes.fromUtf8String("{\"name\":\"Ada\"}")));
        assertNull(first.functionError(), first.payload().asUtf8String());
        String requestId = first.responseMetadata().requestId();
        lambda.invoke(b -> b.functionName("hello-logs").payload(SdkBytes.fromUtf8String("{\"name\":\"Bob\"}")));
        assertTrue(cloudJar.awaitIdle(java.time.Duration.ofSeconds(10)));

        List<LogStream> streams = logs.describeLogStreams(b -> b.logGroupName("/aws/lambda/hello-logs")).logStreams();
        assertEquals(1, streams.size(), "two sequential invocations share one warm environment, so one stream: " + streams);
        Matcher name = STREAM.matcher(streams.get(0).logStreamName());
        assertTrue(name.matches(), streams.get(0).logStreamName());
        assertEquals(LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd")), name.group(1));
        assertEquals("$LATEST", name.group(2));

        List<FilteredLogEvent> events = logs.filterLogEvents(b -> b.logGroupName("/aws/lambda/hello-logs")).events();
        List<String> messages = events.stream().map(FilteredLogEvent::message).toList();
        assertEquals(10, messages.size(), messages.toString());
        assertEquals("START RequestId: " + requestId + " Version: $LATEST\n", messages.get(0));
        assertEquals("Greeting Ada\n", messages.get(1));
        assertEquals("{\"level\":\"INFO\",\"greeted\":\"Ada\",\"stream\":\"" + streams.get(0).logStreamName() + "\"}\n", messages.get(2),
                "the Java context's getLogStreamName() is the stream the lines land in");
        assertEquals("END RequestId: " + requestId + "\n", messages.get(3));
        assertTrue(messages.get(4).matches("REPORT RequestId: " + requestId + "\tDuration: \\d+\\.\\d{2} ms\tBilled Duration: \\d+ ms\t"
                + "Memory Size: 512 MB\tMax Memory Used: \\d+ MB\tInit Duration: \\d+\\.\\d{2} ms\t\n"), messages.get(4));
        assertTrue(messages.get(9).startsWith("REPORT RequestId: ") && !messages.get(9).contains("Init Duration"),
                "a warm invocation reports no init: " + messages.get(9));
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).timestamp() >= events.get(i - 1).timestamp());
        }
        assertTrue(events.stream().allMatch(e -> e.logStreamName().equals(streams.get(0).logStreamName())));

        List<String> greetings = logs.filterLogEvents(b -> b.logGroupName("/aws/lambda/hello-logs").filterPattern("{ $.greeted = \"Bob\" }"))
                .events().stream().map(FilteredLogEvent::message).toList();
        assertEquals(1, greetings.size(), greetings.toString());
        assertNotNull(logs.describeLogGroups(b -> b.logGroupNamePrefix("/aws/lambda/hello-logs")).logGroups().get(0).creationTime());
    }

    @Test
    void concurrentInvocationsRunInTwoEnvironmentsAndWriteTwoStreams(LambdaClient lambda, CloudWatchLogsClient logs, CloudJar cloudJar)
            throws Exception {
        lambda.createFunction(b -> b.functionName("echo-logs").runtime("java21").role(ROLE)
                .handler("dev.cloudjar.services.lambda.fixtures.EchoHandler").timeout(30)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(dev.cloudjar.services.lambda.TestPackages.fixtures()))));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var calls = new ArrayList<java.util.concurrent.Future<InvokeResponse>>();
            for (int i = 0; i < 2; i++) {
                calls.add(pool.submit(() -> lambda.invoke(b -> b.functionName("echo-logs").payload(SdkBytes.fromUtf8String("{\"sleepMs\":1500}")))));
            }
            for (var call : calls) {
                assertNull(call.get().functionError());
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(cloudJar.awaitIdle(java.time.Duration.ofSeconds(10)));
        List<LogStream> streams = logs.describeLogStreams(b -> b.logGroupName("/aws/lambda/echo-logs")).logStreams();
        assertEquals(2, streams.size(), streams.toString());
        for (LogStream stream : streams) {
            assertTrue(STREAM.matcher(stream.logStreamName()).matches(), stream.logStreamName());
            List<String> lines = logs.getLogEvents(b -> b.logGroupName("/aws/lambda/echo-logs").logStreamName(stream.logStreamName())
                    .startFromHead(true)).events().stream().map(e -> e.message()).toList();
            assertEquals(5, lines.size(), "one invocation per environment, with the two lines EchoHandler prints: " + lines);
            assertTrue(lines.get(0).startsWith("START RequestId: ") && lines.get(4).startsWith("REPORT RequestId: "), lines.toString());
            assertEquals(List.of("echo called\n", "printed by echo\n"), lines.subList(1, 3));
        }
    }

    @Test
    void anUnhandledErrorsDocumentIsLoggedBeforeEnd(LambdaClient lambda, CloudWatchLogsClient logs, CloudJar cloudJar) {
        lambda.createFunction(b -> b.functionName("boom-logs").runtime("java21").role(ROLE)
                .handler("dev.cloudjar.services.lambda.fixtures.Failures::boom").timeout(30)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(dev.cloudjar.services.lambda.TestPackages.fixtures()))));
        InvokeResponse failed = lambda.invoke(b -> b.functionName("boom-logs").payload(SdkBytes.fromUtf8String("\"x\"")));
        assertEquals("Unhandled", failed.functionError());
        assertTrue(cloudJar.awaitIdle(java.time.Duration.ofSeconds(10)));
        List<String> lines = logs.filterLogEvents(b -> b.logGroupName("/aws/lambda/boom-logs")).events().stream()
                .map(FilteredLogEvent::message).toList();
        assertEquals(4, lines.size(), lines.toString());
        assertEquals(failed.payload().asUtf8String() + "\n", lines.get(1));
        assertTrue(lines.get(1).contains("\"errorType\":\"java.lang.IllegalArgumentException\""), lines.get(1));
        assertTrue(lines.get(2).startsWith("END RequestId: "), lines.toString());
    }

    @Test
    void aPublishedVersionWritesItsOwnStream(LambdaClient lambda, CloudWatchLogsClient logs, CloudJar cloudJar) throws Exception {
        deploy(lambda, "hello-versioned");
        String version = lambda.publishVersion(b -> b.functionName("hello-versioned")).version();
        lambda.invoke(b -> b.functionName("hello-versioned").qualifier(version).payload(SdkBytes.fromUtf8String("{}")));
        assertTrue(cloudJar.awaitIdle(java.time.Duration.ofSeconds(10)));
        LogStream stream = logs.describeLogStreams(b -> b.logGroupName("/aws/lambda/hello-versioned")).logStreams().get(0);
        assertTrue(stream.logStreamName().contains("/[" + version + "]"), stream.logStreamName());
        String start = logs.getLogEvents(b -> b.logGroupName("/aws/lambda/hello-versioned").logStreamName(stream.logStreamName())
                .startFromHead(true)).events().get(0).message();
        assertTrue(start.startsWith("START RequestId: ") && start.endsWith(" Version: " + version + "\n"), start);
    }

    @Test
    void theCliReadsWhatTheFunctionPrinted(CloudJar cloudJar) throws Exception {
        CliRunner cli = new CliRunner(cloudJar.endpoint());
        cli.aws("lambda", "create-function", "--function-name", "hello", "--runtime", "java21", "--role", ROLE,
                "--handler", "dev.cloudjar.samples.hello.HelloLogs::handleRequest", "--zip-file", "fileb://" + JAR.toAbsolutePath(),
                "--timeout", "20").assertSuccess();
        Path out = Files.createTempFile("invoke", ".json");
        cli.aws("lambda", "invoke", "--function-name", "hello", "--payload", "{\"name\":\"CLI\"}", out.toString()).assertSuccess();
        Files.deleteIfExists(out);
        assertTrue(cloudJar.awaitIdle(java.time.Duration.ofSeconds(10)));

        String filtered = cli.aws("logs", "filter-log-events", "--log-group-name", "/aws/lambda/hello").assertSuccess().stdout();
        assertTrue(filtered.contains("\"message\": \"Greeting CLI\\n\""), filtered);
        assertTrue(filtered.contains("\"message\": \"START RequestId: ") && filtered.contains(" Version: $LATEST\\n\""), filtered);
        assertTrue(filtered.contains("\"message\": \"END RequestId: "), filtered);
        assertTrue(filtered.contains("\"message\": \"REPORT RequestId: ") && filtered.contains("\\tBilled Duration: "), filtered);

        String streams = cli.aws("logs", "describe-log-streams", "--log-group-name", "/aws/lambda/hello",
                "--query", "logStreams[0].logStreamName", "--output", "text").assertSuccess().stdout().strip();
        assertTrue(STREAM.matcher(streams).matches(), streams);

        String json = cli.aws("logs", "filter-log-events", "--log-group-name", "/aws/lambda/hello",
                "--filter-pattern", "{ $.greeted = \"CLI\" }", "--query", "events[].message", "--output", "text").assertSuccess().stdout();
        assertTrue(json.contains("\"stream\":\"" + streams + "\""), json);
        String none = cli.aws("logs", "filter-log-events", "--log-group-name", "/aws/lambda/hello",
                "--filter-pattern", "Goodbye", "--query", "length(events)").assertSuccess().stdout().strip();
        assertEquals("0", none);
    }
}
