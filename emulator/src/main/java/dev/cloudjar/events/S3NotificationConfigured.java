package dev.cloudjar.events;

import dev.cloudjar.core.Scope;
import java.time.Instant;
import java.util.List;

/**
 * A bucket's notification configuration was saved; S3 then sends each queue and topic destination
 * its one-off {@code s3:TestEvent} message.
 */
public record S3NotificationConfigured(Scope scope, String bucket, List<String> queueAndTopicArns, String requestId,
                                       Instant time) implements CloudEvent {
}
