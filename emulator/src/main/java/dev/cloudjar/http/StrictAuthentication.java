package dev.cloudjar.http;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.ServiceId;
import dev.cloudjar.protocol.auth.Credential;
import dev.cloudjar.protocol.auth.SigV4;
import dev.cloudjar.protocol.auth.SignatureParser;
import dev.cloudjar.protocol.auth.SigningSecrets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import java.util.Set;

/**
 * {@code --auth strict}: every request must carry a SigV4 signature (header or presigned query) made with a
 * secret CloudJar knows, within 15 minutes of CloudJar's clock, and is answered with the error the addressed
 * service gives when it is not: S3's AccessDenied / InvalidAccessKeyId / SignatureDoesNotMatch (with the
 * string to sign) / RequestTimeTooSkewed, DynamoDB's and Lambda's UnrecognizedClientException /
 * InvalidSignatureException, the Query services' InvalidClientTokenId / SignatureDoesNotMatch.
 * LIMITATIONS: aws-chunked chunk signatures and SigV2 signatures are not checked (the seed signature is);
 * anonymous S3 requests are refused whatever the bucket's ACL or policy says.
 */
final class StrictAuthentication implements dev.cloudjar.protocol.auth.PostPolicySignatures {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final long MAX_SKEW_MILLIS = 15 * 60 * 1000;
    /** Not AWS-signed traffic: CloudJar's own endpoints, API Gateway stages' invoke URLs, services it does not speak. */
    private static final Set<ServiceId> UNSIGNED = Set.of(ServiceId.CONTROL, ServiceId.EXECUTE_API, ServiceId.UNSUPPORTED);

    private final SigningSecrets secrets;
    private final Clock clock;

    StrictAuthentication(SigningSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /** The verified caller's account, or null when the request needs no signature; throws the service's error otherwise. */
    String verify(AwsRequest request, ServiceId service) {
        if (service == null || UNSIGNED.contains(service) || (service == ServiceId.S3 && "OPTIONS".equals(request.method()))) {
            return null;
        }
        if (isBrowserPost(request, service)) {
            return null; // the form's fields carry the signature: S3 checks them through verifySigV4/verifySigV2
        }
        Credential credential = request.credential();
        if (credential == null) {
            throw missing(service);
        }
        if (credential.kind() == Credential.SignatureKind.SIGV2_HEADER || credential.kind() == Credential.SignatureKind.SIGV2_QUERY) {
            throw invalidRequest(service, "Signature Version 2 is not accepted in strict mode; sign with Signature Version 4.");
        }
        boolean presigned = credential.kind() == Credential.SignatureKind.SIGV4_QUERY;
        SigningSecrets.Secret secret = secrets.find(credential.accessKey());
        if (secret == null) {
            throw unknownKey(service, credential.accessKey());
        }
        String token = presigned ? request.queryParameter("X-Amz-Security-Token") : request.header("X-Amz-Security-Token");
        long now = clock.millis();
        if (secret.sessionToken() != null) {
            if (token == null || !token.equals(secret.sessionToken())) {
                throw unknownKey(service, credential.accessKey());
            }
            if (now >= secret.expiresAtMillis()) {
                throw expiredToken(service);
            }
        }
        String amzDate = presigned ? request.queryParameter("X-Amz-Date") : request.header("X-Amz-Date");
        Instant signedAt = signedAt(amzDate, request.header("Date"));
        if (signedAt == null) {
            throw invalidRequest(service, "Authorization requires the X-Amz-Date header in the ISO8601 form yyyyMMdd'T'HHmmss'Z'.");
        }
        if (!presigned && Math.abs(now - signedAt.toEpochMilli()) > MAX_SKEW_MILLIS) {
            throw skewed(service, amzDate, now);
        }
        String authorization = request.header("Authorization");
        String signedHeaders = presigned ? request.queryParameter("X-Amz-SignedHeaders") : SignatureParser.valueOf(authorization, "SignedHeaders=");
        String provided = presigned ? request.queryParameter("X-Amz-Signature") : SignatureParser.valueOf(authorization, "Signature=");
        if (signedHeaders == null || provided == null) {
            throw incomplete(service);
        }
        SigV4.Signed expected = SigV4.sign(secret.secretAccessKey(), request.method(), request.rawPath(), request.rawQuery(),
                request.headers(), Arrays.asList(signedHeaders.split(";")), payloadHash(request, service, presigned),
                amzDate == null ? AMZ_DATE.format(signedAt.atOffset(ZoneOffset.UTC)) : amzDate,
                credential.date(), credential.region(), credential.service(), presigned);
        if (!SigV4.same(expected.signature(), provided)) {
            throw mismatch(service, credential.accessKey(), expected, provided);
        }
        return secret.account();
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
            throw postMismatch(scope[0], policy, signature);
        }
        return secret.account();
    }

    @Override
    public String verifySigV2(String accessKey, String policy, String signature, String securityToken) {
        SigningSecrets.Secret secret = postSecret(accessKey, securityToken);
        String expected;
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.secretAccessKey().getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA1"));
            expected = java.util.Base64.getEncoder().encodeToString(mac.doFinal(policy.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        if (signature == null || !java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw postMismatch(accessKey, policy, signature);
        }
        return secret.account();
    }

    private SigningSecrets.Secret postSecret(String accessKey, String securityToken) {
        SigningSecrets.Secret secret = secrets.find(accessKey);
        if (secret == null) {
            throw unknownKey(ServiceId.S3, accessKey);
        }
        if (secret.sessionToken() != null) {
            if (securityToken == null || !securityToken.equals(secret.sessionToken())) {
                throw unknownKey(ServiceId.S3, accessKey);
            }
            if (clock.millis() >= secret.expiresAtMillis()) {
                throw expiredToken(ServiceId.S3);
            }
        }
        return secret;
    }

    /** S3's answer to a POST whose policy signature is wrong: what it signed is the policy as sent, also as hex bytes. */
    private static AwsException postMismatch(String accessKey, String policy, String provided) {
        StringBuilder bytes = new StringBuilder();
        for (byte b : policy.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            if (bytes.length() > 0) {
                bytes.append(' ');
            }
            bytes.append(String.format("%02x", b & 0xFF));
        }
        return new AwsException(403, "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. Check your key and signing method.")
                .with("AWSAccessKeyId", accessKey).with("StringToSign", policy)
                .with("SignatureProvided", provided == null ? "" : provided).with("StringToSignBytes", bytes.toString());
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

    // ---- each service's words for the same refusal ---------------------------------------------------------

    /** The Query services, and SQS, which answers its JSON protocol with the Query codes too. */
    private static boolean query(ServiceId service) {
        return service == ServiceId.SQS || service == ServiceId.SNS || service == ServiceId.STS || service == ServiceId.IAM;
    }

    private static AwsException missing(ServiceId service) {
        if (service == ServiceId.S3) {
            return new AwsException(403, "AccessDenied", "Access Denied");
        }
        if (query(service)) {
            return new AwsException(403, "MissingAuthenticationToken", "Request is missing Authentication Token");
        }
        int status = service == ServiceId.LAMBDA ? 403 : 400;
        return new AwsException(status, "MissingAuthenticationTokenException", "Request is missing Authentication Token");
    }

    private static AwsException unknownKey(ServiceId service, String accessKey) {
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

    private static AwsException expiredToken(ServiceId service) {
        if (service == ServiceId.S3) {
            return new AwsException(400, "ExpiredToken", "The provided token has expired.");
        }
        if (query(service)) {
            return new AwsException(403, "ExpiredToken", "The security token included in the request is expired");
        }
        int status = service == ServiceId.LAMBDA ? 403 : 400;
        return new AwsException(status, "ExpiredTokenException", "The security token included in the request is expired");
    }

    private static AwsException skewed(ServiceId service, String amzDate, long now) {
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

    private static AwsException mismatch(ServiceId service, String accessKey, SigV4.Signed expected, String provided) {
        if (service == ServiceId.S3) {
            return new AwsException(403, "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided. Check your key and signing method.")
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

    private static AwsException incomplete(ServiceId service) {
        if (service == ServiceId.S3) {
            return new AwsException(400, "AuthorizationHeaderMalformed", "The authorization header is malformed; it must name SignedHeaders and Signature.");
        }
        String code = query(service) ? "IncompleteSignature" : "IncompleteSignatureException";
        return new AwsException(400, code, "Authorization header requires 'SignedHeaders' and 'Signature' parameters.");
    }

    private static AwsException invalidRequest(ServiceId service, String message) {
        if (service == ServiceId.S3) {
            return new AwsException(400, "InvalidRequest", message);
        }
        return new AwsException(400, query(service) ? "IncompleteSignature" : "IncompleteSignatureException", message);
    }

}
