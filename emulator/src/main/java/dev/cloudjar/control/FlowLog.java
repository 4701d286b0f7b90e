package dev.cloudjar.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.events.DynamoDbStreamAppended;
import dev.cloudjar.events.EventBridgeDelivery;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.events.FunctionInvoked;
import dev.cloudjar.events.FunctionLogEvent;
import dev.cloudjar.events.KinesisRecordsAppended;
import dev.cloudjar.events.S3ObjectEvent;
import dev.cloudjar.events.SnsDelivered;
import java.time.Clock;
import java.util.ArrayDeque;

/**
 * The console's flow timeline: one hop per internal event (S3 object events, DynamoDB stream appends,
 * Kinesis PutRecord(s) calls, SNS publishes and deliveries, Lambda invocations with the event they received, their result and log
 * lines, event source mapping batches, EventBridge deliveries), each with the hop that caused it
 * where known ({@link FlowLinks}), kept in a ring of the newest {@value #CAPACITY} hops. {@code GET /_cloudjar/api/flow?since=<id>} answers the
 * hops after that id, oldest first, at most {@value #PAGE} per call ({@code &newest=true}: the newest
 * {@value #PAGE} of them).
 */
public final class FlowLog {
    public static final int CAPACITY = 10_000;
    static final int PAGE = 1_000;
    static final long MAX_WAIT_MILLIS = 20_000;

    private final Clock clock;
    private final ArrayDeque<ObjectNode> hops = new ArrayDeque<>();
    private final FlowLinks links = new FlowLinks();
    private long nextId = 1;
    /** Counts clears: ids keep growing across a reset, so a watching page learns of one from this. */
    private long resets;

    public FlowLog(Clock clock) {
        this.clock = clock;
    }

    public FlowLog subscribe(EventBus events) {
        events.subscribe(S3ObjectEvent.class, this::onS3);
        events.subscribe(DynamoDbStreamAppended.class, this::onStream);
        events.subscribe(KinesisRecordsAppended.class, this::onKinesis);
        events.subscribe(FunctionInvoked.class, this::onFunction);
        events.subscribe(SnsDelivered.class, this::onSns);
        events.subscribe(EventBridgeDelivery.class, e -> add("events", "delivery", "Rule delivered to " + e.targetArn(),
                e.ruleArn(), node().put("ruleArn", e.ruleArn()).put("targetId", e.targetId()).put("targetArn", e.targetArn())
                        .put("event", e.payload()), null));
        return this;
    }

    private void onS3(S3ObjectEvent e) {
        ObjectNode payload = node().put("bucket", e.bucket()).put("key", e.key()).put("eventName", e.eventName())
                .put("eTag", e.eTag()).put("versionId", e.versionId()).put("sequencer", e.sequencer())
                .put("eventTime", String.valueOf(e.eventTime()));
        if (e.size() != null) {
            payload.put("size", e.size());
        }
        synchronized (this) {
            ObjectNode hop = add("s3", e.eventName(), e.eventName() + " s3://" + e.bucket() + "/" + e.key(), e.bucket() + "/" + e.key(),
                    payload, null);
            links.object(hop, e.bucket(), e.key(), e.sequencer(), e.eventTime() == null ? clock.millis() : e.eventTime().toEpochMilli());
        }
    }

    private synchronized void onStream(DynamoDbStreamAppended e) {
        ObjectNode hop = add("dynamodb", "stream", "Stream records appended to " + e.tableName(), e.tableName(),
                node().put("tableName", e.tableName()).put("streamArn", e.streamArn()).put("sequenceNumber", e.sequenceNumber()), null);
        links.streamAppend(hop, e.tableName(), e.streamArn(), e.sequenceNumber(), e.appendedMillis());
    }

    /** One hop per PutRecord(s) call, with how many records went to each shard and the newest sequence number there. */
    private synchronized void onKinesis(KinesisRecordsAppended e) {
        int n = e.records().size();
        ObjectNode payload = node().put("streamName", e.streamName()).put("streamArn", e.streamArn()).put("records", n);
        java.util.Map<String, ObjectNode> perShard = new java.util.TreeMap<>();
        for (KinesisRecordsAppended.Appended r : e.records()) {
            ObjectNode shard = perShard.computeIfAbsent(r.shardId(), id -> node().put("shardId", id).put("records", 0));
            shard.put("records", shard.get("records").asInt() + 1).put("newestSequenceNumber", r.sequenceNumber());
        }
        ArrayNode shards = payload.putArray("shards");
        perShard.values().forEach(shards::add);
        ObjectNode hop = add("kinesis", "put", n + " record" + (n == 1 ? "" : "s") + " put to Kinesis stream " + e.streamName(),
                e.streamName(), payload, null);
        java.util.List<String> sequences = new java.util.ArrayList<>(n);
        e.records().forEach(r -> sequences.add(r.sequenceNumber()));
        links.kinesisPut(hop, e.streamArn(), sequences, e.appendedMillis());
    }

    private void onFunction(FunctionInvoked e) {
        ObjectNode payload = node().put("functionName", e.functionName()).put("version", e.version())
                .put("requestId", e.requestId()).put("functionError", e.functionError());
        JsonNode event = jsonOrText(e.payload());
        payload.set("event", event);
        if (e.payloadTruncated()) {
            payload.put("eventTruncatedTo", FunctionInvoked.MAX_PAYLOAD);
        }
        payload.set("result", jsonOrText(e.result()));
        ArrayNode lines = payload.putArray("lines");
        String report = null;
        for (FunctionLogEvent.Line line : e.lines()) {
            lines.add(line.message());
            if (line.message().startsWith("REPORT ")) {
                report = line.message().trim();
            }
        }
        String title = "Lambda invocation of " + e.functionName() + (report == null ? "" : " (" + duration(report) + ")")
                + (e.functionError() == null ? "" : ": " + e.functionError());
        synchronized (this) {
            Long cause = links.causeOf(event);
            String batch = batchTitle(event);
            if (batch != null) {
                JsonNode records = event.path("Records");
                ObjectNode batchPayload = node().put("functionName", e.functionName()).put("records", records.size())
                        .put("eventSourceArn", records.path(0).path("eventSourceARN").asText(null));
                cause = add("lambda", "batch", batch, e.functionName(), batchPayload, cause).get("id").asLong();
            }
            ObjectNode hop = add("lambda", "invoke", title, e.functionName(), payload, cause);
            links.invocation(hop, e.startMillis(), e.endMillis(), FlowLinks.reads(event));
        }
    }

    /** An event source mapping's batch (stream records, queue messages) is a hop of its own; else null. */
    private static String batchTitle(JsonNode event) {
        JsonNode records = event.path("Records");
        String source = records.path(0).path("eventSource").asText("");
        String arn = records.path(0).path("eventSourceARN").asText("");
        if (source.equals("aws:dynamodb")) {
            int table = arn.indexOf(":table/");
            String name = table < 0 ? arn : arn.substring(table + ":table/".length()).split("/")[0];
            return "Mapping batch of " + records.size() + " stream record" + (records.size() == 1 ? "" : "s") + " from " + name;
        }
        if (source.equals("aws:kinesis")) {
            return "Mapping batch of " + records.size() + " Kinesis record" + (records.size() == 1 ? "" : "s") + " from "
                    + (arn.contains(":stream/") ? arn.substring(arn.indexOf(":stream/") + ":stream/".length()) : arn);
        }
        if (source.equals("aws:sqs")) {
            return "Mapping batch of " + records.size() + " message" + (records.size() == 1 ? "" : "s") + " from " + name(arn);
        }
        return null;
    }

    private static String duration(String report) {
        int at = report.indexOf("Duration: ");
        if (at < 0) {
            return "done";
        }
        int end = report.indexOf(" ms", at);
        return end < 0 ? "done" : report.substring(at + "Duration: ".length(), end + 3);
    }

    private synchronized void onSns(SnsDelivered e) {
        Long publish = links.publish(e.messageId());
        if (publish == null && e.topicArn() != null) {
            ObjectNode hop = add("sns", "publish", "Published to " + name(e.topicArn()), e.topicArn(),
                    node().put("topicArn", e.topicArn()).put("messageId", e.messageId()).put("subject", e.subject()), null);
            publish = hop.get("id").asLong();
            links.publish(hop, e.topicArn(), e.messageId(), e.deliveredMillis());
        }
        String target = "sqs".equals(e.protocol()) || "lambda".equals(e.protocol()) ? name(e.endpoint()) : e.endpoint();
        add("sns", "delivery", (e.ok() ? "Delivered" : "Delivery failed") + " to " + e.protocol() + " " + target, e.endpoint(),
                node().put("topicArn", e.topicArn()).put("subscriptionArn", e.subscriptionArn()).put("protocol", e.protocol())
                        .put("endpoint", e.endpoint()).put("messageId", e.messageId()).put("ok", e.ok()).put("body", e.body()),
                publish);
    }

    /** The event as the function received it (or a policy document as stored): its JSON when it parses, else the text. */
    static JsonNode jsonOrText(String text) {
        if (text == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            JsonNode node = dev.cloudjar.protocol.json.JsonProtocol.MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? JsonNodeFactory.instance.textNode(text) : node;
        } catch (java.io.IOException | RuntimeException e) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }

    private static String name(String arn) {
        if (arn == null) {
            return "";
        }
        int colon = arn.lastIndexOf(':');
        return colon < 0 ? arn : arn.substring(colon + 1);
    }

    private synchronized ObjectNode add(String service, String kind, String title, String resource, ObjectNode payload, Long cause) {
        long id = nextId++;
        ObjectNode hop = node().put("id", id).put("time", clock.instant().toString()).put("service", service).put("kind", kind)
                .put("title", title).put("resource", resource);
        if (cause != null) {
            hop.put("cause", cause);
        }
        hop.set("payload", payload);
        hops.addLast(hop);
        notifyAll();
        if (hops.size() > CAPACITY) {
            hops.removeFirst();
        }
        return hop;
    }

    /**
     * {@code {"hops": [...], "last": id}}: up to {@value #PAGE} hops after {@code since}, oldest first;
     * the oldest of them, or with {@code newest} the newest of them (what a live view wants after a gap).
     */
    public synchronized ObjectNode since(long since, boolean newest) {
        return since(since, newest, PAGE, true);
    }

    /**
     * As {@link #since(long, boolean)}, with at most {@code limit} (1..{@value #PAGE}) hops, and without
     * their payloads unless {@code payloads} (a watching page fetches a payload with {@link #hop} when
     * it is opened, so a busy flow costs little to watch).
     */
    public synchronized ObjectNode since(long since, boolean newest, int limit, boolean payloads) {
        int max = Math.max(1, Math.min(PAGE, limit));
        ObjectNode body = node();
        ArrayNode out = body.putArray("hops");
        java.util.Iterator<ObjectNode> it = newest ? hops.descendingIterator() : hops.iterator();
        java.util.List<ObjectNode> picked = new java.util.ArrayList<>();
        while (it.hasNext() && picked.size() < max) {
            ObjectNode hop = it.next();
            long id = hop.get("id").asLong();
            if (id > since) {
                picked.add(hop);
            } else if (newest) {
                break;
            }
        }
        if (newest) {
            java.util.Collections.reverse(picked);
        }
        picked.forEach(hop -> out.add(copy(hop, payloads)));
        body.put("last", nextId - 1).put("capacity", CAPACITY).put("resets", resets);
        return body;
    }

    /**
     * Waits at most {@code maxMillis} until there is a hop after {@code since} or the flow was reset,
     * so a watching page asks again only when something happened (a long poll, not a polling storm).
     */
    public synchronized void awaitAfter(long since, long maxMillis) {
        long resetsSeen = resets;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(Math.min(maxMillis, MAX_WAIT_MILLIS));
        try {
            for (long left = deadline - System.nanoTime(); nextId - 1 <= since && resets == resetsSeen && left > 0;
                 left = deadline - System.nanoTime()) {
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The newest {@code limit} invocation hops of a function, newest first (event, result, log lines). */
    public synchronized ArrayNode invocations(String functionName, int limit) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (java.util.Iterator<ObjectNode> it = hops.descendingIterator(); it.hasNext() && out.size() < limit; ) {
            ObjectNode hop = it.next();
            if ("invoke".equals(hop.path("kind").asText()) && functionName.equals(hop.path("resource").asText())) {
                out.add(copy(hop, true));
            }
        }
        return out;
    }

    /** One hop with its payload, or null when the ring no longer holds it. */
    public synchronized ObjectNode hop(long id) {
        for (java.util.Iterator<ObjectNode> it = hops.descendingIterator(); it.hasNext(); ) {
            ObjectNode hop = it.next();
            long at = hop.get("id").asLong();
            if (at == id) {
                return copy(hop, true);
            }
            if (at < id) {
                break;
            }
        }
        return null;
    }

    /**
     * A copy of the hop's own members, made under the lock: links are added to stored hops later, and a
     * response is written after the lock is released. A payload is never changed once set, so it is shared.
     */
    private static ObjectNode copy(ObjectNode hop, boolean payload) {
        ObjectNode out = node();
        hop.fields().forEachRemaining(member -> {
            if (payload || !member.getKey().equals("payload")) {
                out.set(member.getKey(), member.getValue());
            }
        });
        return out;
    }

    public synchronized void clear() {
        notifyAll();
        resets++;
        hops.clear();
        links.clear();
    }

    private static ObjectNode node() {
        return JsonNodeFactory.instance.objectNode();
    }
}
