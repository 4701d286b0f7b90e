package dev.cloudjar.services.s3;

import dev.cloudjar.core.AwsException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * S3's conditional request rules (RFC 7232 as S3 applies them): If-Match beats If-Unmodified-Since
 * (412), If-None-Match beats If-Modified-Since (304 for reads, 412 for copy sources). Dates compare at
 * second precision, as Last-Modified is sent.
 */
final class Preconditions {
    private Preconditions() {
    }

    /** Checks GET/HEAD conditions. */
    static void checkRead(String eTag, Instant lastModified, String ifMatch, String ifNoneMatch,
            Instant ifModifiedSince, Instant ifUnmodifiedSince) {
        check(eTag, lastModified, ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince, false);
    }

    /** Checks x-amz-copy-source-if-* conditions: every failure is a 412. */
    static void checkCopySource(String eTag, Instant lastModified, String ifMatch, String ifNoneMatch,
            Instant ifModifiedSince, Instant ifUnmodifiedSince) {
        check(eTag, lastModified, ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince, true);
    }

    private static void check(String eTag, Instant lastModified, String ifMatch, String ifNoneMatch,
            Instant ifModifiedSince, Instant ifUnmodifiedSince, boolean copy) {
        Instant modified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        if (ifMatch != null) {
            if (!matches(ifMatch, eTag)) {
                throw S3Errors.preconditionFailed(copy ? "x-amz-copy-source-If-Match" : "If-Match");
            }
        } else if (ifUnmodifiedSince != null && modified.isAfter(ifUnmodifiedSince)) {
            throw S3Errors.preconditionFailed(copy ? "x-amz-copy-source-If-Unmodified-Since" : "If-Unmodified-Since");
        }
        if (ifNoneMatch != null) {
            if (matches(ifNoneMatch, eTag)) {
                throw copy ? S3Errors.preconditionFailed("x-amz-copy-source-If-None-Match") : notModified(eTag, lastModified);
            }
        } else if (ifModifiedSince != null && !modified.isAfter(ifModifiedSince)) {
            throw copy ? S3Errors.preconditionFailed("x-amz-copy-source-If-Modified-Since") : notModified(eTag, lastModified);
        }
    }

    private static AwsException notModified(String eTag, Instant lastModified) {
        return S3Errors.notModified().with("ETag", eTag).with("LastModified", lastModified);
    }

    /** True when a header value ({@code "a", "b"}, {@code *}, quoted or not) names the ETag. */
    static boolean matches(String header, String eTag) {
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*")) {
                return true;
            }
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1);
            }
            if (c.equals(eTag)) {
                return true;
            }
        }
        return false;
    }
}
