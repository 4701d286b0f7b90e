package dev.cloudjar.http;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.ServiceId;
import dev.cloudjar.protocol.auth.SigV4;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Each service's words for the same strict-mode refusal, as AWS sends them. */
final class StrictErrors {
    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    static final long MAX_SKEW_MILLIS = 15 * 60 * 1000;
    static final String S3_MISMATCH = "The request signature we calculated does not match the signature you provided. Check your key and signing method.";

    private StrictErrors() {
    }


    /** The Query services, and SQS, which answers its JSON protocol with the Query codes too. */
    static boolean query(ServiceId service) {
        return service == ServiceId.SQS || service == ServiceId.SNS || service == ServiceId.STS || service == ServiceId.IAM;
    }

    static AwsException missing(ServiceId service) {
        if (service == ServiceId.S3) {
            return new AwsException(403, "AccessDenied", "Access Denied");
        }
        if (query(service)) {
            return new AwsException(403, "MissingAuthenticationToken", "Request is missing Authentication Token");
        }
        int status = service == ServiceId.LAMBDA ? 403 : 400;
        return new AwsException(status, "MissingAuthenticationTokenException", "Request is missing Authentication Token");
    }

    static AwsException unknownKey(ServiceId service, String accessKey) {
        if (service == ServiceId.S3) {
            return new AwsException(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.")
                    .with("AWSAccessKeyId", accessKey);
        }
        if (query(service)) {
            return new AwsException(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }
        int status = service == ServiceId.LAMBDA ? 403 : 400;
        return new AwsException(status, "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    static AwsException expiredToken(ServiceId service) {
        if (service == ServiceId.S3) {
            return new AwsException(400, "ExpiredToken", "The provided token has expired.");
        }
        if (query(service)) {
            return new AwsException(403, "ExpiredToken", "The security token included in the request is expired");
        }
        int status = service == ServiceId.LAMBDA ? 403 : 400;
        return new AwsException(status, "ExpiredTokenException", "The security token included in the request is expired");
    }

    static AwsException skewed(ServiceId service, String amzDate, long now) {
        String server = AMZ_DATE.format(Instant.ofEpochMilli(now).atOffset(ZoneOffset.UTC));
        if (service == ServiceId.S3) {
            return new AwsException(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.")
                    .with("RequestTime", amzDate).with("ServerTime", Instant.ofEpochMilli(now).toString())
                    .with("MaxAllowedSkewMilliseconds", "900000");
        }
        String message = "Signature expired: " + amzDate + " is now earlier than "
                + AMZ_DATE.format(Instant.ofEpochMilli(now - MAX_SKEW_MILLIS).atOffset(ZoneOffset.UTC)) + " (" + server + " - 15 min.)";
        if (query(service)) {
            return new AwsException(403, "SignatureDoesNotMatch", message);
        }
        return new AwsException(service == ServiceId.LAMBDA ? 403 : 400, "InvalidSignatureException", message);
    }

    static AwsException mismatch(ServiceId service, String accessKey, SigV4.Signed expected, String provided) {
        if (service == ServiceId.S3 && expected != null) {
            return new AwsException(403, "SignatureDoesNotMatch", S3_MISMATCH)
                    .with("AWSAccessKeyId", accessKey).with("StringToSign", expected.stringToSign())
                    .with("SignatureProvided", provided).with("CanonicalRequest", expected.canonicalRequest());
        }
        String message = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access "
                + "Key and signing method. Consult the service documentation for details.";
        if (query(service)) {
            return new AwsException(403, "SignatureDoesNotMatch", message);
        }
        return new AwsException(service == ServiceId.LAMBDA ? 403 : 400, "InvalidSignatureException", message);
    }

    static AwsException incomplete(ServiceId service) {
        if (service == ServiceId.S3) {
            return new AwsException(400, "AuthorizationHeaderMalformed", "The authorization header is malformed; it must name SignedHeaders and Signature.");
        }
        String code = query(service) ? "IncompleteSignature" : "IncompleteSignatureException";
        return new AwsException(400, code, "Authorization header requires 'SignedHeaders' and 'Signature' parameters.");
    }

    static AwsException invalidRequest(ServiceId service, String message) {
        if (service == ServiceId.S3) {
            return new AwsException(400, "InvalidRequest", message);
        }
        return new AwsException(400, query(service) ? "IncompleteSignature" : "IncompleteSignatureException", message);
    }

    /** A chunk or trailer signature of an aws-chunked upload that is not the one its chain gives (S3 only signs chunks). */
    static AwsException chunkMismatch(String accessKey, String stringToSign, String provided) {
        return new AwsException(403, "SignatureDoesNotMatch", S3_MISMATCH).with("AWSAccessKeyId", accessKey)
                .with("StringToSign", stringToSign).with("SignatureProvided", provided == null ? "" : provided);
    }

    /** A Signature Version 2 signature that is not the one CloudJar computes: S3 shows what it signed, as for Version 4. */
    static AwsException v2Mismatch(ServiceId service, String accessKey, String stringToSign, String provided) {
        if (service == ServiceId.S3) {
            return new AwsException(403, "SignatureDoesNotMatch", S3_MISMATCH).with("AWSAccessKeyId", accessKey)
                    .with("StringToSign", stringToSign).with("SignatureProvided", provided)
                    .with("StringToSignBytes", hexBytes(stringToSign));
        }
        return mismatch(service, accessKey, null, provided);
    }

    /** A Version 2 request past its Expires, or (Query services) whose Timestamp is more than 15 minutes away. */
    static AwsException v2Expired(ServiceId service, String expires, long now) {
        if (service == ServiceId.S3) {
            return new AwsException(403, "AccessDenied", "Request has expired").with("Expires", expires)
                    .with("ServerTime", Instant.ofEpochMilli(now).toString());
        }
        return new AwsException(400, "RequestExpired", "Request has expired.");
    }

    /** A Version 2 request that lacks a field its form needs. */
    static AwsException v2Incomplete(ServiceId service, String message) {
        if (service == ServiceId.S3) {
            return new AwsException(403, "AccessDenied", message);
        }
        return new AwsException(400, query(service) ? "IncompleteSignature" : "IncompleteSignatureException", message);
    }

    private static String hexBytes(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(String.format("%02x", b & 0xFF));
        }
        return out.toString();
    }
}
