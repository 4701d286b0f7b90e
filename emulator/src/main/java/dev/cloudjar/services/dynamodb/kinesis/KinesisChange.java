package dev.cloudjar.services.dynamodb.kinesis;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.Map;

/**
 * One item change as a Kinesis destination receives it. Images are always both (NEW_AND_OLD_IMAGES,
 * as AWS sends to Kinesis): {@code newImage} is null for a REMOVE, {@code oldImage} for an INSERT.
 * {@code approximateCreationDateTime} is epoch milliseconds or microseconds as {@code precision} says;
 * {@code ttlDelete} marks a deletion by the TTL sweep (userIdentity dynamodb.amazonaws.com).
 */
public record KinesisChange(String awsRegion, String eventId, String eventName, String tableName,
                            long approximateCreationDateTime, String precision, Map<String, AttributeValue> keys,
                            Map<String, AttributeValue> newImage, Map<String, AttributeValue> oldImage, long sizeBytes,
                            boolean ttlDelete) {
}
