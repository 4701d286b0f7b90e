package dev.cloudjar.events;

import dev.cloudjar.core.Scope;
import java.time.Instant;

/**
 * An object was created, removed or restored in an S3 bucket. {@code eventName} is AWS's record name without
 * the {@code s3:} prefix ("ObjectCreated:Put", "ObjectCreated:Copy",
 * "ObjectCreated:CompleteMultipartUpload", "ObjectRemoved:Delete", "ObjectRestore:Post", ...); {@code eTag} is unquoted;
 * {@code size} and {@code eTag} are null for removals; {@code sequencer} is upper-case hex that grows
 * with each event.
 */
public record S3ObjectEvent(
        Scope scope,
        String bucket,
        String key,
        String eventName,
        Long size,
        String eTag,
        String versionId,
        String sequencer,
        Instant eventTime,
        String requestId,
        String sourceIp) implements CloudEvent {
}
