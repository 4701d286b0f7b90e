package dev.cloudjar.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.events.S3ObjectEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The flow keeps the newest FlowLog.CAPACITY hops and pages them either way. */
class FlowLogTest {
    @Test
    void theRingKeepsTheNewestHopsAndPagesFromEitherEnd() {
        try (EventBus bus = new EventBus()) {
            FlowLog flow = new FlowLog(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).subscribe(bus);
            int total = FlowLog.CAPACITY + 50;
            for (int i = 0; i < total; i++) {
                bus.publish(new S3ObjectEvent(new Scope("000000000000", "us-east-1"), "b", "k" + i, "ObjectCreated:Put", 1L,
                        "e", null, "s", Instant.EPOCH, "r", "127.0.0.1"));
            }
            assertTrue(bus.awaitIdle(Duration.ofSeconds(30)));
            JsonNode oldest = flow.since(0, false);
            assertEquals(FlowLog.PAGE, oldest.get("hops").size());
            assertEquals(51, oldest.at("/hops/0/id").asLong(), "the 50 oldest hops were dropped");
            assertEquals(total, oldest.get("last").asLong());
            JsonNode newest = flow.since(0, true);
            assertEquals(total, newest.at("/hops/" + (FlowLog.PAGE - 1) + "/id").asLong());
            assertEquals(total - FlowLog.PAGE + 1, newest.at("/hops/0/id").asLong());
            assertEquals(3, flow.since(total - 3, false).get("hops").size());
            assertEquals(0, flow.since(total, true).get("hops").size());
            assertEquals(0, oldest.get("resets").asLong());
            flow.clear();
            assertEquals(0, flow.since(0, false).get("hops").size());
            assertEquals(1, flow.since(0, false).get("resets").asLong(), "a watching page learns of the reset");
        }
    }
}
