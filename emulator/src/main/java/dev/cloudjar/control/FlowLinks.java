package dev.cloudjar.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which hop caused which, for the flow timeline (FlowLog holds its lock around every call).
 * <p>Known exactly: an S3 event caused the invocation whose event names that object and sequencer; a
 * stream append (or a Kinesis PutRecord(s) call) caused the mapping batch whose last record has that
 * sequence number, and the batch the invocation; a publish caused its deliveries and the Lambda invocations whose SNS event names its
 * message id. <p>Inferred from time: a write inside a function (a stream append, a publish, an S3
 * event) is linked to the invocation that was running when it happened, the most recently started one
 * if several were, but never to an invocation that reads the same table, topic or bucket (a stream's
 * own consumer did not write the record it reads). Such a link says {@code "causeInferred": true}:
 * CloudJar cannot see which invocation sent an SDK request, so under concurrent load it can be wrong.
 * As the write's hop and the invocation's hop arrive on different threads, either may come first; an
 * invocation that arrives after its writes lists them in {@code "effects"}, since a watching page
 * may already have their hops.
 */
final class FlowLinks {
    private static final int REMEMBERED = 10_000;
    private static final int RECENT_INVOCATIONS = 200;
    private static final int RECENT_EFFECTS = 2_000;
    private static final long ARRIVAL_SLACK_MILLIS = 1_000;

    /** A write that a running function may have made; {@code source} is "table:T", "topic:ARN", "bucket:B" or "kinesis:ARN". */
    private record Effect(ObjectNode hop, long millis, String source) {
    }

    private record Invocation(long hopId, long start, long end, Set<String> reads) {
        boolean covers(Effect effect) {
            return start <= effect.millis && effect.millis <= end && !reads.contains(effect.source);
        }
    }

    private final Map<String, Long> objects = bounded();
    private final Map<String, Long> streamRecords = bounded();
    /** Kinesis records apart from DynamoDB's, so a 500-record PutRecords does not push stream appends out. */
    private final Map<String, Long> kinesisRecords = bounded();
    private final Map<String, Long> newestAppend = bounded();
    private final Map<String, Long> publishes = bounded();
    private final ArrayDeque<Invocation> invocations = new ArrayDeque<>();
    private final ArrayDeque<Effect> effects = new ArrayDeque<>();

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }

    void object(ObjectNode hop, String bucket, String key, String sequencer, long millis) {
        objects.put(bucket + "/" + key + "#" + sequencer, hop.get("id").asLong());
        effect(hop, millis, "bucket:" + bucket);
    }

    void streamAppend(ObjectNode hop, String tableName, String streamArn, String sequenceNumber, long millis) {
        long id = hop.get("id").asLong();
        streamRecords.put(streamArn + "#" + sequenceNumber, id);
        newestAppend.put(streamArn, id);
        effect(hop, millis, "table:" + tableName);
    }

    /** A PutRecord(s) call: each of its sequence numbers names it, for the mapping batch that ends at that record. */
    void kinesisPut(ObjectNode hop, String streamArn, java.util.List<String> sequenceNumbers, long millis) {
        long id = hop.get("id").asLong();
        for (String sequence : sequenceNumbers) {
            kinesisRecords.put(streamArn + "#" + sequence, id);
        }
        newestAppend.put(streamArn, id);
        effect(hop, millis, "kinesis:" + streamArn);
    }

    Long publish(String messageId) {
        return publishes.get(messageId);
    }

    void publish(ObjectNode hop, String topicArn, String messageId, long millis) {
        publishes.put(messageId, hop.get("id").asLong());
        effect(hop, millis, "topic:" + topicArn);
    }

    /** The hop that caused the invocation with this event, or of a mapping batch's stream records. */
    Long causeOf(JsonNode event) {
        JsonNode records = event.path("Records");
        JsonNode last = records.path(records.size() - 1);
        switch (last.path("eventSource").asText(last.path("EventSource").asText())) {
            case "aws:s3":
                return objects.get(last.at("/s3/bucket/name").asText() + "/" + decodeKey(last.at("/s3/object/key").asText())
                        + "#" + last.at("/s3/object/sequencer").asText());
            case "aws:dynamodb": {
                String arn = last.path("eventSourceARN").asText();
                Long exact = streamRecords.get(arn + "#" + last.at("/dynamodb/SequenceNumber").asText());
                return exact != null ? exact : newestAppend.get(arn);
            }
            case "aws:kinesis": {
                String arn = last.path("eventSourceARN").asText();
                Long exact = kinesisRecords.get(arn + "#" + last.at("/kinesis/sequenceNumber").asText());
                return exact != null ? exact : newestAppend.get(arn);
            }
            case "aws:sns":
                return publishes.get(last.at("/Sns/MessageId").asText());
            default:
                return null;
        }
    }

    /** What a function triggered by {@code event} reads, so it is never named the cause of writes there. */
    static Set<String> reads(JsonNode event) {
        Set<String> out = new java.util.HashSet<>();
        for (JsonNode r : event.path("Records")) {
            String bucket = r.at("/s3/bucket/name").asText(null);
            if (bucket != null) {
                out.add("bucket:" + bucket);
            }
            String arn = r.path("eventSourceARN").asText("");
            int table = arn.indexOf(":table/");
            if (table >= 0) {
                String rest = arn.substring(table + ":table/".length());
                out.add("table:" + rest.substring(0, rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/')));
            }
            if ("aws:kinesis".equals(r.path("eventSource").asText())) {
                out.add("kinesis:" + arn);
            }
            String topic = r.at("/Sns/TopicArn").asText(null);
            if (topic != null) {
                out.add("topic:" + topic);
            }
        }
        return out;
    }

    /**
     * A function ran from {@code start} to {@code end}: claims the writes made meanwhile whose hops
     * already arrived (adding their ids to its hop's {@code effects}), unless a later-started
     * invocation holds them.
     */
    void invocation(ObjectNode hop, long start, long end, Set<String> reads) {
        Invocation run = new Invocation(hop.get("id").asLong(), start, end, reads);
        invocations.addLast(run);
        if (invocations.size() > RECENT_INVOCATIONS) {
            invocations.removeFirst();
        }
        com.fasterxml.jackson.databind.node.ArrayNode claimed = null;
        java.util.List<Long> ids = new java.util.ArrayList<>();
        // newest first; hops arrive roughly in time order, so a second before the start is far enough back
        for (Iterator<Effect> it = effects.descendingIterator(); it.hasNext(); ) {
            Effect e = it.next();
            if (e.millis < start - ARRIVAL_SLACK_MILLIS) {
                break;
            }
            if (!run.covers(e) || e.hop.has("cause") && !(e.hop.path("causeInferred").asBoolean()
                    && startOf(e.hop.get("cause").asLong()) < start)) {
                continue;
            }
            e.hop.put("cause", run.hopId).put("causeInferred", true);
            ids.add(e.hop.get("id").asLong());
        }
        if (!ids.isEmpty()) {
            java.util.Collections.sort(ids);
            claimed = hop.putArray("effects");
            ids.forEach(claimed::add);
        }
    }

    private long startOf(long invocationHop) {
        for (Invocation i : invocations) {
            if (i.hopId == invocationHop) {
                return i.start;
            }
        }
        return Long.MIN_VALUE;
    }

    /** A write: linked at once to the invocation already known to have been running, else remembered. */
    private void effect(ObjectNode hop, long millis, String source) {
        Effect effect = new Effect(hop, millis, source);
        if (!hop.has("cause")) {
            Invocation best = null;
            for (Iterator<Invocation> it = invocations.descendingIterator(); it.hasNext(); ) {
                Invocation i = it.next();
                if (i.covers(effect) && (best == null || i.start > best.start)) {
                    best = i;
                }
            }
            if (best != null) {
                hop.put("cause", best.hopId).put("causeInferred", true);
            }
        }
        effects.addLast(effect);
        if (effects.size() > RECENT_EFFECTS) {
            effects.removeFirst();
        }
    }

    /** S3 event keys are URL-encoded with + for spaces, as AWS sends them. */
    private static String decodeKey(String key) {
        try {
            return java.net.URLDecoder.decode(key, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return key;
        }
    }

    void clear() {
        objects.clear();
        streamRecords.clear();
        kinesisRecords.clear();
        newestAppend.clear();
        publishes.clear();
        invocations.clear();
        effects.clear();
    }
}
