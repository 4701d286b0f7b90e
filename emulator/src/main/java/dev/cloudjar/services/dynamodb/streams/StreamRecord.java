package dev.cloudjar.services.dynamodb.streams;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.Map;

/**
 * A change record as readers see it (GetRecords and the Lambda event source mapping). Images are
 * null where the stream's view type leaves them out; {@code ttlDelete} marks a removal by TTL,
 * which AWS reports with a service {@code userIdentity}.
 */
public record StreamRecord(String eventId, String eventName, String sequenceNumber, long approximateCreationSeconds,
                           Map<String, AttributeValue> keys, Map<String, AttributeValue> newImage,
                           Map<String, AttributeValue> oldImage, long sizeBytes, String streamViewType,
                           boolean ttlDelete, String awsRegion, String streamArn) {
}
