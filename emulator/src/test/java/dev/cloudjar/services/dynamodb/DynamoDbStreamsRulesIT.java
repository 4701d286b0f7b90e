package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** DynamoDB Streams request rules: malformed stream ARNs, and sequence-number iterators on a shard with no records yet. */
@ExtendWith(CloudJarExtension.class)
class DynamoDbStreamsRulesIT {

    private static void invalidArn(Executable call) {
        DynamoDbException e = assertThrows(DynamoDbException.class, call);
        assertEquals(400, e.statusCode());
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertEquals("Invalid StreamArn", e.awsErrorDetails().errorMessage());
    }

    @Test
    void malformedStreamArnsAreValidationErrors(DynamoDbClient ddb, DynamoDbStreamsClient streams) {
        String arn = DynamoDbStreamsIT.streamTable(ddb, "rules-arns", StreamViewType.KEYS_ONLY);
        String tableArn = arn.substring(0, arn.indexOf("/stream/"));
        DynamoDbException tooShort = assertThrows(DynamoDbException.class, () -> streams.describeStream(b -> b.streamArn("fake-stream")));
        assertEquals("1 validation error detected: Value 'fake-stream' at 'streamArn' failed to satisfy constraint:"
                + " Member must have length greater than or equal to 37", tooShort.awsErrorDetails().errorMessage());
        for (String bad : List.of("arn:aws:dynamodb:us-east-1:000000000000:nothing-here", tableArn, tableArn + "/stream/", arn.replace(":dynamodb:", ":kinesis:"),
                arn.replaceFirst(":\\d{12}:", ":12345:"))) {
            invalidArn(() -> streams.describeStream(b -> b.streamArn(bad)));
            invalidArn(() -> streams.getShardIterator(b -> b.streamArn(bad).shardId("shardId-00000000000000000000-00000000")
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)));
            invalidArn(() -> streams.listStreams(b -> b.exclusiveStartStreamArn(bad)));
        }
        String missing = tableArn.replace("rules-arns", "rules-none") + arn.substring(arn.indexOf("/stream/"));
        DynamoDbException notFound = assertThrows(DynamoDbException.class, () -> streams.describeStream(b -> b.streamArn(missing)));
        assertEquals("ResourceNotFoundException", notFound.awsErrorDetails().errorCode());
        assertTrue(streams.listStreams(b -> b.exclusiveStartStreamArn(arn)).streams().stream()
                .noneMatch(s -> s.streamArn().equals(arn)));
    }

    @Test
    void sequenceIteratorsOnAnEmptyShardStartAtItsStartingSequenceNumber(DynamoDbClient ddb, DynamoDbStreamsClient streams) {
        String arn = DynamoDbStreamsIT.streamTable(ddb, "rules-empty", StreamViewType.KEYS_ONLY);
        Shard shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0);
        String start = shard.sequenceNumberRange().startingSequenceNumber();
        String at = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(start)).shardIterator();
        String after = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(start)).shardIterator();
        ddb.putItem(b -> b.tableName("rules-empty").item(Map.of("id", AttributeValue.fromS("one"))));
        ddb.putItem(b -> b.tableName("rules-empty").item(Map.of("id", AttributeValue.fromS("two"))));
        List<Record> fromAt = streams.getRecords(b -> b.shardIterator(at)).records();
        assertEquals(List.of("one", "two"), fromAt.stream().map(r -> r.dynamodb().keys().get("id").s()).toList());
        assertEquals(start, fromAt.get(0).dynamodb().sequenceNumber());
        List<Record> fromAfter = streams.getRecords(b -> b.shardIterator(after)).records();
        assertEquals(List.of("two"), fromAfter.stream().map(r -> r.dynamodb().keys().get("id").s()).toList());

        DynamoDbException beyond = assertThrows(DynamoDbException.class, () -> streams.getShardIterator(b -> b.streamArn(arn)
                .shardId(shard.shardId()).shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                .sequenceNumber(new java.math.BigInteger(start).add(java.math.BigInteger.TEN).toString())));
        assertEquals("ValidationException", beyond.awsErrorDetails().errorCode());
    }
}
