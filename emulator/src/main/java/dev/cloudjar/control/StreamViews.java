package dev.cloudjar.control;

import static dev.cloudjar.control.ConsoleViews.longParam;
import static dev.cloudjar.control.ConsoleViews.required;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.services.kinesis.KinesisBackend;
import dev.cloudjar.services.kinesis.KinesisBackend.StreamRef;
import dev.cloudjar.services.kinesis.model.ReadRecord;
import dev.cloudjar.services.kinesis.model.ShardRecord;
import dev.cloudjar.services.kinesis.model.StreamPage;
import dev.cloudjar.services.kinesis.model.StreamRecord;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The console's Kinesis Data Streams views: streams; a stream's settings and every shard it had, with
 * its hash key range, sequence number range and parents; and the newest records of one shard, peeked
 * (no shard iterator is given out, no consumer or mapping moves). A record's data is shown as base64
 * and, when it is UTF-8 text, as that text; at most {@value #MAX_DATA} bytes of it.
 */
final class StreamViews {
    static final int MAX_RECORDS = 100;
    static final int MAX_DATA = 4096;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Supplier<KinesisBackend> kinesis;

    StreamViews(Supplier<KinesisBackend> kinesis) {
        this.kinesis = kinesis;
    }

    Object streams(AwsRequest request) {
        KinesisBackend backend = kinesis.get();
        ArrayNode out = F.arrayNode();
        String token = null;
        do {
            StreamPage<StreamRecord> page = backend.listStreams(request.scope(), 100, null, token);
            for (StreamRecord s : page.items()) {
                out.addObject().put("name", s.streamName()).put("arn", s.streamArn()).put("status", backend.status(s))
                        .put("mode", s.streamMode()).put("openShards", s.openShards().size())
                        .put("retentionPeriodHours", s.retentionPeriodHours());
            }
            token = page.nextToken();
        } while (token != null);
        return F.objectNode().set("streams", out);
    }

    Object stream(AwsRequest request) {
        KinesisBackend backend = kinesis.get();
        StreamRecord s = backend.describeStream(request.scope(), new StreamRef(required(request, "name"), null));
        ObjectNode out = F.objectNode().put("name", s.streamName()).put("arn", s.streamArn()).put("status", backend.status(s))
                .put("mode", s.streamMode()).put("retentionPeriodHours", s.retentionPeriodHours())
                .put("created", Instant.ofEpochMilli(s.createdAt()).toString()).put("encryptionType", s.encryptionType())
                .put("maxRecordSizeInKiB", s.maxRecordSizeInKiB());
        out.set("tags", RecordJson.of(s.tags()));
        ArrayNode consumers = out.putArray("consumers");
        s.consumers().forEach(c -> consumers.add(c.consumerName()));
        ArrayNode shards = out.putArray("shards");
        for (ShardRecord shard : s.shards()) {
            ObjectNode node = shards.addObject().put("shardId", shard.shardId()).put("open", shard.open())
                    .put("parentShardId", shard.parentShardId()).put("adjacentParentShardId", shard.adjacentParentShardId());
            node.putObject("hashKeyRange").put("startingHashKey", shard.startingHashKey()).put("endingHashKey", shard.endingHashKey());
            node.putObject("sequenceNumberRange").put("startingSequenceNumber", shard.startingSequenceNumber())
                    .put("endingSequenceNumber", shard.endingSequenceNumber());
        }
        return out;
    }

    /** The newest {@code limit} (default 20, at most {@value #MAX_RECORDS}) records of {@code shard}, newest first. */
    Object records(AwsRequest request) {
        String name = required(request, "name");
        String shardId = required(request, "shard");
        long limit = longParam(request, "limit", 20);
        if (limit < 1 || limit > MAX_RECORDS) {
            throw new AwsException(400, "ValidationException", "limit must be 1 to " + MAX_RECORDS);
        }
        ObjectNode out = F.objectNode().put("name", name).put("shardId", shardId);
        ArrayNode records = out.putArray("records");
        for (ReadRecord r : kinesis.get().newestRecords(request.scope(), new StreamRef(name, null), shardId, (int) limit)) {
            byte[] shown = shown(r.data());
            records.addObject().put("sequenceNumber", r.sequenceNumber()).put("partitionKey", r.partitionKey())
                    .put("arrived", Instant.ofEpochMilli(r.arrivedAt()).toString()).put("size", r.data().length)
                    .put("dataTruncated", shown.length < r.data().length)
                    .put("data", Base64.getEncoder().encodeToString(shown)).put("text", text(shown));
        }
        return out;
    }

    /** The first {@value #MAX_DATA} bytes, cut before a UTF-8 continuation byte so a text stays whole characters. */
    private static byte[] shown(byte[] data) {
        if (data.length <= MAX_DATA) {
            return data;
        }
        int cut = MAX_DATA;
        while (cut > MAX_DATA - 3 && (data[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return Arrays.copyOf(data, cut);
    }

    /** The bytes as text when they are UTF-8 without control characters other than tab and line breaks; else null. */
    static String text(byte[] data) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return null;
            }
        }
        return text;
    }
}
