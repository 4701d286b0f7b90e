package dev.cloudjar.protocol.auth;

import dev.cloudjar.protocol.Headers;
import dev.cloudjar.protocol.QueryString;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 as the SDKs compute it: the canonical request (S3 signs the path as sent,
 * every other service its URI-encoding once more), the string to sign and the HMAC chain. Signing keys
 * are cached per secret, date, region and service, since a client signs every request with the same one.
 */
public final class SigV4 {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final Map<String, byte[]> SIGNING_KEYS = new ConcurrentHashMap<>();

    private SigV4() {
    }

    /** What the signature covers; {@code canonicalRequest} and {@code stringToSign} also go into S3's error. */
    public record Signed(String canonicalRequest, String stringToSign, String signature) {
    }

    /**
     * Signs a request as its client did. {@code query} is the raw query string; {@code excludeSignature}
     * leaves {@code X-Amz-Signature} out of it (presigned URLs).
     */
    public static Signed sign(String secret, String method, String rawPath, String rawQuery, Headers headers, List<String> signedHeaders,
                              String payloadHash, String amzDate, String scopeDate, String region, String service, boolean excludeSignature) {
        String canonicalUri = "s3".equals(service) ? (rawPath.isEmpty() ? "/" : rawPath) : QueryString.encode(rawPath, true);
        StringBuilder canonical = new StringBuilder(256);
        canonical.append(method).append('\n').append(canonicalUri).append('\n')
                .append(canonicalQuery(rawQuery, excludeSignature)).append('\n');
        for (String name : signedHeaders) {
            canonical.append(name).append(':').append(headerValue(headers, name)).append('\n');
        }
        canonical.append('\n').append(String.join(";", signedHeaders)).append('\n').append(payloadHash);
        String canonicalRequest = canonical.toString();
        String scope = scopeDate + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        return new Signed(canonicalRequest, stringToSign, hmacHex(secret, scopeDate, region, service, stringToSign));
    }

    /** The hex HMAC of {@code stringToSign} with the scope's signing key (a request's, a chunk's or a trailer's signature). */
    public static String hmacHex(String secret, String scopeDate, String region, String service, String stringToSign) {
        String scope = scopeDate + "/" + region + "/" + service + "/aws4_request";
        byte[] key = SIGNING_KEYS.computeIfAbsent(secret + '\u0000' + scope, k -> signingKey(secret, scopeDate, region, service));
        if (SIGNING_KEYS.size() > 10_000) {
            SIGNING_KEYS.clear(); // a bound, not a policy: keys are cheap to derive again
        }
        return HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    /** The hex HMAC of {@code stringToSign} with the scope's signing key: how a browser POST signs its policy. */
    public static String signString(String secret, String stringToSign, String scopeDate, String region, String service) {
        String scope = scopeDate + "/" + region + "/" + service + "/aws4_request";
        byte[] key = SIGNING_KEYS.computeIfAbsent(secret + '\u0000' + scope, k -> signingKey(secret, scopeDate, region, service));
        return HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** Constant-time comparison, so a wrong signature takes as long to refuse as an almost-right one. */
    public static boolean same(String expected, String provided) {
        return provided != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                provided.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static String canonicalQuery(String rawQuery, boolean excludeSignature) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = QueryString.decode(eq < 0 ? part : part.substring(0, eq), false);
            String value = eq < 0 ? "" : QueryString.decode(part.substring(eq + 1), false);
            if (excludeSignature && name.equals("X-Amz-Signature")) {
                continue;
            }
            pairs.add(new String[] {QueryString.encode(name, false), QueryString.encode(value, false)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder out = new StringBuilder();
        for (String[] pair : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    private static String headerValue(Headers headers, String name) {
        List<String> values = headers.all(name);
        if (values == null || values.isEmpty()) {
            return "";
        }
        StringBuilder joined = new StringBuilder();
        for (String value : values) {
            if (joined.length() > 0) {
                joined.append(',');
            }
            String trimmed = value.trim();
            joined.append(trimmed.contains("  ") ? trimmed.replaceAll(" +", " ") : trimmed);
        }
        return joined.toString();
    }

    private static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    /** Mac and digest instances are costly to look up and not thread-safe: one of each per thread. */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = MAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest;
    }
}
