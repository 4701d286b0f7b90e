package dev.cloudjar.services.s3;

/**
 * What S3 asks before it saves a notification configuration: does each destination (queue, topic,
 * function ARN) exist? Implemented by {@code dev.cloudjar.integration} over the other backends.
 */
@FunctionalInterface
public interface NotificationDestinations {
    /** Null when the destination exists, otherwise AWS's reason text for the ArgumentValue. */
    String problemWith(String arn);

    /** The default before integration is wired: every destination is accepted. */
    NotificationDestinations ANY = arn -> null;
}
