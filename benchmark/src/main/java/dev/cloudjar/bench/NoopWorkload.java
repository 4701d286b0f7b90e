package dev.cloudjar.bench;

import java.io.InputStream;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The baseline every throughput is divided by: a request the server answers trivially, sent by the
 * same client with the same thread count in the same run. On a small machine the SDK client costs
 * about as much CPU as the server, so "% of no-op" says how much of the reachable throughput is left.
 *
 * <p>Default (headbucket): S3 HeadBucket on a bucket that does not exist, through the SDK S3Client; any
 * HTTP answer counts (404 expected), so it works against every server, even ones without S3.
 * With --noop health: GET /_cloudjar/health through the SDK's HTTP client without the SDK's
 * marshalling and signing (CloudJar only); this measures the HTTP path alone.
 */
final class NoopWorkload {
    private NoopWorkload() {
    }

    static String describe(BenchOptions options) {
        return options.noop.equals("health")
                ? "no-op route ('vs noop' column) = GET /_cloudjar/health through the SDK Apache HTTP client (unsigned),"
                        + " measured at the head of each table"
                : "no-op route ('vs noop' column) = S3 HeadBucket of a missing bucket through the SDK S3Client"
                        + " (404 counts as answered), measured at the head of each table";
    }

    /**
     * Measures the no-op at every thread count, prints the rows and records them as the baseline of
     * the rows that follow. Called at the head of each table that compares with it, so the baseline is
     * measured next to the figures it divides, in the same machine state.
     */
    static void measure(Target target) {
        boolean health = target.options().noop.equals("health");
        for (int threads : target.options().threads()) {
            Measurement m = target.runner().run(health ? "no-op: GET /_cloudjar/health" : "no-op: HeadBucket (missing)", threads,
                    target.options().ops(), target.options().timeLimit(), health ? healthCall(target) : headBucketCall(target));
            target.show(m, false);
            if (!m.failedEntirely()) {
                target.recordNoop(threads, m.opsPerSecond());
            }
        }
    }

    private static LoadRunner.Call headBucketCall(Target target) {
        return (thread, seq) -> {
            try {
                target.clients().s3().headBucket(b -> b.bucket("cloudjar-bench-no-such-bucket"));
            } catch (SdkServiceException answered) {
                // the server answered (404 NoSuchBucket expected): that is the trivial round trip we time
            }
        };
    }

    private static LoadRunner.Call healthCall(Target target) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(target.clients().endpoint().resolve("/_cloudjar/health"))
                .build();
        return (thread, seq) -> {
            ExecutableHttpRequest call = target.clients().http().prepareRequest(HttpExecuteRequest.builder().request(request).build());
            HttpExecuteResponse response = call.call();
            if (response.responseBody().isPresent()) {
                try (InputStream body = response.responseBody().get()) {
                    body.transferTo(OutputStreamSink.INSTANCE);
                }
            }
            if (!response.httpResponse().isSuccessful()) {
                throw new IllegalStateException("health answered HTTP " + response.httpResponse().statusCode());
            }
        };
    }
}
