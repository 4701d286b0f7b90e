package dev.cloudjar.bench;

import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** S3 PutObject and GetObject of 4 KiB objects (SDK v2 S3Client defaults plus path-style addressing). */
public final class S3Workload implements Workload {
    static final int SMALL_SIZE = 4096;
    private static final int GET_KEYS = 100;

    @Override
    public String group() {
        return "s3";
    }

    @Override
    public String title() {
        return "S3 4 KiB objects";
    }

    @Override
    public void run(Target target) {
        S3Client s3 = target.clients().s3();
        String bucket = "bench-small-" + Long.toHexString(System.nanoTime());
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (RuntimeException e) {
            target.report().notAvailable("S3 CreateBucket", LoadRunner.describe(e));
            return;
        }
        byte[] body = new byte[SMALL_SIZE];
        ThreadLocalRandom.current().nextBytes(body);
        for (int threads : target.options().threads()) {
            target.measure("PutObject 4 KiB", threads,
                    (thread, seq) -> s3.putObject(b -> b.bucket(bucket).key("put/" + seq), RequestBody.fromBytes(body)));
        }
        String versioned = bucket + "-v";
        try {
            s3.createBucket(b -> b.bucket(versioned));
            s3.putBucketVersioning(b -> b.bucket(versioned).versioningConfiguration(v -> v.status("Enabled")));
            for (int threads : target.options().threads()) {
                // Every PUT to the same few keys keeps the version it replaces: the versioned write path.
                target.measure("PutObject 4 KiB versioned", threads,
                        (thread, seq) -> s3.putObject(b -> b.bucket(versioned).key("put/" + (seq % GET_KEYS)), RequestBody.fromBytes(body)));
            }
        } catch (RuntimeException e) {
            target.report().notAvailable("PutObject 4 KiB versioned", LoadRunner.describe(e));
        }
        try {
            for (int i = 0; i < GET_KEYS; i++) {
                String key = "get/" + i;
                s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
            }
        } catch (RuntimeException e) {
            target.report().notAvailable("GetObject 4 KiB", "could not store the objects to read: " + LoadRunner.describe(e));
            return;
        }
        for (int threads : target.options().threads()) {
            target.measure("GetObject 4 KiB", threads, (thread, seq) -> {
                try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key("get/" + (seq % GET_KEYS)))) {
                    long n = in.transferTo(OutputStreamSink.INSTANCE);
                    if (n != SMALL_SIZE) {
                        throw new IllegalStateException("GetObject returned " + n + " bytes, expected " + SMALL_SIZE);
                    }
                }
            });
        }
    }
}
