package dev.cloudjar.services.lambda.esm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The tumbling window of one stream worker (one shard, or one shard slot): windows of
 * TumblingWindowInSeconds aligned on the epoch, a record belonging to the window its creation (arrival)
 * time falls in, as Lambda places it. Holds the state the function returned, passed to the next
 * invocation of the same window, and builds AWS's time-window event ({@code window}, {@code state},
 * {@code shardId}, {@code eventSourceARN}, {@code isFinalInvokeForWindow}, {@code isWindowTerminatedEarly}).
 * State beyond 1 MB ends the window early, as on AWS. Not thread-safe: one worker owns it.
 */
final class TumblingWindow {
    static final int MAX_STATE_BYTES = 1024 * 1024;
    private final int seconds;
    private final String shardId;
    private final String eventSourceArn;
    private long start = -1;
    private boolean invoked;
    private JsonNode state = BatchResponses.JSON.createObjectNode();

    TumblingWindow(int seconds, String shardId, String eventSourceArn) {
        this.seconds = seconds;
        this.shardId = shardId;
        this.eventSourceArn = eventSourceArn;
    }

    int seconds() {
        return seconds;
    }

    boolean isOpen() {
        return start >= 0;
    }

    /** True once a window with an invocation has reached its end on the clock. */
    boolean endedBy(long nowEpochSeconds) {
        return isOpen() && invoked && nowEpochSeconds >= start + seconds;
    }

    long windowOf(StreamRecord r) {
        return Math.floorDiv(r.approximateCreationEpochSeconds(), (long) seconds) * seconds;
    }

    /**
     * Opens the window of the batch's first record and returns the records of the batch in that window;
     * a window left open before it must be finished first ({@link #belongsToOpen}).
     */
    List<StreamRecord> openFor(List<StreamRecord> batch) {
        long first = windowOf(batch.get(0));
        if (start != first) {
            start = first;
            invoked = false;
            state = BatchResponses.JSON.createObjectNode();
        }
        List<StreamRecord> same = new ArrayList<>(batch.size());
        for (StreamRecord r : batch) {
            if (windowOf(r) != start) {
                break;
            }
            same.add(r);
        }
        return same;
    }

    /** False when the batch starts in another window than the open one (which then is finished first). */
    boolean belongsToOpen(List<StreamRecord> batch) {
        return !isOpen() || !invoked || windowOf(batch.get(0)) == start;
    }

    byte[] event(List<StreamRecord> records, boolean isFinal, boolean terminatedEarly) {
        StringBuilder out = new StringBuilder(new String(BatchResponses.streamEvent(records), StandardCharsets.UTF_8));
        out.setLength(out.length() - 1);
        ObjectNode rest = BatchResponses.JSON.createObjectNode();
        ObjectNode window = rest.putObject("window");
        window.put("start", Instant.ofEpochSecond(start).toString());
        window.put("end", Instant.ofEpochSecond(start + seconds).toString());
        rest.set("state", state);
        rest.put("shardId", shardId);
        rest.put("eventSourceARN", eventSourceArn);
        rest.put("isFinalInvokeForWindow", isFinal);
        rest.put("isWindowTerminatedEarly", terminatedEarly);
        String members = rest.toString();
        out.append(',').append(members, 1, members.length());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Keeps the {@code state} of a successful invocation's response; true when it is over 1 MB (the window ends early). */
    boolean keepState(byte[] payload) {
        invoked = true;
        if (payload.length > MAX_STATE_BYTES) {
            return true;
        }
        try {
            JsonNode root = BatchResponses.JSON.readTree(payload);
            JsonNode next = root == null ? null : root.get("state");
            state = next != null && next.isObject() ? next : BatchResponses.JSON.createObjectNode();
        } catch (IOException e) {
            state = BatchResponses.JSON.createObjectNode();
        }
        return false;
    }

    void close() {
        start = -1;
        invoked = false;
        state = BatchResponses.JSON.createObjectNode();
    }
}
