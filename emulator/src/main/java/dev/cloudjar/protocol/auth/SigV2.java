package dev.cloudjar.protocol.auth;

import dev.cloudjar.protocol.Headers;
import dev.cloudjar.protocol.QueryString;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 2 as its clients compute it: S3's form ({@code Authorization: AWS AKID:sig} or the
 * {@code AWSAccessKeyId/Signature/Expires} query; HMAC-SHA1 over verb, Content-MD5, Content-Type, date,
 * the {@code x-amz-} headers and the resource) and the Query services' form ({@code SignatureVersion=2}:
 * HMAC-SHA256 or HMAC-SHA1 over verb, host, path and the sorted, encoded parameters).
 */
public final class SigV2 {
    /** The query parameters that are part of S3's canonical resource (the list botocore signs with). */
    private static final Set<String> S3_SUBRESOURCES = Set.of("accelerate", "acl", "cors", "defaultObjectAcl", "location", "logging",
            "partNumber", "policy", "requestPayment", "torrent", "versioning", "versionId", "versions", "website", "uploads", "uploadId",
            "response-content-type", "response-content-language", "response-expires", "response-cache-control",
            "response-content-disposition", "response-content-encoding", "delete", "lifecycle", "tagging", "restore", "storageClass",
            "notification", "replication", "analytics", "metrics", "inventory", "select", "select-type", "object-lock");

    private SigV2() {
    }

    /**
     * S3's string to sign. {@code dateOrExpires} is the Date header (empty when {@code x-amz-date} is sent) or a
     * presigned URL's Expires; {@code bucketFromHost} is the bucket of a virtual-host-style request, else null.
     */
    public static String s3StringToSign(String method, Headers headers, String rawPath, String rawQuery, String dateOrExpires,
                                        String bucketFromHost, Map<String, List<String>> queryAmzHeaders) {
        StringBuilder out = new StringBuilder(256);
        out.append(method).append('\n')
                .append(trimmed(headers.get("Content-MD5"), queryAmzHeaders, "content-md5")).append('\n')
                .append(trimmed(headers.get("Content-Type"), queryAmzHeaders, "content-type")).append('\n')
                .append(dateOrExpires).append('\n');
        TreeMap<String, String> amz = new TreeMap<>();
        for (Map.Entry<String, List<String>> header : headers.asMap().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-amz-")) {
                amz.merge(name, join(header.getValue()), (a, b) -> a + "," + b);
            }
        }
        queryAmzHeaders.forEach((name, values) -> {
            if (name.startsWith("x-amz-")) {
                amz.putIfAbsent(name, join(values));
            }
        });
        amz.forEach((name, value) -> out.append(name).append(':').append(value).append('\n'));
        if (bucketFromHost != null) {
            out.append('/').append(bucketFromHost);
        }
        out.append(rawPath.isEmpty() ? "/" : rawPath);
        List<String[]> subresources = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String part : rawQuery.split("&")) {
                int eq = part.indexOf('=');
                String name = eq < 0 ? part : part.substring(0, eq);
                if (S3_SUBRESOURCES.contains(name)) {
                    subresources.add(new String[] {name, eq < 0 ? null : QueryString.decode(part.substring(eq + 1), false)});
                }
            }
        }
        subresources.sort((a, b) -> a[0].compareTo(b[0]));
        for (int i = 0; i < subresources.size(); i++) {
            String[] pair = subresources.get(i);
            out.append(i == 0 ? '?' : '&').append(pair[0]);
            if (pair[1] != null) {
                out.append('=').append(pair[1]);
            }
        }
        return out.toString();
    }

    /** The Query services' string to sign: every parameter but {@code Signature}, sorted and RFC 3986 encoded. */
    public static String queryStringToSign(String method, String host, String rawPath, Map<String, List<String>> params) {
        TreeMap<String, String> sorted = new TreeMap<>();
        params.forEach((name, values) -> {
            if (!name.equals("Signature") && !values.isEmpty()) {
                sorted.put(QueryString.encode(name, false), QueryString.encode(values.get(0), false));
            }
        });
        StringBuilder out = new StringBuilder(256).append(method).append('\n').append(host == null ? "" : host.toLowerCase(Locale.ROOT))
                .append('\n').append(rawPath.isEmpty() ? "/" : rawPath).append('\n');
        boolean first = true;
        for (Map.Entry<String, String> pair : sorted.entrySet()) {
            if (!first) {
                out.append('&');
            }
            first = false;
            out.append(pair.getKey()).append('=').append(pair.getValue());
        }
        return out.toString();
    }

    /** Base64 of the HMAC ({@code HmacSHA1} or {@code HmacSHA256}) of {@code stringToSign}. */
    public static String sign(String algorithm, String secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two base64 signatures. */
    public static boolean same(String expected, String provided) {
        return provided != null && java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                provided.trim().getBytes(StandardCharsets.US_ASCII));
    }

    private static String trimmed(String header, Map<String, List<String>> query, String name) {
        if (header != null) {
            return header.trim();
        }
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0).trim();
    }

    private static String join(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(value.trim());
        }
        return out.toString();
    }
}
