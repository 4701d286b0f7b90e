package dev.cloudjar.protocol.auth;

import dev.cloudjar.core.AwsException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Expiry of presigned URLs, in both forms S3 clients produce: SigV4 query auth ({@code X-Amz-Date} +
 * {@code X-Amz-Expires} seconds) and SigV2 query auth ({@code Expires} epoch seconds, boto3's default
 * in us-east-1). Signatures are not verified (CloudJar accepts any credentials); expiry is.
 */
public final class PresignedUrls {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final long MAX_SIGV4_EXPIRES = 604800;

    private PresignedUrls() {
    }

    /** True when the query carries presigned-URL authentication of either version. */
    public static boolean isPresigned(Function<String, String> query) {
        return query.apply("X-Amz-Signature") != null || query.apply("X-Amz-Credential") != null
                || (query.apply("Signature") != null && query.apply("AWSAccessKeyId") != null);
    }

    /**
     * Throws S3's 403 {@code AccessDenied} "Request has expired" when a presigned URL is past its
     * expiry, and 400 {@code AuthorizationQueryParametersError} for an unreadable one.
     */
    public static void checkNotExpired(Function<String, String> query, Instant now) {
        String amzExpires = query.apply("X-Amz-Expires");
        String amzDate = query.apply("X-Amz-Date");
        if (query.apply("X-Amz-Credential") != null || amzExpires != null) {
            checkSigV4(amzDate, amzExpires, now);
            return;
        }
        String expires = query.apply("Expires");
        if (expires != null && query.apply("AWSAccessKeyId") != null) {
            long epoch;
            try {
                epoch = Long.parseLong(expires.trim());
            } catch (NumberFormatException e) {
                throw new AwsException(403, "AccessDenied", "Invalid date (should be seconds since epoch): " + expires);
            }
            Instant expiry = Instant.ofEpochSecond(epoch);
            if (now.isAfter(expiry)) {
                throw expired(now, expiry).with("Expires", expiry.toString());
            }
        }
    }

    private static void checkSigV4(String amzDate, String amzExpires, Instant now) {
        if (amzDate == null || amzExpires == null) {
            throw queryError("Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, "
                    + "X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.");
        }
        long seconds;
        try {
            seconds = Long.parseLong(amzExpires.trim());
        } catch (NumberFormatException e) {
            throw queryError("X-Amz-Expires should be a number");
        }
        if (seconds < 0) {
            throw queryError("X-Amz-Expires must be non-negative");
        }
        if (seconds > MAX_SIGV4_EXPIRES) {
            throw queryError("X-Amz-Expires must be less than a week (in seconds) that is; 604800");
        }
        Instant signed;
        try {
            signed = LocalDateTime.parse(amzDate.trim(), AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw queryError("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }
        Instant expiry = signed.plusSeconds(seconds);
        if (now.isAfter(expiry)) {
            throw expired(now, expiry).with("X-Amz-Expires", amzExpires).with("Expires", expiry.toString());
        }
    }

    private static AwsException expired(Instant now, Instant expiry) {
        return new AwsException(403, "AccessDenied", "Request has expired").with("ServerTime", now.toString());
    }

    private static AwsException queryError(String message) {
        return new AwsException(400, "AuthorizationQueryParametersError", message);
    }
}
