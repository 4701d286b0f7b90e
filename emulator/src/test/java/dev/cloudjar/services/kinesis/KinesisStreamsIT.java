package dev.cloudjar.services.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.*;

/** Kinesis through the SDK for Java v2 with its default configuration, which speaks CBOR. */
@ExtendWith(CloudJarExtension.class)
class KinesisStreamsIT {

    private static SdkBytes bytes(String s) {
        return SdkBytes.fromString(s, StandardCharsets.UTF_8);
    }

    @Test
    void createDescribeListAndDelete(KinesisClient kinesis, CloudJar cloudJar) {
        kinesis.createStream(b -> b.streamName("orders").shardCount(3).tags(Map.of("team", "a")));
        StreamDescription d = kinesis.describeStream(b -> b.streamName("orders")).streamDescription();
        assertEquals(StreamStatus.ACTIVE, d.streamStatus());
        assertEquals("arn:aws:kinesis:us-east-1:000000000000:stream/orders", d.streamARN());
        assertEquals(3, d.shards().size());
        assertEquals("shardId-000000000000", d.shards().get(0).shardId());
        assertEquals("0", d.shards().get(0).hashKeyRange().startingHashKey());
        assertEquals(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE).toString(), d.shards().get(2).hashKeyRange().endingHashKey());
        assertEquals(24, d.retentionPeriodHours());
        assertEquals(StreamMode.PROVISIONED, d.streamModeDetails().streamMode());
        assertTrue(Duration.between(d.streamCreationTimestamp(), cloudJar.context().clock().instant()).abs().toSeconds() < 60, "CBOR timestamp " + d.streamCreationTimestamp());
        assertEquals(56, d.shards().get(0).sequenceNumberRange().startingSequenceNumber().length());

        ResourceInUseException dup = assertThrows(ResourceInUseException.class, () -> kinesis.createStream(b -> b.streamName("orders").shardCount(1)));
        assertEquals("Stream orders under account 000000000000 already exists.", dup.awsErrorDetails().errorMessage());

        kinesis.createStream(b -> b.streamName("clicks").streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
        StreamDescriptionSummary summary = kinesis.describeStreamSummary(b -> b.streamARN("arn:aws:kinesis:us-east-1:000000000000:stream/clicks"))
                .streamDescriptionSummary();
        assertEquals(4, summary.openShardCount());
        assertEquals(StreamMode.ON_DEMAND, summary.streamModeDetails().streamMode());

        List<String> names = new ArrayList<>();
        ListStreamsResponse page = kinesis.listStreams(b -> b.limit(1));
        while (true) {
            assertEquals(1, page.streamNames().size());
            assertEquals(page.streamNames().get(0), page.streamSummaries().get(0).streamName());
            names.add(page.streamNames().get(0));
            if (!page.hasMoreStreams()) {
                break;
            }
            String token = page.nextToken();
            page = kinesis.listStreams(b -> b.nextToken(token).limit(1));
        }
        assertTrue(names.contains("clicks") && names.contains("orders"), names.toString());
        assertEquals(names.stream().sorted().toList(), names);
        assertEquals(names, kinesis.listStreams().streamNames());
        kinesis.deleteStream(b -> b.streamName("clicks"));
        ResourceNotFoundException gone = assertThrows(ResourceNotFoundException.class, () -> kinesis.describeStream(b -> b.streamName("clicks")));
        assertEquals("Stream clicks under account 000000000000 not found.", gone.awsErrorDetails().errorMessage());
        KinesisException invalid = assertThrows(KinesisException.class, () -> kinesis.createStream(b -> b.streamName("bad name").shardCount(1)));
        assertEquals("ValidationException", invalid.awsErrorDetails().errorCode());
        kinesis.deleteStream(b -> b.streamName("orders"));
    }

    @Test
    void recordsAreRoutedByMd5AndReadInOrder(KinesisClient kinesis, CloudJar cloudJar) throws Exception {
        kinesis.createStream(b -> b.streamName("routed").shardCount(4));
        List<Shard> shards = kinesis.listShards(b -> b.streamName("routed")).shards();
        List<String> seqs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = "user-" + i;
            PutRecordResponse put = kinesis.putRecord(b -> b.streamName("routed").partitionKey(key).data(bytes("event " + key)));
            BigInteger hash = new BigInteger(1, MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8)));
            Shard expected = shards.stream().filter(s -> new BigInteger(s.hashKeyRange().startingHashKey()).compareTo(hash) <= 0
                    && hash.compareTo(new BigInteger(s.hashKeyRange().endingHashKey())) <= 0).findFirst().orElseThrow();
            assertEquals(expected.shardId(), put.shardId(), key);
            assertEquals(56, put.sequenceNumber().length());
            if (put.shardId().equals("shardId-000000000001")) {
                seqs.add(put.sequenceNumber());
            }
        }
        PutRecordResponse explicit = kinesis.putRecord(b -> b.streamName("routed").partitionKey("x").explicitHashKey("0").data(bytes("e")));
        assertEquals("shardId-000000000000", explicit.shardId());

        String it = kinesis.getShardIterator(b -> b.streamName("routed").shardId("shardId-000000000001")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        GetRecordsResponse records = kinesis.getRecords(b -> b.shardIterator(it));
        assertEquals(seqs, records.records().stream().map(software.amazon.awssdk.services.kinesis.model.Record::sequenceNumber).toList());
        for (int i = 1; i < seqs.size(); i++) {
            assertTrue(new BigInteger(seqs.get(i)).compareTo(new BigInteger(seqs.get(i - 1))) > 0);
        }
        software.amazon.awssdk.services.kinesis.model.Record r0 = records.records().get(0);
        assertTrue(r0.data().asUtf8String().startsWith("event user-"));
        assertTrue(Duration.between(r0.approximateArrivalTimestamp(), cloudJar.context().clock().instant()).abs().toSeconds() < 60);
        assertEquals(0L, records.millisBehindLatest());
        assertNotNull(records.nextShardIterator());
        assertTrue(kinesis.getRecords(b -> b.shardIterator(records.nextShardIterator())).records().isEmpty());

        String after = kinesis.getShardIterator(b -> b.streamName("routed").shardId("shardId-000000000001")
                .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).startingSequenceNumber(seqs.get(0))).shardIterator();
        assertEquals(seqs.subList(1, seqs.size()), kinesis.getRecords(b -> b.shardIterator(after).limit(100)).records().stream()
                .map(software.amazon.awssdk.services.kinesis.model.Record::sequenceNumber).toList());
        String at = kinesis.getShardIterator(b -> b.streamName("routed").shardId("shardId-000000000001")
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).startingSequenceNumber(seqs.get(1))).shardIterator();
        GetRecordsResponse two = kinesis.getRecords(b -> b.shardIterator(at).limit(1));
        assertEquals(seqs.get(1), two.records().get(0).sequenceNumber());
        assertTrue(two.millisBehindLatest() >= 0);

        String latest = kinesis.getShardIterator(b -> b.streamName("routed").shardId("shardId-000000000001")
                .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
        assertTrue(kinesis.getRecords(b -> b.shardIterator(latest)).records().isEmpty());
        String stamp = kinesis.getShardIterator(b -> b.streamName("routed").shardId("shardId-000000000001")
                .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(cloudJar.context().clock().instant().minusSeconds(3600))).shardIterator();
        assertEquals(seqs.size(), kinesis.getRecords(b -> b.shardIterator(stamp)).records().size());

        InvalidArgumentException wrongShard = assertThrows(InvalidArgumentException.class, () -> kinesis.getShardIterator(b -> b.streamName("routed")
                .shardId("shardId-000000000000").shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).startingSequenceNumber(seqs.get(0))));
        assertTrue(wrongShard.getMessage().contains("It encodes shardId-000000000001"), wrongShard.getMessage());
        assertThrows(InvalidArgumentException.class, () -> kinesis.getRecords(b -> b.shardIterator("AAAA")));
        assertThrows(ResourceNotFoundException.class, () -> kinesis.getShardIterator(b -> b.streamName("routed")
                .shardId("shardId-000000000009").shardIteratorType(ShardIteratorType.LATEST)));
    }

    @Test
    void putRecordsLimitsAndIteratorExpiry(KinesisClient kinesis, CloudJar cloudJar) {
        kinesis.createStream(b -> b.streamName("batch").shardCount(2));
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("k" + i).data(bytes("v" + i)).build());
        }
        PutRecordsResponse put = kinesis.putRecords(b -> b.streamName("batch").records(entries));
        assertEquals(0, put.failedRecordCount());
        assertEquals(10, put.records().size());
        assertTrue(put.records().stream().allMatch(r -> r.sequenceNumber() != null && r.shardId() != null));

        List<PutRecordsRequestEntry> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(PutRecordsRequestEntry.builder().partitionKey("k").data(bytes("v")).build());
        }
        KinesisException many = assertThrows(KinesisException.class, () -> kinesis.putRecords(b -> b.streamName("batch").records(tooMany)));
        assertEquals("ValidationException", many.awsErrorDetails().errorCode());
        assertTrue(many.getMessage().contains("Member must have length less than or equal to 500"), many.getMessage());

        SdkBytes big = SdkBytes.fromByteArray(new byte[1024 * 1024 + 1]);
        KinesisException tooBig = assertThrows(KinesisException.class, () -> kinesis.putRecord(b -> b.streamName("batch").partitionKey("k").data(big)));
        assertTrue(tooBig.getMessage().contains("Value at 'data' failed to satisfy constraint: Member must have length less than or equal to 1048576"),
                tooBig.getMessage());
        List<PutRecordsRequestEntry> heavy = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            heavy.add(PutRecordsRequestEntry.builder().partitionKey("k").data(SdkBytes.fromByteArray(new byte[1000 * 1000])).build());
        }
        InvalidArgumentException fiveMb = assertThrows(InvalidArgumentException.class, () -> kinesis.putRecords(b -> b.streamName("batch").records(heavy)));
        assertTrue(fiveMb.getMessage().contains("Records size exceeds 5 MB limit"), fiveMb.getMessage());
        assertThrows(InvalidArgumentException.class, () -> kinesis.putRecord(b -> b.streamName("batch").partitionKey("k")
                .explicitHashKey("340282366920938463463374607431768211456").data(bytes("x"))));
        assertThrows(ResourceNotFoundException.class, () -> kinesis.putRecord(b -> b.streamName("nope").partitionKey("k").data(bytes("x"))));

        String it = kinesis.getShardIterator(b -> b.streamName("batch").shardId("shardId-000000000000")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        cloudJar.advanceClock(Duration.ofMinutes(5).plusSeconds(1));
        ExpiredIteratorException expired = assertThrows(ExpiredIteratorException.class, () -> kinesis.getRecords(b -> b.shardIterator(it)));
        assertTrue(expired.getMessage().contains("which is further in the future than the tolerated delay of 300000 milliseconds"), expired.getMessage());
    }

    @Test
    void retentionTagsEncryptionAndConsumers(KinesisClient kinesis) {
        kinesis.createStream(b -> b.streamName("misc").shardCount(1));
        kinesis.increaseStreamRetentionPeriod(b -> b.streamName("misc").retentionPeriodHours(48));
        assertEquals(48, kinesis.describeStreamSummary(b -> b.streamName("misc")).streamDescriptionSummary().retentionPeriodHours());
        InvalidArgumentException shorter = assertThrows(InvalidArgumentException.class,
                () -> kinesis.increaseStreamRetentionPeriod(b -> b.streamName("misc").retentionPeriodHours(24)));
        assertTrue(shorter.getMessage().contains("can not be shorter than existing retention period (48 hours)"), shorter.getMessage());
        kinesis.decreaseStreamRetentionPeriod(b -> b.streamName("misc").retentionPeriodHours(24));
        assertThrows(InvalidArgumentException.class, () -> kinesis.decreaseStreamRetentionPeriod(b -> b.streamName("misc").retentionPeriodHours(10)));

        kinesis.addTagsToStream(b -> b.streamName("misc").tags(Map.of("a", "1", "b", "2")));
        kinesis.removeTagsFromStream(b -> b.streamName("misc").tagKeys("a"));
        ListTagsForStreamResponse tags = kinesis.listTagsForStream(b -> b.streamName("misc"));
        assertEquals(List.of(Tag.builder().key("b").value("2").build()), tags.tags());
        assertFalse(tags.hasMoreTags());

        kinesis.startStreamEncryption(b -> b.streamName("misc").encryptionType(EncryptionType.KMS).keyId("alias/aws/kinesis"));
        StreamDescriptionSummary s = kinesis.describeStreamSummary(b -> b.streamName("misc")).streamDescriptionSummary();
        assertEquals(EncryptionType.KMS, s.encryptionType());
        assertEquals("alias/aws/kinesis", s.keyId());
        PutRecordResponse put = kinesis.putRecord(b -> b.streamName("misc").partitionKey("k").data(bytes("x")));
        assertEquals(EncryptionType.KMS, put.encryptionType());
        kinesis.stopStreamEncryption(b -> b.streamName("misc").encryptionType(EncryptionType.KMS).keyId("alias/aws/kinesis"));
        assertEquals(EncryptionType.NONE, kinesis.describeStreamSummary(b -> b.streamName("misc")).streamDescriptionSummary().encryptionType());

        String arn = s.streamARN();
        Consumer consumer = kinesis.registerStreamConsumer(b -> b.streamARN(arn).consumerName("app")).consumer();
        assertTrue(consumer.consumerARN().startsWith(arn + "/consumer/app:"), consumer.consumerARN());
        assertEquals(ConsumerStatus.ACTIVE, kinesis.describeStreamConsumer(b -> b.consumerARN(consumer.consumerARN())).consumerDescription().consumerStatus());
        assertEquals(List.of("app"), kinesis.listStreamConsumers(b -> b.streamARN(arn)).consumers().stream().map(Consumer::consumerName).toList());
        assertThrows(ResourceInUseException.class, () -> kinesis.deleteStream(b -> b.streamName("misc")));
        kinesis.deregisterStreamConsumer(b -> b.streamARN(arn).consumerName("app"));
        assertThrows(ResourceNotFoundException.class, () -> kinesis.describeStreamConsumer(b -> b.consumerARN(consumer.consumerARN())));
        kinesis.deleteStream(b -> b.streamName("misc"));
    }

    @Test
    void updateStreamModeSwitchesTheModeAndTheSameModeChangesNothing(KinesisClient kinesis) {
        kinesis.createStream(b -> b.streamName("mode-switch").shardCount(2));
        String arn = kinesis.describeStreamSummary(b -> b.streamName("mode-switch")).streamDescriptionSummary().streamARN();
        kinesis.updateStreamMode(b -> b.streamARN(arn).streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
        StreamDescriptionSummary after = kinesis.describeStreamSummary(b -> b.streamName("mode-switch")).streamDescriptionSummary();
        assertEquals(StreamMode.ON_DEMAND, after.streamModeDetails().streamMode());
        assertEquals(2, after.openShardCount(), "switching the mode keeps the shards");
        kinesis.updateStreamMode(b -> b.streamARN(arn).streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
        kinesis.updateStreamMode(b -> b.streamARN(arn).streamModeDetails(m -> m.streamMode(StreamMode.PROVISIONED)));
        assertEquals(StreamMode.PROVISIONED, kinesis.describeStreamSummary(b -> b.streamName("mode-switch"))
                .streamDescriptionSummary().streamModeDetails().streamMode());
        KinesisException bad = assertThrows(KinesisException.class, () -> kinesis.updateStreamMode(b -> b.streamARN(arn)
                .streamModeDetails(m -> m.streamMode("SOMETIMES"))));
        assertEquals("ValidationException", bad.awsErrorDetails().errorCode());
        assertThrows(ResourceNotFoundException.class, () -> kinesis.updateStreamMode(b -> b.streamARN(arn.replace("mode-switch", "no-such"))
                .streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND))));
    }

    @Test
    void updateMaxRecordSizeRaisesTheLimitPutRecordEnforces(KinesisClient kinesis) {
        kinesis.createStream(b -> b.streamName("big-records").shardCount(1));
        String arn = kinesis.describeStreamSummary(b -> b.streamName("big-records")).streamDescriptionSummary().streamARN();
        SdkBytes twoMiB = SdkBytes.fromByteArray(new byte[2 * 1024 * 1024]);
        KinesisException tooBig = assertThrows(KinesisException.class, () -> kinesis.putRecord(b -> b.streamARN(arn).partitionKey("p").data(twoMiB)));
        assertEquals("ValidationException", tooBig.awsErrorDetails().errorCode());
        kinesis.updateMaxRecordSize(b -> b.streamARN(arn).maxRecordSizeInKiB(4096));
        assertEquals(4096, kinesis.describeStreamSummary(b -> b.streamName("big-records")).streamDescriptionSummary().maxRecordSizeInKiB());
        assertNotNull(kinesis.putRecord(b -> b.streamARN(arn).partitionKey("p").data(twoMiB)).sequenceNumber());
        for (int kib : new int[] {1023, 10241}) {
            KinesisException out = assertThrows(KinesisException.class, () -> kinesis.updateMaxRecordSize(b -> b.streamARN(arn).maxRecordSizeInKiB(kib)));
            assertEquals("ValidationException", out.awsErrorDetails().errorCode());
        }
    }

    @Test
    void reshardingClosesParentsAndOpensChildren(KinesisClient kinesis) {
        kinesis.createStream(b -> b.streamName("reshard").shardCount(2));
        kinesis.putRecord(b -> b.streamName("reshard").partitionKey("p").explicitHashKey("1").data(bytes("before")));
        String middle = BigInteger.ONE.shiftLeft(126).toString();
        kinesis.splitShard(b -> b.streamName("reshard").shardToSplit("shardId-000000000000").newStartingHashKey(middle));
        List<Shard> shards = kinesis.listShards(b -> b.streamName("reshard")).shards();
        assertEquals(List.of("shardId-000000000000", "shardId-000000000001", "shardId-000000000002", "shardId-000000000003"),
                shards.stream().map(Shard::shardId).toList());
        assertNotNull(shards.get(0).sequenceNumberRange().endingSequenceNumber());
        assertEquals("shardId-000000000000", shards.get(2).parentShardId());
        assertEquals(middle, shards.get(3).hashKeyRange().startingHashKey());
        assertEquals(3, kinesis.listShards(b -> b.streamName("reshard").shardFilter(f -> f.type(ShardFilterType.AT_LATEST))).shards().size());

        PutRecordResponse put = kinesis.putRecord(b -> b.streamName("reshard").partitionKey("p").explicitHashKey("1").data(bytes("after")));
        assertEquals("shardId-000000000002", put.shardId());

        String it = kinesis.getShardIterator(b -> b.streamName("reshard").shardId("shardId-000000000000")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        GetRecordsResponse parent = kinesis.getRecords(b -> b.shardIterator(it));
        assertEquals("before", parent.records().get(0).data().asUtf8String());
        GetRecordsResponse end = parent.nextShardIterator() == null ? parent : kinesis.getRecords(b -> b.shardIterator(parent.nextShardIterator()));
        assertNull(end.nextShardIterator(), "a closed shard read to its end has no next iterator");
        assertEquals(List.of("shardId-000000000002", "shardId-000000000003"), end.childShards().stream().map(ChildShard::shardId).toList());

        kinesis.mergeShards(b -> b.streamName("reshard").shardToMerge("shardId-000000000002").adjacentShardToMerge("shardId-000000000003"));
        Shard merged = kinesis.listShards(b -> b.streamName("reshard")).shards().get(4);
        assertEquals("shardId-000000000002", merged.parentShardId());
        assertEquals("shardId-000000000003", merged.adjacentParentShardId());
        InvalidArgumentException notAdjacent = assertThrows(InvalidArgumentException.class, () -> kinesis.mergeShards(b -> b.streamName("reshard")
                .shardToMerge("shardId-000000000001").adjacentShardToMerge("shardId-000000000001")));
        assertTrue(notAdjacent.getMessage().contains("not an adjacent pair"), notAdjacent.getMessage());

        UpdateShardCountResponse update = kinesis.updateShardCount(b -> b.streamName("reshard").targetShardCount(4).scalingType(ScalingType.UNIFORM_SCALING));
        assertEquals(2, update.currentShardCount());
        assertEquals(4, update.targetShardCount());
        assertEquals(4, kinesis.describeStreamSummary(b -> b.streamName("reshard")).streamDescriptionSummary().openShardCount());

        ListShardsResponse page = kinesis.listShards(b -> b.streamName("reshard").maxResults(3));
        assertEquals(3, page.shards().size());
        ListShardsResponse rest = kinesis.listShards(b -> b.nextToken(page.nextToken()));
        assertEquals(6, rest.shards().size());
        assertNull(rest.nextToken());
        InvalidArgumentException both = assertThrows(InvalidArgumentException.class,
                () -> kinesis.listShards(b -> b.streamName("reshard").nextToken(page.nextToken())));
        assertEquals("NextToken and StreamName cannot be provided together.", both.awsErrorDetails().errorMessage());
    }
}
