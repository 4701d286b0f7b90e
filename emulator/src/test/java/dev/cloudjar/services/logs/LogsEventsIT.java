package dev.cloudjar.services.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** Streams and events through the SDK: PutLogEvents' rules, GetLogEvents' tokens, FilterLogEvents' patterns. */
@ExtendWith(CloudJarExtension.class)
class LogsEventsIT {
    private static final long NOW = System.currentTimeMillis();

    private static InputLogEvent event(long timestamp, String message) {
        return InputLogEvent.builder().timestamp(timestamp).message(message).build();
    }

    private static void group(CloudWatchLogsClient logs, String group, String... streams) {
        logs.createLogGroup(b -> b.logGroupName(group));
        for (String stream : streams) {
            logs.createLogStream(b -> b.logGroupName(group).logStreamName(stream));
        }
    }

    @Test
    void streamsAreCreatedDescribedInOrderAndDeleted(CloudWatchLogsClient logs) {
        group(logs, "/streams/app", "b-stream", "a-stream", "c-stream");
        assertThrows(ResourceAlreadyExistsException.class, () -> logs.createLogStream(b -> b.logGroupName("/streams/app").logStreamName("a-stream")));
        assertThrows(ResourceNotFoundException.class, () -> logs.createLogStream(b -> b.logGroupName("/streams/none").logStreamName("s")));
        assertThrows(InvalidParameterException.class, () -> logs.createLogStream(b -> b.logGroupName("/streams/app").logStreamName("bad:name")));
        logs.putLogEvents(b -> b.logGroupName("/streams/app").logStreamName("a-stream").logEvents(event(NOW - 1000, "old")));
        logs.putLogEvents(b -> b.logGroupName("/streams/app").logStreamName("c-stream").logEvents(event(NOW - 5000, "older")));

        List<String> byName = logs.describeLogStreams(b -> b.logGroupName("/streams/app")).logStreams().stream().map(LogStream::logStreamName).toList();
        assertEquals(List.of("a-stream", "b-stream", "c-stream"), byName);
        List<String> latestFirst = logs.describeLogStreams(b -> b.logGroupName("/streams/app").orderBy("LastEventTime").descending(true))
                .logStreams().stream().map(LogStream::logStreamName).toList();
        assertEquals(List.of("a-stream", "c-stream", "b-stream"), latestFirst);
        List<String> paged = logs.describeLogStreamsPaginator(b -> b.logGroupName("/streams/app").limit(1)).logStreams().stream()
                .map(LogStream::logStreamName).toList();
        assertEquals(byName, paged);
        assertEquals(List.of("b-stream"), logs.describeLogStreams(b -> b.logGroupName("/streams/app").logStreamNamePrefix("b"))
                .logStreams().stream().map(LogStream::logStreamName).toList());

        LogStream a = logs.describeLogStreams(b -> b.logGroupName("/streams/app").logStreamNamePrefix("a")).logStreams().get(0);
        assertEquals(NOW - 1000, a.firstEventTimestamp());
        assertEquals(NOW - 1000, a.lastEventTimestamp());
        assertNotNull(a.lastIngestionTime());
        assertNotNull(a.uploadSequenceToken());
        assertEquals("arn:aws:logs:us-east-1:000000000000:log-group:/streams/app:log-stream:a-stream", a.arn());
        LogStream empty = logs.describeLogStreams(b -> b.logGroupName("/streams/app").logStreamNamePrefix("b")).logStreams().get(0);
        assertNull(empty.firstEventTimestamp());

        InvalidParameterException prefixAndTime = assertThrows(InvalidParameterException.class,
                () -> logs.describeLogStreams(b -> b.logGroupName("/streams/app").logStreamNamePrefix("a").orderBy("LastEventTime")));
        assertEquals("Cannot order by LastEventTime with a logStreamNamePrefix.", prefixAndTime.awsErrorDetails().errorMessage());
        assertThrows(ResourceNotFoundException.class, () -> logs.describeLogStreams(b -> b.logGroupName("/streams/none")));

        logs.deleteLogStream(b -> b.logGroupName("/streams/app").logStreamName("a-stream"));
        ResourceNotFoundException gone = assertThrows(ResourceNotFoundException.class,
                () -> logs.deleteLogStream(b -> b.logGroupName("/streams/app").logStreamName("a-stream")));
        assertEquals("The specified log stream does not exist.", gone.awsErrorDetails().errorMessage());
        assertEquals(2, logs.describeLogStreams(b -> b.logGroupName("/streams/app")).logStreams().size());
    }

    @Test
    void putLogEventsEnforcesAwsRules(CloudWatchLogsClient logs) {
        group(logs, "/put/app", "s");
        PutLogEventsResponse ok = logs.putLogEvents(b -> b.logGroupName("/put/app").logStreamName("s").sequenceToken("ignored")
                .logEvents(event(NOW, "one"), event(NOW, "two"), event(NOW + 1, "three")));
        assertNotNull(ok.nextSequenceToken());
        assertNull(ok.rejectedLogEventsInfo());

        InvalidParameterException order = assertThrows(InvalidParameterException.class, () -> logs.putLogEvents(b -> b.logGroupName("/put/app")
                .logStreamName("s").logEvents(event(NOW, "later"), event(NOW - 1, "earlier"))));
        assertEquals("Log events in a single PutLogEvents request must be in chronological order.", order.awsErrorDetails().errorMessage());
        InvalidParameterException span = assertThrows(InvalidParameterException.class, () -> logs.putLogEvents(b -> b.logGroupName("/put/app")
                .logStreamName("s").logEvents(event(NOW - 25 * 3_600_000L, "a"), event(NOW, "b"))));
        assertTrue(span.getMessage().contains("cannot span more than 24 hours"), span.getMessage());
        String big = "x".repeat(600_000);
        InvalidParameterException tooLarge = assertThrows(InvalidParameterException.class, () -> logs.putLogEvents(b -> b.logGroupName("/put/app")
                .logStreamName("s").logEvents(event(NOW, big), event(NOW, big))));
        assertTrue(tooLarge.getMessage().contains("exceeds limit of 1048576"), tooLarge.getMessage());
        List<InputLogEvent> many = IntStream.range(0, 10_001).mapToObj(i -> event(NOW, "m")).toList();
        assertThrows(InvalidParameterException.class, () -> logs.putLogEvents(b -> b.logGroupName("/put/app").logStreamName("s").logEvents(many)));
        assertThrows(ResourceNotFoundException.class, () -> logs.putLogEvents(b -> b.logGroupName("/put/app").logStreamName("none").logEvents(event(NOW, "x"))));
        assertThrows(ResourceNotFoundException.class, () -> logs.putLogEvents(b -> b.logGroupName("/put/none").logStreamName("s").logEvents(event(NOW, "x"))));

        long old = NOW - 15 * 86_400_000L;
        PutLogEventsResponse tooOld = logs.putLogEvents(b -> b.logGroupName("/put/app").logStreamName("s").logEvents(
                event(old, "too old"), event(old + 1, "too old too")));
        assertEquals(1, tooOld.rejectedLogEventsInfo().tooOldLogEventEndIndex());
        assertNull(tooOld.rejectedLogEventsInfo().tooNewLogEventStartIndex());
        PutLogEventsResponse tooNew = logs.putLogEvents(b -> b.logGroupName("/put/app").logStreamName("s").logEvents(
                event(NOW, "fine"), event(NOW + 3 * 3_600_000L, "too new")));
        assertEquals(1, tooNew.rejectedLogEventsInfo().tooNewLogEventStartIndex());
        assertNull(tooNew.rejectedLogEventsInfo().expiredLogEventEndIndex());
        List<String> stored = logs.getLogEvents(b -> b.logGroupName("/put/app").logStreamName("s").startFromHead(true)).events()
                .stream().map(OutputLogEvent::message).toList();
        assertEquals(List.of("one", "two", "fine", "three"), stored);

        logs.putRetentionPolicy(b -> b.logGroupName("/put/app").retentionInDays(1));
        PutLogEventsResponse expired = logs.putLogEvents(b -> b.logGroupName("/put/app").logStreamName("s").logEvents(
                event(NOW - 86_400_000L - 60_000, "past retention"), event(NOW - 86_400_000L + 60_000, "kept")));
        assertEquals(0, expired.rejectedLogEventsInfo().expiredLogEventEndIndex());
    }

    @Test
    void getLogEventsPagesBothWaysAndKeepsItsTokenAtTheEnd(CloudWatchLogsClient logs) {
        group(logs, "/get/app", "s");
        List<InputLogEvent> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(event(NOW - 10_000 + i * 1000L, "event " + i));
        }
        logs.putLogEvents(b -> b.logGroupName("/get/app").logStreamName("s").logEvents(batch));

        GetLogEventsResponse tail = logs.getLogEvents(b -> b.logGroupName("/get/app").logStreamName("s").limit(3));
        assertEquals(List.of("event 7", "event 8", "event 9"), messages(tail));
        assertTrue(tail.nextForwardToken().startsWith("f/") && tail.nextBackwardToken().startsWith("b/"), tail.toString());
        GetLogEventsResponse end = logs.getLogEvents(b -> b.logGroupName("/get/app").logStreamName("s").nextToken(tail.nextForwardToken()));
        assertTrue(end.events().isEmpty());
        assertEquals(tail.nextForwardToken(), end.nextForwardToken(), "the end of the stream returns the token passed in");

        GetLogEventsResponse back = logs.getLogEvents(b -> b.logGroupName("/get/app").logStreamName("s").limit(3).nextToken(tail.nextBackwardToken()));
        assertEquals(List.of("event 4", "event 5", "event 6"), messages(back));
        GetLogEventsResponse forwardAgain = logs.getLogEvents(b -> b.logGroupName("/get/app").logStreamName("s").limit(2).nextToken(back.nextForwardToken()));
        assertEquals(List.of("event 7", "event 8"), messages(forwardAgain));

        GetLogEventsResponse head = logs.getLogEvents(b -> b.logGroupName("/get/app").logStreamName("s").startFromHead(true).limit(4));
        assertEquals(List.of("event 0", "event 1", "event 2", "event 3"), messages(head));
        GetLogEventsResponse start = logs.getLogEvents(b -> b.logGroupName("/get/app").logStreamName("s").nextToken(head.nextBackwardToken()));
        assertTrue(start.events().isEmpty());
        assertEquals(head.nextBackwardToken(), start.nextBackwardToken(), "the head of the stream returns the token passed in");

        List<String> all = new ArrayList<>();
        String token = null;
        while (true) {
            String t = token;
            GetLogEventsResponse page = logs.getLogEvents(b -> b.logGroupName("/get/app").logStreamName("s").startFromHead(true).limit(4).nextToken(t));
            all.addAll(messages(page));
            if (page.nextForwardToken().equals(t)) {
                break;
            }
            token = page.nextForwardToken();
        }
        assertEquals(10, all.size());

        GetLogEventsResponse window = logs.getLogEvents(b -> b.logGroupName("/get/app").logStreamName("s").startFromHead(true)
                .startTime(NOW - 8000).endTime(NOW - 5000));
        assertEquals(List.of("event 2", "event 3", "event 4"), messages(window), "startTime inclusive, endTime exclusive");
        assertTrue(window.events().get(0).ingestionTime() >= NOW - 60_000);

        assertThrows(InvalidParameterException.class, () -> logs.getLogEvents(b -> b.logGroupName("/get/app").logStreamName("s").nextToken("x/1")));
        assertThrows(InvalidParameterException.class, () -> logs.getLogEvents(b -> b.logGroupName("/get/app").logStreamName("s").limit(10_001)));
        assertThrows(ResourceNotFoundException.class, () -> logs.getLogEvents(b -> b.logGroupName("/get/app").logStreamName("none")));
        assertEquals(10, logs.getLogEvents(b -> b.logGroupIdentifier("arn:aws:logs:us-east-1:000000000000:log-group:/get/app").logStreamName("s")).events().size());
    }

    @Test
    void filterLogEventsMergesStreamsInTimeOrder(CloudWatchLogsClient logs) {
        group(logs, "/filter/app", "web-1", "web-2", "worker");
        logs.putLogEvents(b -> b.logGroupName("/filter/app").logStreamName("web-1").logEvents(
                event(NOW - 5000, "GET /a 200"), event(NOW - 3000, "ERROR GET /b 500")));
        logs.putLogEvents(b -> b.logGroupName("/filter/app").logStreamName("web-2").logEvents(
                event(NOW - 4000, "{\"level\":\"ERROR\",\"latency\":250}"), event(NOW - 2000, "{\"level\":\"INFO\",\"latency\":20}")));
        logs.putLogEvents(b -> b.logGroupName("/filter/app").logStreamName("worker").logEvents(
                event(NOW - 1000, "WARN queue deep"), event(NOW - 500, "job done")));

        FilterLogEventsResponse all = logs.filterLogEvents(b -> b.logGroupName("/filter/app"));
        assertEquals(List.of("GET /a 200", "{\"level\":\"ERROR\",\"latency\":250}", "ERROR GET /b 500",
                "{\"level\":\"INFO\",\"latency\":20}", "WARN queue deep", "job done"), all.events().stream().map(FilteredLogEvent::message).toList());
        FilteredLogEvent first = all.events().get(0);
        assertEquals("web-1", first.logStreamName());
        assertNotNull(first.eventId());
        assertNotNull(first.ingestionTime());
        assertEquals(6, all.events().stream().map(FilteredLogEvent::eventId).distinct().count());

        assertEquals(List.of("{\"level\":\"ERROR\",\"latency\":250}", "ERROR GET /b 500"), filtered(logs, b -> b.filterPattern("ERROR")));
        assertEquals(List.of("{\"level\":\"ERROR\",\"latency\":250}"), filtered(logs, b -> b.filterPattern("{ $.level = \"ERROR\" }")));
        assertEquals(List.of("{\"level\":\"ERROR\",\"latency\":250}"), filtered(logs, b -> b.filterPattern("{ $.latency > 100 }")));
        assertEquals(List.of("ERROR GET /b 500", "WARN queue deep"), filtered(logs, b -> b.filterPattern("?\"ERROR GET\" ?WARN")));
        assertEquals(List.of("GET /a 200"), filtered(logs, b -> b.filterPattern("GET -ERROR")));
        assertEquals(List.of("WARN queue deep"), filtered(logs, b -> b.filterPattern("\"queue deep\"")));
        assertEquals(List.of("ERROR GET /b 500"), filtered(logs, b -> b.filterPattern("[level, method, path, status = 5*]")));
        assertEquals(List.of("WARN queue deep", "job done"), filtered(logs, b -> b.logStreamNames("worker")));
        assertEquals(List.of("GET /a 200", "{\"level\":\"ERROR\",\"latency\":250}", "ERROR GET /b 500", "{\"level\":\"INFO\",\"latency\":20}"),
                filtered(logs, b -> b.logStreamNamePrefix("web-")));
        assertEquals(List.of("ERROR GET /b 500", "{\"level\":\"INFO\",\"latency\":20}"),
                filtered(logs, b -> b.startTime(NOW - 3000).endTime(NOW - 2000)));

        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            FilterLogEventsResponse page = logs.filterLogEvents(b -> b.logGroupName("/filter/app").limit(4).nextToken(t));
            page.events().forEach(e -> paged.add(e.message()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(2, pages);
        assertEquals(all.events().stream().map(FilteredLogEvent::message).toList(), paged);

        InvalidParameterException badPattern = assertThrows(InvalidParameterException.class,
                () -> logs.filterLogEvents(b -> b.logGroupName("/filter/app").filterPattern("{ $.level = }")));
        assertTrue(badPattern.getMessage().contains("filter pattern"), badPattern.getMessage());
        assertThrows(InvalidParameterException.class, () -> logs.filterLogEvents(b -> b.logGroupName("/filter/app")
                .logStreamNames("worker").logStreamNamePrefix("w")));
        assertThrows(ResourceNotFoundException.class, () -> logs.filterLogEvents(b -> b.logGroupName("/filter/none")));
        assertNotEquals(0, logs.describeLogGroups(b -> b.logGroupNamePrefix("/filter/app")).logGroups().get(0).storedBytes());
    }

    @Test
    void answersStopAtOneMegabyteOfMessages(CloudWatchLogsClient logs) {
        group(logs, "/big/app", "s");
        for (int i = 0; i < 3; i++) {
            String message = i + "x".repeat(600_000);
            logs.putLogEvents(b -> b.logGroupName("/big/app").logStreamName("s").logEvents(event(NOW, message)));
        }
        GetLogEventsResponse first = logs.getLogEvents(b -> b.logGroupName("/big/app").logStreamName("s").startFromHead(true));
        assertEquals(1, first.events().size());
        GetLogEventsResponse second = logs.getLogEvents(b -> b.logGroupName("/big/app").logStreamName("s").nextToken(first.nextForwardToken()));
        assertEquals(1, second.events().size());
        assertTrue(second.events().get(0).message().startsWith("1"));
        FilterLogEventsResponse page = logs.filterLogEvents(b -> b.logGroupName("/big/app"));
        assertEquals(1, page.events().size());
        assertNotNull(page.nextToken());
        assertEquals(3, logs.filterLogEventsPaginator(b -> b.logGroupName("/big/app")).events().stream().count());
    }

    private static List<String> messages(GetLogEventsResponse response) {
        return response.events().stream().map(OutputLogEvent::message).toList();
    }

    private static List<String> filtered(CloudWatchLogsClient logs,
                                         java.util.function.Consumer<software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest.Builder> request) {
        return logs.filterLogEvents(b -> {
            b.logGroupName("/filter/app");
            request.accept(b);
        }).events().stream().map(FilteredLogEvent::message).toList();
    }
}
