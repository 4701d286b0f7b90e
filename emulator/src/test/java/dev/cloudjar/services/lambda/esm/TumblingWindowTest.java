package dev.cloudjar.services.lambda.esm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TumblingWindowTest {
    private static final String ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/s";

    private static StreamRecord at(long epochSeconds, String id) {
        return new StreamRecord(id, epochSeconds, "{\"id\":\"" + id + "\"}");
    }

    private static JsonNode json(byte[] bytes) throws Exception {
        return BatchResponses.JSON.readTree(bytes);
    }

    @Test
    void windowsAlignOnTheEpochAndABatchStopsAtItsWindowsEnd() {
        TumblingWindow w = new TumblingWindow(30, "shardId-000000000000", ARN);
        assertEquals(60, w.windowOf(at(89, "a")));
        assertEquals(90, w.windowOf(at(90, "a")));
        List<StreamRecord> batch = List.of(at(61, "a"), at(89, "b"), at(90, "c"), at(91, "d"));
        assertEquals(List.of("a", "b"), w.openFor(batch).stream().map(StreamRecord::sequenceNumber).toList());
        assertTrue(w.belongsToOpen(List.of(at(75, "b"))), "nothing invoked yet: nothing to finish");
        assertFalse(w.endedBy(1000), "a window without an invocation has no final invoke");
        w.keepState("{\"state\":{\"n\":\"2\"}}".getBytes(StandardCharsets.UTF_8));
        assertTrue(w.belongsToOpen(List.of(at(75, "b"))));
        assertFalse(w.belongsToOpen(List.of(at(90, "c"))), "a later window's record finishes the open one");
        assertFalse(w.endedBy(89));
        assertTrue(w.endedBy(90));
    }

    @Test
    void eventCarriesWindowStateAndFlags() throws Exception {
        TumblingWindow w = new TumblingWindow(60, "shardId-000000000001", ARN);
        w.openFor(List.of(at(1_596_128_400L, "a")));
        JsonNode first = json(w.event(List.of(at(1_596_128_400L, "a")), false, false));
        assertEquals("a", first.get("Records").get(0).get("id").asText());
        assertEquals("2020-07-30T17:00:00Z", first.get("window").get("start").asText());
        assertEquals("2020-07-30T17:01:00Z", first.get("window").get("end").asText());
        assertEquals(0, first.get("state").size());
        assertEquals("shardId-000000000001", first.get("shardId").asText());
        assertEquals(ARN, first.get("eventSourceARN").asText());
        assertFalse(first.get("isFinalInvokeForWindow").asBoolean());
        assertFalse(first.get("isWindowTerminatedEarly").asBoolean());

        assertFalse(w.keepState("{\"state\":{\"total\":\"7\"},\"batchItemFailures\":[]}".getBytes(StandardCharsets.UTF_8)));
        JsonNode last = json(w.event(List.of(), true, false));
        assertEquals(0, last.get("Records").size());
        assertEquals("7", last.get("state").get("total").asText(), "the state the function returned");
        assertTrue(last.get("isFinalInvokeForWindow").asBoolean());

        assertFalse(w.keepState("\"not an object\"".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, json(w.event(List.of(), false, false)).get("state").size(), "a response without state resets it");
        w.close();
        assertFalse(w.isOpen());
    }

    @Test
    void stateOverOneMegabyteEndsTheWindowEarly() {
        TumblingWindow w = new TumblingWindow(60, "shardId-000000000000", ARN);
        w.openFor(List.of(at(0, "a")));
        byte[] big = ("{\"state\":{\"x\":\"" + "y".repeat(TumblingWindow.MAX_STATE_BYTES) + "\"}}").getBytes(StandardCharsets.UTF_8);
        assertTrue(w.keepState(big));
    }
}
