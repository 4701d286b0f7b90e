package dev.cloudjar.services.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.persistence.MapDbStateStore;
import dev.cloudjar.services.sqs.engine.ReceivedMessage;
import dev.cloudjar.services.sqs.engine.SendRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Parked long polls woken by the timer thread when a delay or a visibility timeout ends (real clock). */
class LongPollTimersTest {
    static final Scope SCOPE = new Scope("000000000000", "us-east-1");
    MapDbStateStore store;
    EventBus events;
    SqsBackend sqs;

    @BeforeEach
    void start() {
        store = MapDbStateStore.inMemory();
        events = new EventBus();
        sqs = new SqsBackend(new ServiceContext(CloudJarConfig.defaults(), store, events, Clock.systemUTC(), IdGenerator.random()));
    }

    @AfterEach
    void stop() {
        sqs.close();
        events.close();
        store.close();
    }

    @Test
    void aDelayedMessageWakesAParkedPollWhenItsDelayEnds() throws Exception {
        sqs.createQueue(SCOPE, "delayed", Map.of("DelaySeconds", "1"), Map.of());
        CompletableFuture<List<ReceivedMessage>> poll = sqs.receiveAsync(SCOPE, "delayed", 1, null, 10);
        long start = System.nanoTime();
        sqs.sendMessage(SCOPE, "delayed", SendRequest.of("later"));
        assertFalse(poll.isDone(), "still delayed");
        assertEquals("later", poll.get(5, TimeUnit.SECONDS).get(0).body());
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waited >= 900 && waited < 4000, "woken when the delay ended: " + waited + " ms");
    }

    @Test
    void anExpiredVisibilityTimeoutWakesAParkedPoll() throws Exception {
        sqs.createQueue(SCOPE, "again", Map.of(), Map.of());
        sqs.sendMessage(SCOPE, "again", SendRequest.of("retry me"));
        assertEquals(1, sqs.receiveAsync(SCOPE, "again", 1, 1, 0).join().size());
        CompletableFuture<List<ReceivedMessage>> poll = sqs.receiveAsync(SCOPE, "again", 1, null, 10);
        List<ReceivedMessage> got = poll.get(5, TimeUnit.SECONDS);
        assertEquals("2", got.get(0).attributes().get("ApproximateReceiveCount"));
    }

    @Test
    void deletingTheQueueEndsParkedPolls() throws Exception {
        sqs.createQueue(SCOPE, "closing", Map.of(), Map.of());
        CompletableFuture<List<ReceivedMessage>> poll = sqs.receiveAsync(SCOPE, "closing", 1, null, 20);
        sqs.deleteQueue(SCOPE, "closing");
        assertTrue(poll.get(2, TimeUnit.SECONDS).isEmpty());
    }
}
