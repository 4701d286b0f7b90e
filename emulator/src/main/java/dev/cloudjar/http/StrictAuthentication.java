package dev.cloudjar.http;

import static dev.cloudjar.http.StrictErrors.AMZ_DATE;
import static dev.cloudjar.http.StrictErrors.MAX_SKEW_MILLIS;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.QueryString;
import dev.cloudjar.protocol.ServiceId;
import dev.cloudjar.protocol.auth.Credential;
import dev.cloudjar.protocol.auth.PostPolicySignatures;
import dev.cloudjar.protocol.auth.SigV2;
import dev.cloudjar.protocol.auth.SigV4;
import dev.cloudjar.protocol.auth.SignatureParser;
import dev.cloudjar.protocol.auth.SignedChunkStream;
import dev.cloudjar.protocol.auth.SigningSecrets;
import dev.cloudjar.services.s3.wire.S3Address;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --auth strict}: every request must carry a signature made with a secret CloudJar knows, within
 * 15 minutes of CloudJar's clock: SigV4 (header or presigned query; the chunks and trailer of a signed
 * {@code aws-chunked} upload too) or SigV2 (S3's header and query forms, the Query services'
 * {@code SignatureVersion=2}). A request that fails gets the error the addressed service gives, from
 * {@link StrictErrors}.
 * An unsigned S3 request goes on marked {@link AwsRequest#anonymous()}: S3 serves it where the bucket lets everyone.
 * LIMITATIONS: SigV4a (ECDSA) signatures are refused.
 */
final class StrictAuthentication implements PostPolicySignatures {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    /** Not AWS-signed traffic: CloudJar's own endpoints, API Gateway stages' invoke URLs, services it does not speak. */
    private static final Set<ServiceId> UNSIGNED = Set.of(ServiceId.CONTROL, ServiceId.EXECUTE_API, ServiceId.UNSUPPORTED);

    private final SigningSecrets secrets;
    private final Clock clock;

    StrictAuthentication(SigningSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * The request to serve: in the verified caller's account, its body checking chunk signatures as it streams
     * when it has them; unchanged when it needs no signature. Throws the service's error otherwise.
     */
    AwsRequest verify(AwsRequest request, ServiceId service) {
        if (service == null || UNSIGNED.contains(service) || (service == ServiceId.S3 && "OPTIONS".equals(request.method()))) {
            return request;
        }
        if (isBrowserPost(request, service)) {
            return request; // the form's fields carry the signature: S3 checks them through verifySigV4/verifySigV2
        }
        Credential credential = request.credential();
        Map<String, List<String>> v2Params = null;
        if (StrictErrors.query(service) && (credential == null || credential.kind() == Credential.SignatureKind.SIGV2_QUERY)) {
            v2Params = queryParameters(request);
            if (credential == null && v2Params.containsKey("AWSAccessKeyId")) {
                credential = new Credential(first(v2Params, "AWSAccessKeyId"), null, null, null, Credential.SignatureKind.SIGV2_QUERY);
            }
        }
        if (credential == null && service == ServiceId.S3) {
            return request.toBuilder().anonymous(true).build(); // S3 decides by the bucket's ACL, policy and public access block
        }
        if (credential == null) {
            throw StrictErrors.missing(service);
        }
        SigningSecrets.Secret secret = secrets.find(credential.accessKey());
        if (secret == null) {
            throw StrictErrors.unknownKey(service, credential.accessKey());
        }
        AwsRequest served = switch (credential.kind()) {
            case SIGV2_HEADER, SIGV2_QUERY -> v2Params != null
                    ? verifyQueryV2(request, service, secret, v2Params)
                    : verifyS3V2(request, service, credential, secret);
            case SIGV4_HEADER, SIGV4_QUERY -> verifyV4(request, service, credential, secret);
        };
        // strict mode knows whose key signed: that account's resources, whatever the key looks like
        return served.toBuilder().scope(new Scope(secret.account(), served.scope().region())).verified(true).build();
    }

    private AwsRequest verifyV4(AwsRequest request, ServiceId service, Credential credential, SigningSecrets.Secret secret) {
        boolean presigned = credential.kind() == Credential.SignatureKind.SIGV4_QUERY;
        long now = clock.millis();
        checkSession(service, secret, presigned ? request.queryParameter("X-Amz-Security-Token") : request.header("X-Amz-Security-Token"), now);
        String amzDate = presigned ? request.queryParameter("X-Amz-Date") : request.header("X-Amz-Date");
        Instant signedAt = signedAt(amzDate, request.header("Date"));
        if (signedAt == null) {
            throw StrictErrors.invalidRequest(service, "Authorization requires the X-Amz-Date header in the ISO8601 form yyyyMMdd'T'HHmmss'Z'.");
        }
        if (!presigned && Math.abs(now - signedAt.toEpochMilli()) > MAX_SKEW_MILLIS) {
            throw StrictErrors.skewed(service, amzDate, now);
        }
        String authorization = request.header("Authorization");
        String signedHeaders = presigned ? request.queryParameter("X-Amz-SignedHeaders") : SignatureParser.valueOf(authorization, "SignedHeaders=");
        String provided = presigned ? request.queryParameter("X-Amz-Signature") : SignatureParser.valueOf(authorization, "Signature=");
        if (signedHeaders == null || provided == null) {
            throw StrictErrors.incomplete(service);
        }
        String payloadHash = payloadHash(request, service, presigned);
        String date = amzDate == null ? AMZ_DATE.format(signedAt.atOffset(ZoneOffset.UTC)) : amzDate;
        SigV4.Signed expected = SigV4.sign(secret.secretAccessKey(), request.method(), request.rawPath(), request.rawQuery(),
                request.headers(), Arrays.asList(signedHeaders.split(";")), payloadHash, date,
                credential.date(), credential.region(), credential.service(), presigned);
        if (!SigV4.same(expected.signature(), provided)) {
            throw StrictErrors.mismatch(service, credential.accessKey(), expected, provided);
        }
        if (service != ServiceId.S3 || presigned || !SignedChunkStream.signedChunks(payloadHash)) {
            return request;
        }
        SignedChunkStream.Seed seed = new SignedChunkStream.Seed(secret.secretAccessKey(), date, credential.date(), credential.region(),
                credential.service(), provided);
        SignedChunkStream body = new SignedChunkStream(request.body(), seed, payloadHash.endsWith("-TRAILER"),
                (stringToSign, chunkSignature) -> StrictErrors.chunkMismatch(credential.accessKey(), stringToSign, chunkSignature));
        return request.toBuilder().body(body, request.contentLength()).build();
    }

    /** S3's Signature Version 2: {@code Authorization: AWS AKID:signature}, or {@code AWSAccessKeyId/Signature/Expires} in the query. */
    private AwsRequest verifyS3V2(AwsRequest request, ServiceId service, Credential credential, SigningSecrets.Secret secret) {
        boolean presigned = credential.kind() == Credential.SignatureKind.SIGV2_QUERY;
        long now = clock.millis();
        String token = request.header("x-amz-security-token");
        checkSession(service, secret, token != null ? token : request.queryParameter("x-amz-security-token"), now);
        String dateLine;
        String provided;
        if (presigned) {
            String expires = request.queryParameter("Expires");
            provided = request.queryParameter("Signature");
            if (expires == null || provided == null) {
                throw StrictErrors.v2Incomplete(service, "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters");
            }
            if (!expires.matches("\\d{1,12}") || Long.parseLong(expires) * 1000 < now) {
                throw StrictErrors.v2Expired(service, expires, now);
            }
            dateLine = expires;
        } else {
            String authorization = request.header("Authorization");
            int colon = authorization.indexOf(':');
            provided = colon < 0 ? null : authorization.substring(colon + 1).trim();
            String amzDate = request.header("x-amz-date");
            String date = amzDate != null ? amzDate : request.header("Date");
            Instant signedAt = date == null ? null : signedAt(null, date);
            if (signedAt == null && amzDate != null) {
                signedAt = signedAt(amzDate, null);
            }
            if (provided == null || signedAt == null) {
                throw StrictErrors.v2Incomplete(service, "AWS authentication requires a valid Date or x-amz-date header");
            }
            if (Math.abs(now - signedAt.toEpochMilli()) > MAX_SKEW_MILLIS) {
                throw StrictErrors.skewed(service, date, now);
            }
            dateLine = amzDate != null ? "" : date.trim();
        }
        Map<String, List<String>> queryHeaders = presigned ? request.queryParameters() : Map.of();
        String path = request.rawPath();
        String bucketFromHost = S3Address.bucketFromHost(request.header("Host"));
        String stringToSign = SigV2.s3StringToSign(request.method(), request.headers(), path, request.rawQuery(), dateLine,
                bucketFromHost, queryHeaders);
        boolean bucketOnly = bucketFromHost == null && path.length() > 1 && path.indexOf('/', 1) < 0;
        if (!SigV2.same(SigV2.sign("HmacSHA1", secret.secretAccessKey(), stringToSign), provided)
                && !(bucketOnly && SigV2.same(SigV2.sign("HmacSHA1", secret.secretAccessKey(), SigV2.s3StringToSign(request.method(),
                        request.headers(), path + "/", request.rawQuery(), dateLine, null, queryHeaders)), provided))) {
            // a bucket's resource is signed as "/bucket" or "/bucket/" (botocore's form): S3 takes both
            throw StrictErrors.v2Mismatch(service, credential.accessKey(), stringToSign, provided);
        }
        return request;
    }

    /** The Query services' {@code SignatureVersion=2}, its parameters in the query string or the form body. */
    private AwsRequest verifyQueryV2(AwsRequest request, ServiceId service, SigningSecrets.Secret secret, Map<String, List<String>> params) {
        long now = clock.millis();
        checkSession(service, secret, first(params, "SecurityToken"), now);
        String method = first(params, "SignatureMethod");
        String provided = first(params, "Signature");
        if (!"2".equals(first(params, "SignatureVersion")) || provided == null
                || !("HmacSHA256".equals(method) || "HmacSHA1".equals(method))) {
            throw StrictErrors.v2Incomplete(service, "Signature Version 2 requires SignatureVersion=2, SignatureMethod (HmacSHA256 or HmacSHA1) "
                    + "and Signature.");
        }
        String timestamp = first(params, "Timestamp");
        String expires = first(params, "Expires");
        Instant at = isoInstant(timestamp != null ? timestamp : expires);
        if (at == null) {
            throw StrictErrors.v2Incomplete(service, "Signature Version 2 requires a Timestamp or Expires parameter.");
        }
        if (timestamp != null ? Math.abs(now - at.toEpochMilli()) > MAX_SKEW_MILLIS : at.toEpochMilli() < now) {
            throw StrictErrors.v2Expired(service, timestamp != null ? timestamp : expires, now);
        }
        String stringToSign = SigV2.queryStringToSign(request.method(), request.header("Host"), request.rawPath(), params);
        if (!SigV2.same(SigV2.sign(method, secret.secretAccessKey(), stringToSign), provided)) {
            throw StrictErrors.v2Mismatch(service, first(params, "AWSAccessKeyId"), stringToSign, provided);
        }
        return request;
    }

    private static void checkSession(ServiceId service, SigningSecrets.Secret secret, String token, long now) {
        if (secret.sessionToken() == null) {
            return;
        }
        if (token == null || !token.equals(secret.sessionToken())) {
            throw StrictErrors.unknownKey(service, secret.accessKeyId());
        }
        if (now >= secret.expiresAtMillis()) {
            throw StrictErrors.expiredToken(service);
        }
    }

    /** The query string's parameters and, for a form POST, the form's (a SigV2 Query request signs all of them). */
    private static Map<String, List<String>> queryParameters(AwsRequest request) {
        Map<String, List<String>> params = new LinkedHashMap<>(request.queryParameters());
        String type = request.header("Content-Type");
        if ("POST".equals(request.method()) && type != null && type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33)) {
            params.putAll(QueryString.parse(new String(request.bodyBytes(), StandardCharsets.UTF_8)));
        }
        return params;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * A POST Object: an unsigned multipart/form-data POST with no query (S3 answers any other unsigned POST,
     * ?delete or ?uploads included, as unsigned), whose signature is over the form's policy.
     */
    static boolean isBrowserPost(AwsRequest request, ServiceId service) {
        return service == ServiceId.S3 && "POST".equals(request.method()) && request.credential() == null
                && request.rawQuery().isEmpty() && dev.cloudjar.protocol.MultipartForm.isFormData(request.header("Content-Type"));
    }

    @Override
    public String verifySigV4(String credentialText, String policy, String signature, String securityToken) {
        String[] scope = credentialText.split("/");
        if (scope.length != 5 || scope[0].isEmpty()) {
            throw new AwsException(400, "InvalidArgument", scope.length > 0 && scope[0].isEmpty()
                    ? "a non-empty Access Key (AKID) must be provided in the credential."
                    : "the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".")
                    .with("ArgumentName", "X-Amz-Credential").with("ArgumentValue", credentialText);
        }
        SigningSecrets.Secret secret = postSecret(scope[0], securityToken);
        String expected = SigV4.signString(secret.secretAccessKey(), policy, scope[1], scope[2], scope[3]);
        if (!SigV4.same(expected, signature)) {
            throw StrictErrors.v2Mismatch(ServiceId.S3, scope[0], policy, signature == null ? "" : signature);
        }
        return secret.account();
    }

    @Override
    public String verifySigV2(String accessKey, String policy, String signature, String securityToken) {
        SigningSecrets.Secret secret = postSecret(accessKey, securityToken);
        if (!SigV2.same(SigV2.sign("HmacSHA1", secret.secretAccessKey(), policy), signature)) {
            throw StrictErrors.v2Mismatch(ServiceId.S3, accessKey, policy, signature == null ? "" : signature);
        }
        return secret.account();
    }

    private SigningSecrets.Secret postSecret(String accessKey, String securityToken) {
        SigningSecrets.Secret secret = secrets.find(accessKey);
        if (secret == null) {
            throw StrictErrors.unknownKey(ServiceId.S3, accessKey);
        }
        checkSession(ServiceId.S3, secret, securityToken, clock.millis());
        return secret;
    }

    private static String payloadHash(AwsRequest request, ServiceId service, boolean presigned) {
        if (service == ServiceId.S3) {
            String declared = presigned ? request.queryParameter("X-Amz-Content-Sha256") : request.header("x-amz-content-sha256");
            if (declared != null) {
                return declared;
            }
            if (presigned) {
                return "UNSIGNED-PAYLOAD";
            }
            throw new AwsException(400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
        }
        return SigV4.sha256Hex(request.bodyBytes());
    }

    private static Instant signedAt(String amzDate, String httpDate) {
        try {
            if (amzDate != null) {
                return LocalDateTime.parse(amzDate.trim(), AMZ_DATE).toInstant(ZoneOffset.UTC);
            }
            return httpDate == null ? null : HTTP_DATE.parse(httpDate.trim(), Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A Query Timestamp/Expires: ISO 8601 with or without fractions and zone ({@code 2026-12-04T03:25:34Z}). */
    private static Instant isoInstant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
