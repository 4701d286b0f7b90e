package dev.cloudjar.services.s3;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.services.s3.model.BucketDocument;
import dev.cloudjar.services.s3.model.VersioningConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bucket configurations S3 keeps by id (inventory, analytics, metrics, intelligent-tiering) and the
 * bucket's replication configuration: stored as the documents the client put (in the bucket
 * configuration map, so DeleteBucket forgets them), listed in id order, 100 to a page as S3 does.
 *
 * <p>LIMITATIONS: nothing is acted on: no inventory reports, no analytics or CloudWatch metrics, no
 * tiering and no replication of objects.
 */
public final class IdConfigurations {
    public static final Set<String> KINDS = Set.of("inventory", "analytics", "metrics", "intelligent-tiering");
    static final int PAGE_SIZE = 100;
    static final int MAX_PER_BUCKET = 1000;
    static final int MAX_ID_LENGTH = 64;
    private static final String REPLICATION = "replication";
    private final S3State state;

    IdConfigurations(S3State state) {
        this.state = state;
    }

    /** One page of a kind's documents, in id order; {@code nextId} is where the next page starts after (null: the last page). */
    public record Page(List<String> documents, String nextId) {
    }

    private static String key(String bucket, String kind, String id) {
        return KeyRanges.compose(bucket, kind, id);
    }

    private static AwsException noSuchConfiguration() {
        return new AwsException(404, "NoSuchConfiguration", "The specified configuration does not exist.");
    }

    /** Stores a document under its id; {@code bodyId} is the Id inside the document, which must match. */
    public void put(String bucket, String kind, String id, String bodyId, String document) {
        state.bucket(bucket);
        if (id == null || id.isEmpty()) {
            throw S3Errors.invalidArgument("Configuration Id must be specified", "id", id);
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw S3Errors.invalidArgument("The Id must be no longer than " + MAX_ID_LENGTH + " characters", "id", id);
        }
        if (!id.equals(bodyId)) {
            throw S3Errors.invalidArgument("Configuration Id in the request does not match the Id in the configuration", "id", id);
        }
        String stored = key(bucket, kind, id);
        if (state.configs.get(stored) == null && count(bucket, kind) >= MAX_PER_BUCKET) {
            throw new AwsException(400, "TooManyConfigurations", "You are attempting to create a new configuration but have already "
                    + "reached the " + MAX_PER_BUCKET + "-configuration limit.");
        }
        state.configs.put(stored, new BucketDocument(document));
    }

    private int count(String bucket, String kind) {
        int n = 0;
        for (String ignored : state.configs.keys(key(bucket, kind, ""), KeyRanges.prefixEnd(KeyRanges.compose(bucket, kind) + KeyRanges.SEPARATOR))) {
            n++;
        }
        return n;
    }

    public String get(String bucket, String kind, String id) {
        state.bucket(bucket);
        BucketDocument document = id == null ? null : state.configs.get(key(bucket, kind, id));
        if (document == null) {
            throw noSuchConfiguration();
        }
        return document.body();
    }

    public void delete(String bucket, String kind, String id) {
        state.bucket(bucket);
        if (id == null || !state.configs.remove(key(bucket, kind, id))) {
            throw noSuchConfiguration();
        }
    }

    /** The page after {@code afterId} (null: the first page). */
    public Page list(String bucket, String kind, String afterId) {
        state.bucket(bucket);
        String start = KeyRanges.compose(bucket, kind) + KeyRanges.SEPARATOR;
        List<String> documents = new ArrayList<>();
        String last = null;
        for (Map.Entry<String, BucketDocument> e : state.configs.range(start, KeyRanges.prefixEnd(start))) {
            String id = e.getKey().substring(start.length());
            if (afterId != null && id.compareTo(afterId) <= 0) {
                continue;
            }
            if (documents.size() == PAGE_SIZE) {
                return new Page(documents, last);
            }
            documents.add(e.getValue().body());
            last = id;
        }
        return new Page(documents, null);
    }

    /**
     * PutBucketReplication: the source bucket's versioning must be Enabled, and so must that of every
     * destination bucket (named by {@code arn:aws:s3:::bucket}) that is held here.
     */
    public void putReplication(String bucket, String document, List<String> destinationArns) {
        state.bucket(bucket);
        if (!versioningEnabled(bucket)) {
            throw S3Errors.invalidRequest("Versioning must be 'Enabled' on the bucket to apply a replication configuration");
        }
        for (String arn : destinationArns) {
            String destination = arn != null && arn.startsWith("arn:aws:s3:::") ? arn.substring("arn:aws:s3:::".length()) : null;
            if (destination == null || destination.isEmpty()) {
                throw S3Errors.invalidArgument("Invalid bucket ARN.", "Destination", arn);
            }
            if (!state.buckets.containsKey(destination)) {
                throw S3Errors.invalidRequest("Destination bucket must exist.");
            }
            if (!versioningEnabled(destination)) {
                throw S3Errors.invalidRequest("Destination bucket must have versioning enabled.");
            }
        }
        state.configs.put(S3State.objectKey(bucket, REPLICATION), new BucketDocument(document));
    }

    private boolean versioningEnabled(String bucket) {
        VersioningConfiguration versioning = state.versioning.get(bucket);
        return versioning != null && versioning.enabled();
    }

    public String replication(String bucket) {
        state.bucket(bucket);
        BucketDocument document = state.configs.get(S3State.objectKey(bucket, REPLICATION));
        if (document == null) {
            throw new AwsException(404, "ReplicationConfigurationNotFoundError", "The replication configuration was not found")
                    .with("BucketName", bucket);
        }
        return document.body();
    }

    public void deleteReplication(String bucket) {
        state.bucket(bucket);
        state.configs.remove(S3State.objectKey(bucket, REPLICATION));
    }

    /** S3 keeps versioning on while a replication configuration needs it. */
    void checkVersioningChange(String bucket, VersioningConfiguration change) {
        if (change.status() != null && !change.enabled() && state.configs.get(S3State.objectKey(bucket, REPLICATION)) != null) {
            throw new AwsException(409, "InvalidBucketState",
                    "A replication configuration is present on this bucket, so the versioning state cannot be changed.");
        }
    }
}
