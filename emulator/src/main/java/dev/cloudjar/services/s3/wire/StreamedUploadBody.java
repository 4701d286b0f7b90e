package dev.cloudjar.services.s3.wire;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.auth.AwsChunkedInputStream;
import dev.cloudjar.protocol.auth.Checksums;
import dev.cloudjar.protocol.auth.Checksums.Algorithm;
import dev.cloudjar.protocol.auth.Checksums.Digest;
import dev.cloudjar.protocol.auth.Checksums.DigestingInputStream;
import dev.cloudjar.services.s3.S3Errors;
import dev.cloudjar.services.s3.model.UploadBody;
import java.io.InputStream;
import java.util.Locale;

/**
 * A PutObject/UploadPart body as it arrives: aws-chunked framing removed when present, digested while
 * it streams (MD5 always; the flexible checksum and SHA-256 when the client sent or named them), and
 * checked against every digest the client claimed once it is read.
 */
final class StreamedUploadBody implements UploadBody {
    /** How much of a refused body of unknown length is read so the client sees the 411 rather than a reset. */
    private static final long MAX_DISCARDED = 1024 * 1024;
    private final AwsChunkedInputStream chunked;
    private final DigestingInputStream stream;
    private final Digest md5 = Checksums.md5();
    private final byte[] contentMd5;
    private final Algorithm algorithm;
    private final Digest checksum;
    private final String headerChecksum;
    private final String claimedSha256;
    private final Digest sha256;
    private final long expectedLength;

    StreamedUploadBody(AwsRequest request) {
        this(request, false);
    }

    /** {@code lengthUnknown}: a body whose end the framing marks (a form's file part), so no Content-Length is needed. */
    StreamedUploadBody(AwsRequest request, boolean lengthUnknown) {
        String sha256Header = request.header("x-amz-content-sha256");
        boolean isChunked = AwsChunkedInputStream.isAwsChunked(request.header("Content-Encoding"), sha256Header);
        InputStream raw = request.body();
        this.chunked = isChunked ? new AwsChunkedInputStream(raw) : null;
        this.contentMd5 = contentMd5(request.header("Content-MD5"));
        Algorithm named = null;
        String headerValue = null;
        for (Algorithm candidate : Algorithm.values()) {
            String value = request.header(candidate.header());
            if (value != null) {
                byte[] decoded = Checksums.base64DecodeOrNull(value);
                if (decoded == null || decoded.length != candidate.length()) {
                    throw S3Errors.invalidRequest("Value for " + candidate.header() + " header is invalid.");
                }
                named = candidate;
                headerValue = value.trim();
                break;
            }
        }
        String trailer = request.header("x-amz-trailer");
        if (named == null && trailer != null) {
            named = Algorithm.fromName(trailer.trim().toLowerCase(Locale.ROOT).replace("x-amz-checksum-", ""));
        }
        String algorithmName = request.header("x-amz-sdk-checksum-algorithm");
        if (algorithmName == null) {
            algorithmName = request.header("x-amz-checksum-algorithm");
        }
        if (named == null && algorithmName != null) {
            named = Algorithm.fromName(MultipartRoutes.checksumAlgorithm(algorithmName));
        }
        this.algorithm = named;
        this.checksum = named == null ? null : named.newDigest();
        this.headerChecksum = headerValue;
        boolean hexSha = sha256Header != null && sha256Header.length() == 64 && Checksums.hexDecodeOrNull(sha256Header) != null;
        this.claimedSha256 = hexSha ? sha256Header.toLowerCase(Locale.ROOT) : null;
        this.sha256 = hexSha ? Checksums.sha256() : null;
        long length = -1;
        String decoded = request.header("x-amz-decoded-content-length");
        if (isChunked && decoded != null) {
            length = parseLength(decoded);
        } else if (!isChunked) {
            length = request.contentLength();
            if (length < 0 && !lengthUnknown) {
                request.discardBody(MAX_DISCARDED);
                throw S3Errors.missingContentLength();
            }
        }
        this.expectedLength = length;
        this.stream = new DigestingInputStream(isChunked ? chunked : raw, md5, checksum, sha256);
    }

    private static long parseLength(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw S3Errors.invalidArgument("x-amz-decoded-content-length must be a number", "x-amz-decoded-content-length", text);
        }
    }

    private static byte[] contentMd5(String header) {
        if (header == null) {
            return null;
        }
        byte[] decoded = Checksums.base64DecodeOrNull(header);
        if (decoded == null || decoded.length != 16) {
            throw S3Errors.invalidDigest().with("Content-MD5", header);
        }
        return decoded;
    }

    @Override
    public long declaredLength() {
        return expectedLength;
    }

    @Override
    public InputStream stream() {
        return stream;
    }

    @Override
    public BodyDigests finish() {
        if (chunked != null && !chunked.finished()) {
            throw S3Errors.incompleteBody();
        }
        long size = stream.count();
        if (expectedLength >= 0 && size != expectedLength) {
            throw S3Errors.incompleteBody();
        }
        if (claimedSha256 != null) {
            String computed = Checksums.hex(sha256.finish());
            if (!computed.equals(claimedSha256)) {
                throw S3Errors.contentSha256Mismatch(claimedSha256, computed);
            }
        }
        byte[] md5Bytes = md5.finish();
        if (contentMd5 != null && !java.util.Arrays.equals(contentMd5, md5Bytes)) {
            throw S3Errors.badDigest("MD5");
        }
        String checksumValue = null;
        if (algorithm != null) {
            checksumValue = Checksums.base64(checksum.finish());
            String expected = headerChecksum;
            if (expected == null && chunked != null) {
                expected = chunked.trailers().get(algorithm.header());
            }
            if (expected != null && !expected.equals(checksumValue)) {
                throw checksumMismatch(algorithm, expected);
            }
        }
        return new BodyDigests(Checksums.hex(md5Bytes), size, algorithm == null ? null : algorithm.name(), checksumValue);
    }

    private static AwsException checksumMismatch(Algorithm algorithm, String expected) {
        byte[] decoded = Checksums.base64DecodeOrNull(expected);
        if (decoded == null || decoded.length != algorithm.length()) {
            return S3Errors.invalidRequest("Value for " + algorithm.header() + " trailing header is invalid.");
        }
        return S3Errors.badDigest(algorithm.name());
    }
}
