package dev.cloudjar.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/** What the shared-server test classes check: one endpoint for all of them, an empty state for each. */
final class SharedServer {
    static final Set<URI> ENDPOINTS = ConcurrentHashMap.newKeySet();

    private SharedServer() {
    }

    static void check(URI endpoint, S3Client s3, String bucket) {
        ENDPOINTS.add(endpoint);
        assertEquals(1, ENDPOINTS.size(), "every shared class runs against one CloudJar: " + ENDPOINTS);
        assertEquals(List.of(), s3.listBuckets().buckets().stream().map(Bucket::name).toList(), "each class starts empty");
        s3.createBucket(b -> b.bucket(bucket));
    }
}
