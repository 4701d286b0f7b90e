package dev.cloudjar.services.dynamodb.kinesis;

/**
 * One Kinesis data stream a table streams (or streamed, or failed to stream) its item changes to, as
 * DescribeKinesisStreamingDestination lists it: the status (ACTIVE, DISABLED or ENABLE_FAILED; the
 * ENABLING, UPDATING and DISABLING phases end within the request), AWS's description of a failed
 * enable, and the ApproximateCreationDateTimePrecision when one was set (null means MILLISECOND).
 */
public record KinesisDestination(String streamArn, String status, String statusDescription, String precision) {
    public static final String ACTIVE = "ACTIVE";
    public static final String DISABLED = "DISABLED";
    public static final String ENABLE_FAILED = "ENABLE_FAILED";
    public static final String MILLISECOND = "MILLISECOND";
    public static final String MICROSECOND = "MICROSECOND";

    public boolean active() {
        return ACTIVE.equals(status);
    }

    /** The precision the records carry: MILLISECOND unless MICROSECOND was asked for. */
    public String effectivePrecision() {
        return precision == null ? MILLISECOND : precision;
    }
}
