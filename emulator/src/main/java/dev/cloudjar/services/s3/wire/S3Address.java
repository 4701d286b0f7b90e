package dev.cloudjar.services.s3.wire;

import dev.cloudjar.protocol.QueryString;
import java.util.List;
import java.util.Locale;

/**
 * The bucket and key a request addresses, from a virtual-host name ({@code bkt.localhost:4566},
 * {@code bkt.s3.localhost...}) or else the path ({@code /bkt/key}). The key is percent-decoded once
 * from the raw path ('+' stays a plus). A null key means a bucket-level request, a null bucket the
 * service (ListBuckets).
 */
public record S3Address(String bucket, String key) {
    /** Host names that are CloudJar itself; a label in front of one of them is a bucket. Longest first. */
    private static final List<String> BASE_HOSTS = List.of(
            "s3.localhost.localstack.cloud", "localhost.localstack.cloud", "s3.amazonaws.com", "s3.localhost", "localhost");

    static S3Address of(String rawPath, String hostHeader) {
        String bucketFromHost = bucketFromHost(hostHeader);
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        String rest = path.startsWith("/") ? path.substring(1) : path;
        if (bucketFromHost != null) {
            return new S3Address(bucketFromHost, rest.isEmpty() ? null : QueryString.decode(rest, false));
        }
        if (rest.isEmpty()) {
            return new S3Address(null, null);
        }
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return new S3Address(QueryString.decode(rest, false), null);
        }
        String bucket = QueryString.decode(rest.substring(0, slash), false);
        String key = rest.substring(slash + 1);
        return new S3Address(bucket, key.isEmpty() ? null : QueryString.decode(key, false));
    }

    /**
     * False when the raw path's percent-escapes spell bytes that are not UTF-8 (S3 answers 400 InvalidURI).
     * Only paths whose decoded key holds U+FFFD, the decoder's stand-in for such bytes, need the strict check.
     */
    boolean keyIsUtf8(String rawPath) {
        if (key == null || key.indexOf('\uFFFD') < 0 || rawPath == null) {
            return true;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%' && i + 2 < rawPath.length() && Character.digit(rawPath.charAt(i + 1), 16) >= 0
                    && Character.digit(rawPath.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(rawPath.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** The bucket a virtual-host-style Host header names, or null (strict mode signs SigV2 resources with it). */
    public static String bucketFromHost(String hostHeader) {
        if (hostHeader == null || hostHeader.isEmpty()) {
            return null;
        }
        String host = hostHeader;
        if (host.startsWith("[")) {
            return null;
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.isEmpty() || Character.isDigit(host.charAt(host.length() - 1))) {
            return null;
        }
        if (BASE_HOSTS.contains(host)) {
            return null;
        }
        for (String base : BASE_HOSTS) {
            if (host.length() > base.length() + 1 && host.endsWith(base) && host.charAt(host.length() - base.length() - 1) == '.') {
                return host.substring(0, host.length() - base.length() - 1);
            }
        }
        int s3 = host.indexOf(".s3.");
        if (s3 > 0 && host.endsWith(".amazonaws.com")) {
            return host.substring(0, s3);
        }
        return null;
    }
}
