package dev.cloudjar.services.dynamodb.backup;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import java.util.List;

/**
 * Where ExportTableToPointInTime writes and ImportTable reads: CloudJar's S3, implemented by
 * {@code dev.cloudjar.integration} (the DynamoDB backend does not know S3). Failures are AwsExceptions
 * carrying S3's error code and message.
 */
public interface ExportStore {
    void write(Scope scope, String bucket, String key, byte[] bytes);

    /** The keys under a prefix, in key order. */
    List<String> list(Scope scope, String bucket, String prefix);

    /** An object's bytes, at most {@code maxBytes}. */
    byte[] read(Scope scope, String bucket, String key, long maxBytes);

    /** Before integration is wired: there is no S3 to reach. */
    ExportStore NONE = new ExportStore() {
        @Override
        public void write(Scope scope, String bucket, String key, byte[] bytes) {
            throw missing(bucket);
        }

        @Override
        public List<String> list(Scope scope, String bucket, String prefix) {
            throw missing(bucket);
        }

        @Override
        public byte[] read(Scope scope, String bucket, String key, long maxBytes) {
            throw missing(bucket);
        }

        private AwsException missing(String bucket) {
            return new AwsException(404, "NoSuchBucket", "The specified bucket does not exist");
        }
    };
}
