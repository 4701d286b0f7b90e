package dev.cloudjar.services.dynamodb.kinesis;

import java.util.List;

/**
 * A table's Kinesis streaming destinations as stored (keyed by table id), most recently enabled first.
 * At most one is ACTIVE; DISABLED and ENABLE_FAILED entries stay listed, as on AWS.
 */
public record KinesisDestinations(int version, List<KinesisDestination> destinations) {
    public static final int FORMAT = 1;

    public KinesisDestinations {
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
    }

    /** The ACTIVE destination, or null. */
    public KinesisDestination active() {
        for (KinesisDestination d : destinations) {
            if (d.active()) {
                return d;
            }
        }
        return null;
    }

    /** The entry for a stream ARN, or null. */
    public KinesisDestination find(String streamArn) {
        for (KinesisDestination d : destinations) {
            if (d.streamArn().equals(streamArn)) {
                return d;
            }
        }
        return null;
    }
}
