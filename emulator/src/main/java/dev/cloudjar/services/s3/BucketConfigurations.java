package dev.cloudjar.services.s3;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.services.s3.model.BucketDocument;
import dev.cloudjar.services.s3.model.LifecycleRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Bucket configurations S3 stores and tools read back: lifecycle (with S3's rule checks), website,
 * encryption, request payment, accelerate and logging. Each is kept as the document the client put,
 * keyed {@code bucket\0name}.
 *
 * <p>LIMITATIONS: lifecycle transitions are stored, not applied (expirations are: {@link LifecycleExpiration}); website configurations
 * are not served; logging delivers no logs; encryption changes nothing (bytes are not encrypted).
 */
final class BucketConfigurations {
    static final Set<String> ENCRYPTION_ALGORITHMS = Set.of("AES256", "aws:kms", "aws:kms:dsse");
    private final S3State state;

    BucketConfigurations(S3State state) {
        this.state = state;
    }

    private static String key(String bucket, String name) {
        return S3State.objectKey(bucket, name);
    }

    void put(String bucket, String name, String document) {
        state.bucket(bucket);
        state.configs.put(key(bucket, name), new BucketDocument(document));
    }

    /** The stored document, or null when none was put. */
    String get(String bucket, String name) {
        state.bucket(bucket);
        BucketDocument document = state.configs.get(key(bucket, name));
        return document == null ? null : document.body();
    }

    void delete(String bucket, String name) {
        state.bucket(bucket);
        state.configs.remove(key(bucket, name));
    }

    void forget(String bucket) {
        List<String> keys = new ArrayList<>();
        for (String k : state.configs.keys(S3State.bucketStart(bucket), S3State.bucketEnd(bucket))) {
            keys.add(k);
        }
        keys.forEach(state.configs::remove);
    }

    /** S3's checks of PutBucketLifecycleConfiguration, in the order S3 applies them. */
    static void validateLifecycle(List<LifecycleRule> rules) {
        if (rules.isEmpty() || rules.size() > 1000) {
            throw S3Errors.malformedXml();
        }
        Set<String> ids = new HashSet<>();
        for (LifecycleRule rule : rules) {
            if (rule.id() != null && rule.id().length() > 255) {
                throw S3Errors.invalidArgument("ID length should not exceed allowed limit of 255", "ID", rule.id());
            }
            if (rule.id() != null && !ids.add(rule.id())) {
                throw S3Errors.invalidArgument("Rule ID must be unique. Found same ID for more than one rule", "ID", rule.id());
            }
            if (!"Enabled".equals(rule.status()) && !"Disabled".equals(rule.status())) {
                throw S3Errors.malformedXml();
            }
            if (!rule.hasFilterOrPrefix()) {
                throw S3Errors.malformedXml();
            }
            if (rule.actions() == 0) {
                throw S3Errors.invalidRequest("At least one action needs to be specified in a rule");
            }
            for (LifecycleRule.DayCount days : rule.dayCounts()) {
                Integer n = positive(days.value());
                if (n == null) {
                    throw new AwsException(400, "InvalidArgument", "'" + days.element() + "' for " + days.action()
                            + " action must be a positive integer").with("ArgumentName", days.element())
                            .with("ArgumentValue", days.value());
                }
            }
        }
    }

    private static Integer positive(String text) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.trim());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
