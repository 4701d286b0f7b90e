package dev.cloudjar.services.s3.model;

import java.io.InputStream;

/**
 * The payload of a PutObject or UploadPart as the wire layer decoded it (aws-chunked framing
 * removed). The backend streams {@link #stream()} into the blob store, then calls {@link #finish()},
 * which checks every digest the client sent (Content-MD5, x-amz-checksum-*, x-amz-content-sha256,
 * trailers) and throws the AWS error on a mismatch, so a bad body is never committed.
 */
public interface UploadBody {
    InputStream stream();

    /** The payload length the client announced, or -1 when it did not say. */
    default long declaredLength() {
        return -1;
    }

    /** Verifies the digests the client sent against the bytes read and returns what was computed. */
    BodyDigests finish();

    /**
     * What the body's bytes hash to. {@code checksumAlgorithm}/{@code checksumValue} (base64) are set
     * when the client named an algorithm or sent a checksum; {@code md5} is always set (lower hex).
     */
    record BodyDigests(String md5, long size, String checksumAlgorithm, String checksumValue) {
    }
}
