package dev.cloudjar.services.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.persistence.MapDbStateStore;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.persistence.StateStore;
import dev.cloudjar.services.logs.model.EventPage;
import dev.cloudjar.services.logs.model.InputEvent;
import dev.cloudjar.services.logs.model.LogEventRecord;
import dev.cloudjar.services.logs.model.LogEventRun;
import dev.cloudjar.services.logs.model.LogStreamView;
import dev.cloudjar.services.logs.model.OutputEvent;
import dev.cloudjar.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on a clock the test moves, the global size cap, state kept across a restart, and batches
 * stored as one run: batches that land between earlier events, retention that cuts a run.
 */
class LogsBackendTest {
    private static final Scope SCOPE = new Scope("000000000000", "us-east-1");
    private static final long DAY = 86_400_000L;
    private static final long HOUR = 3_600_000L;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private LogsBackend backend(StateStore store, long capBytes) {
        EventBus events = new EventBus();
        closeables.add(events);
        return new LogsBackend(new ServiceContext(CloudJarConfig.defaults(), store, events, clock, IdGenerator.random()), capBytes);
    }

    private LogsBackend memory(long capBytes) {
        StateStore store = MapDbStateStore.inMemory();
        closeables.add(store);
        return backend(store, capBytes);
    }

    private static List<String> messages(LogsBackend logs, String group) {
        return logs.filterLogEvents(SCOPE, group, null, null, null, null, null, null, null).events().stream()
                .map(OutputEvent::message).toList();
    }

    @Test
    void retentionDropsEventsOnceTheClockPassesIt() {
        LogsBackend logs = memory(1 << 30);
        logs.createLogGroup(SCOPE, "/app", null, null);
        logs.createLogStream(SCOPE, "/app", "s");
        long now = clock.millis();
        logs.putLogEvents(SCOPE, "/app", "s", List.of(new InputEvent(now - 2 * DAY, "two days old")));
        logs.putLogEvents(SCOPE, "/app", "s", List.of(new InputEvent(now - DAY / 2, "half a day old")));
        logs.putLogEvents(SCOPE, "/app", "s", List.of(new InputEvent(now, "new")));
        assertEquals(List.of("two days old", "half a day old", "new"), messages(logs, "/app"));

        logs.putRetentionPolicy(SCOPE, "/app", 1);
        assertEquals(List.of("half a day old", "new"), messages(logs, "/app"), "setting retention drops what it already excludes");
        LogStreamView stream = logs.describeLogStreams(SCOPE, "/app", null, null, null, null, null).items().get(0);
        assertEquals(now - DAY / 2, stream.firstEventTimestamp());

        clock.advance(Duration.ofHours(13));
        assertEquals(List.of("new"), messages(logs, "/app"), "events are hidden as soon as the clock passes them");
        assertEquals(List.of("new"), logs.getLogEvents(SCOPE, "/app", "s", null, null, null, null, true).events().stream()
                .map(OutputEvent::message).toList());
        clock.advance(Duration.ofDays(1));
        logs.putLogEvents(SCOPE, "/app", "s", List.of(new InputEvent(clock.millis(), "later")));
        assertEquals(List.of("later"), messages(logs, "/app"));
        assertEquals("later".length(), logs.describeLogGroups(SCOPE, LogsBackend.GroupQuery.prefix("/app"), null, null).items().get(0).storedBytes(),
                "expired events are deleted when their stream is next written");

        logs.deleteRetentionPolicy(SCOPE, "/app");
        assertNull(logs.describeLogGroups(SCOPE, LogsBackend.GroupQuery.prefix("/app"), null, null).items().get(0).retentionInDays());
    }

    @Test
    void theSizeCapDropsTheOldestEventsOfTheLargestGroupFirst() {
        LogsBackend logs = memory(10_000);
        logs.createLogGroup(SCOPE, "/small", null, null);
        logs.createLogStream(SCOPE, "/small", "s");
        logs.putLogEvents(SCOPE, "/small", "s", List.of(new InputEvent(clock.millis(), "x".repeat(1000))));
        logs.createLogGroup(SCOPE, "/big", null, null);
        logs.createLogStream(SCOPE, "/big", "a");
        logs.createLogStream(SCOPE, "/big", "b");
        String line = "y".repeat(1000);
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofSeconds(1));
            logs.putLogEvents(SCOPE, "/big", i % 2 == 0 ? "a" : "b", List.of(new InputEvent(clock.millis(), i + line)));
        }
        assertTrue(logs.footprintBytes() <= 10_000, "footprint " + logs.footprintBytes());
        assertEquals(1, messages(logs, "/small").size(), "the small group keeps its event");
        List<String> big = messages(logs, "/big");
        assertTrue(big.size() < 12 && !big.isEmpty(), big.size() + " events left");
        assertTrue(big.get(big.size() - 1).startsWith("11"), "the newest event survives");
        int firstKept = Integer.parseInt(big.get(0).substring(0, big.get(0).indexOf('y')));
        for (int i = 0; i < big.size(); i++) {
            assertTrue(big.get(i).startsWith(String.valueOf(firstKept + i)), "only the oldest were dropped: " + big);
        }
        long groupsTotal = logs.describeLogGroups(SCOPE, LogsBackend.GroupQuery.prefix(null), null, null).items().stream().mapToLong(g -> g.storedBytes()).sum();
        long events = messages(logs, "/small").size() + big.size();
        assertEquals(logs.footprintBytes(), groupsTotal + events * LogsState.EVENT_FOOTPRINT);
    }

    @Test
    void logsSurviveARestartWithADataDirectory(@TempDir Path dir) {
        StateStore first = MapDbStateStore.onDisk(dir);
        LogsBackend logs = backend(first, 1 << 30);
        logs.createLogGroup(SCOPE, "/kept", java.util.Map.of("k", "v"), null);
        logs.putRetentionPolicy(SCOPE, "/kept", 30);
        logs.appendFunctionLog(SCOPE, "/aws/lambda/fn", "2026/12/01/[$LATEST]0123456789abcdef0123456789abcdef",
                List.of(new InputEvent(clock.millis(), "START RequestId: r Version: $LATEST\n"), new InputEvent(clock.millis(), "hello\n")));
        first.close();

        StateStore second = MapDbStateStore.onDisk(dir);
        closeables.add(second);
        LogsBackend again = backend(second, 1 << 30);
        assertEquals(30, again.describeLogGroups(SCOPE, LogsBackend.GroupQuery.prefix("/kept"), null, null).items().get(0).retentionInDays());
        assertEquals(java.util.Map.of("k", "v"), again.listTagsLogGroup(SCOPE, "/kept"));
        assertEquals(List.of("START RequestId: r Version: $LATEST\n", "hello\n"), messages(again, "/aws/lambda/fn"));
        assertEquals(again.footprintBytes(), again.describeLogGroups(SCOPE, LogsBackend.GroupQuery.prefix("/aws"), null, null).items().get(0).storedBytes()
                + 2 * LogsState.EVENT_FOOTPRINT, "the footprint is recounted from the stored records at start");
    }

    @Test
    void aDataDirectoryWithAnEntryPerEventIsReadAfterAnUpgrade(@TempDir Path dir) {
        StateStore first = MapDbStateStore.onDisk(dir);
        LogsBackend logs = backend(first, 1 << 30);
        logs.createLogGroup(SCOPE, "/old", null, null);
        logs.createLogStream(SCOPE, "/old", "s");
        long now = clock.millis();
        logs.putLogEvents(SCOPE, "/old", "s", List.of(new InputEvent(now - 2, "one"), new InputEvent(now - 1, "two")));
        // rewrite the run as the per-event entries a data directory from before runs holds
        PersistentMap<LogEventRun> runs = first.map("logs.runs", LogEventRun.class);
        PersistentMap<LogEventRecord> perEvent = first.map("logs.events", LogEventRecord.class);
        for (java.util.Map.Entry<String, LogEventRun> run : runs.range(null, null)) {
            String prefix = run.getKey().substring(0, run.getKey().length() - 23);
            long seq = LogsNames.sequenceOf(run.getKey().substring(prefix.length()));
            for (LogEventRun.Line line : run.getValue().events()) {
                perEvent.put(prefix + LogsNames.position(line.timestamp(), seq++), new LogEventRecord(line.message(), run.getValue().ingestionTime()));
            }
        }
        runs.clear();
        first.close();

        StateStore second = MapDbStateStore.onDisk(dir);
        closeables.add(second);
        LogsBackend again = backend(second, 1 << 30);
        assertEquals(List.of("one", "two"), texts(again.getLogEvents(SCOPE, "/old", "s", null, null, null, null, true).events()));
        assertEquals(0, second.map("logs.events", LogEventRecord.class).size());
    }

    private LogsBackend streamApp() {
        LogsBackend logs = memory(1 << 30);
        logs.createLogGroup(SCOPE, "/app", null, null);
        logs.createLogStream(SCOPE, "/app", "s");
        return logs;
    }

    private static List<String> texts(List<OutputEvent> events) {
        return events.stream().map(OutputEvent::message).toList();
    }

    @Test
    void aBatchBetweenEarlierEventsIsReadInTimestampOrder() {
        LogsBackend logs = streamApp();
        long t = clock.millis() - HOUR;
        logs.putLogEvents(SCOPE, "/app", "s", List.of(new InputEvent(t, "a1"), new InputEvent(t + 10, "a2"), new InputEvent(t + 20, "a3")));
        logs.putLogEvents(SCOPE, "/app", "s", List.of(new InputEvent(t + 5, "b1"), new InputEvent(t + 15, "b2")));
        logs.putLogEvents(SCOPE, "/app", "s", List.of(new InputEvent(t + 20, "c1"), new InputEvent(t + 30, "c2")));
        List<String> all = List.of("a1", "b1", "a2", "b2", "a3", "c1", "c2");
        assertEquals(all, texts(logs.filterLogEvents(SCOPE, "/app", null, null, null, null, null, null, null).events()));

        List<String> paged = new ArrayList<>();
        String token = null;
        for (int i = 0; i < 5; i++) {
            EventPage page = logs.getLogEvents(SCOPE, "/app", "s", null, null, token, 2, true);
            paged.addAll(texts(page.events()));
            token = page.nextForwardToken();
        }
        assertEquals(all, paged, "forward pages");

        EventPage last = logs.getLogEvents(SCOPE, "/app", "s", null, null, null, 3, false);
        assertEquals(List.of("a3", "c1", "c2"), texts(last.events()));
        EventPage before = logs.getLogEvents(SCOPE, "/app", "s", null, null, last.nextBackwardToken(), 3, null);
        assertEquals(List.of("b1", "a2", "b2"), texts(before.events()), "backward page");

        assertEquals(List.of("b1", "a2", "b2"), texts(logs.getLogEvents(SCOPE, "/app", "s", t + 5, t + 16, null, null, true).events()),
                "a time window inside a run");
        assertEquals(List.of("a2", "b2", "a3", "c1"), texts(logs.filterLogEvents(SCOPE, "/app", null, null, t + 10, t + 20, null, null, null).events()));
    }

    @Test
    void retentionCutsARunInTheMiddle() {
        LogsBackend logs = streamApp();
        long now = clock.millis();
        logs.putLogEvents(SCOPE, "/app", "s", List.of(new InputEvent(now - 30 * HOUR, "old"), new InputEvent(now - 25 * HOUR, "older than a day"),
                new InputEvent(now - 20 * HOUR, "kept"), new InputEvent(now - 10 * HOUR, "kept too")));
        logs.putRetentionPolicy(SCOPE, "/app", 1);
        assertEquals(List.of("kept", "kept too"), texts(logs.filterLogEvents(SCOPE, "/app", null, null, null, null, null, null, null).events()));
        LogStreamView stream = logs.describeLogStreams(SCOPE, "/app", null, null, null, null, null).items().get(0);
        assertEquals(now - 20 * HOUR, stream.firstEventTimestamp());
        assertEquals(now - 10 * HOUR, stream.lastEventTimestamp());
        assertEquals("kept".length() + "kept too".length(),
                logs.describeLogGroups(SCOPE, LogsBackend.GroupQuery.prefix("/app"), null, null).items().get(0).storedBytes());
        logs.putLogEvents(SCOPE, "/app", "s", List.of(new InputEvent(now - 15 * HOUR, "between")));
        assertEquals(List.of("kept", "between", "kept too"), texts(logs.getLogEvents(SCOPE, "/app", "s", null, null, null, null, true).events()));
    }
}
