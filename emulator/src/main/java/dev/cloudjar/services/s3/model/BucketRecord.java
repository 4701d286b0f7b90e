package dev.cloudjar.services.s3.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A bucket and its sub-resource configurations; {@code region} is where it was created. */
public record BucketRecord(
        String name,
        String owner,
        String region,
        Instant created,
        Map<String, String> tags,
        List<CorsRule> cors,
        NotificationConfiguration notification) {

    public BucketRecord {
        tags = tags == null ? null : Map.copyOf(tags);
        cors = cors == null ? null : List.copyOf(cors);
    }

    public BucketRecord withTags(Map<String, String> value) {
        return new BucketRecord(name, owner, region, created, value, cors, notification);
    }

    public BucketRecord withCors(List<CorsRule> value) {
        return new BucketRecord(name, owner, region, created, tags, value, notification);
    }

    public BucketRecord withNotification(NotificationConfiguration value) {
        return new BucketRecord(name, owner, region, created, tags, cors, value);
    }
}
