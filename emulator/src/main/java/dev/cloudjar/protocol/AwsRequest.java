package dev.cloudjar.protocol;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.protocol.auth.Credential;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the gateway received it, plus what the edge learned about it: the protocol, the
 * caller's scope (account from the access key, region from the signature) and the request id.
 * The path is raw (still percent-encoded): S3 keys must be decoded exactly once, by S3.
 */
public final class AwsRequest {
    /** Bodies of the JSON/Query/REST-JSON protocols are read whole (a 50 MB function zip is ~67 MB as base64); S3 streams instead. */
    public static final int MAX_BUFFERED_BODY = 80 * 1024 * 1024;

    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, List<String>> query;
    private final Headers headers;
    private final InputStream body;
    private final long contentLength;
    private final Protocol protocol;
    private final Scope scope;
    private final Credential credential;
    private final String requestId;
    private final String endpoint;
    private final String remoteAddress;
    private final String target;
    private final dev.cloudjar.protocol.auth.PostPolicySignatures postPolicySignatures;
    private final boolean anonymous;
    private final boolean verified;
    private byte[] bufferedBody;

    private AwsRequest(Builder b) {
        this.method = b.method;
        this.rawPath = b.rawPath;
        this.rawQuery = b.rawQuery;
        this.query = b.query;
        this.headers = b.headers;
        this.body = b.body;
        this.contentLength = b.contentLength;
        this.protocol = b.protocol;
        this.scope = b.scope;
        this.credential = b.credential;
        this.requestId = b.requestId;
        this.endpoint = b.endpoint;
        this.remoteAddress = b.remoteAddress;
        this.target = b.target;
        this.postPolicySignatures = b.postPolicySignatures;
        this.anonymous = b.anonymous;
        this.verified = b.verified;
    }

    public String method() {
        return method;
    }

    /** The path as received, percent-encoded, without the query string. */
    public String rawPath() {
        return rawPath;
    }

    /** The query string as received (without '?'), or "" when absent. */
    public String rawQuery() {
        return rawQuery;
    }

    /** Decoded query parameters; a parameter given without '=' maps to "". */
    public Map<String, List<String>> queryParameters() {
        return query;
    }

    public String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public boolean hasQueryParameter(String name) {
        return query.containsKey(name);
    }

    public Headers headers() {
        return headers;
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** The body stream (read it once). For S3 this is the raw socket stream, not decoded. */
    public InputStream body() {
        return bufferedBody != null ? new java.io.ByteArrayInputStream(bufferedBody) : body;
    }

    /** Content-Length, or -1 when the client did not send one. */
    public long contentLength() {
        return contentLength;
    }

    /** The whole body, read once and kept; larger than {@link #MAX_BUFFERED_BODY} is a 413. */
    public byte[] bodyBytes() {
        if (bufferedBody == null) {
            if (contentLength > MAX_BUFFERED_BODY) {
                throw tooLarge();
            }
            try {
                byte[] bytes = body.readNBytes(MAX_BUFFERED_BODY + 1);
                if (bytes.length > MAX_BUFFERED_BODY) {
                    throw tooLarge();
                }
                bufferedBody = bytes;
            } catch (IOException e) {
                throw bodyCutOff(e);
            }
        }
        return bufferedBody;
    }

    /**
     * Reads and drops up to {@code limit} bytes of a body that will not be used, before an error answer: a
     * client that sent no {@code Expect: 100-continue} is still writing, and would see its connection reset
     * instead of the answer if CloudJar closed it now.
     */
    public void discardBody(long limit) {
        if (header("Expect") != null) {
            return;
        }
        try {
            InputStream rest = body();
            long skipped = 0;
            while (skipped < limit) {
                long n = rest.skip(limit - skipped);
                if (n <= 0 && rest.read() < 0) {
                    break;
                }
                skipped += Math.max(n, 1);
            }
        } catch (IOException e) {
            // the client stopped sending: it gets the answer or nothing, as from AWS
        }
    }

    /** The client stopped sending before its Content-Length (or went quiet until the idle timeout). */
    public static AwsException bodyCutOff(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.util.concurrent.TimeoutException) {
                return new AwsException(400, "RequestTimeout", "Your socket connection to the server was not read from "
                        + "or written to within the timeout period. Idle connections will be closed.");
            }
        }
        return new AwsException(400, "IncompleteBody", "The request body ended before the number of bytes its Content-Length header gives.");
    }

    /** The 413 for a body over {@link #MAX_BUFFERED_BODY}, also after decompression. */
    public static AwsException tooLarge() {
        return new AwsException(413, "RequestEntityTooLarge", "Request body is larger than " + MAX_BUFFERED_BODY + " bytes");
    }

    public Protocol protocol() {
        return protocol;
    }

    public Scope scope() {
        return scope;
    }

    /** What the Authorization header or presigned query said, or null for anonymous requests. */
    public Credential credential() {
        return credential;
    }

    public String requestId() {
        return requestId;
    }

    /** This emulator's base URL as the client addressed it, e.g. {@code http://localhost:4566}. */
    public String endpoint() {
        return endpoint;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    /**
     * The operation named by the protocol envelope: the part of {@code X-Amz-Target} after the dot
     * (JSON), the {@code Action} parameter (Query); null for REST protocols.
     */
    public String target() {
        return target;
    }

    /**
     * Who checks the signature of a browser POST's policy document: set in strict authentication, where the
     * request itself carries no signature and the form's fields do; null when signatures are not checked.
     */
    public dev.cloudjar.protocol.auth.PostPolicySignatures postPolicySignatures() {
        return postPolicySignatures;
    }

    /**
     * True when strict authentication let an unsigned request through for the service to judge by the
     * resource's own access settings (S3's bucket ACL, policy and public access block); false in the default
     * mode, where no request is judged.
     */
    public boolean anonymous() {
        return anonymous;
    }

    /**
     * True when strict authentication verified the request's signature: {@link #scope()}'s account is then the
     * caller's for certain, and services that share resources across accounts (S3) check it against the owner's.
     */
    public boolean verified() {
        return verified;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.method = method;
        b.rawPath = rawPath;
        b.rawQuery = rawQuery;
        b.query = query;
        b.headers = headers;
        b.body = body();
        b.contentLength = contentLength;
        b.protocol = protocol;
        b.scope = scope;
        b.credential = credential;
        b.requestId = requestId;
        b.endpoint = endpoint;
        b.remoteAddress = remoteAddress;
        b.target = target;
        b.postPolicySignatures = postPolicySignatures;
        b.anonymous = anonymous;
        b.verified = verified;
        return b;
    }

    /** Builds requests; the gateway uses it, and so do unit tests of wire adapters. */
    public static final class Builder {
        private String method = "GET";
        private String rawPath = "/";
        private String rawQuery = "";
        private Map<String, List<String>> query = Map.of();
        private Headers headers = new Headers();
        private InputStream body = InputStream.nullInputStream();
        private long contentLength = -1;
        private Protocol protocol = Protocol.REST_XML;
        private Scope scope = new Scope("000000000000", "us-east-1");
        private Credential credential;
        private String requestId = "00000000-0000-0000-0000-000000000000";
        private String endpoint = "http://localhost:4566";
        private String remoteAddress = "127.0.0.1";
        private String target;
        private dev.cloudjar.protocol.auth.PostPolicySignatures postPolicySignatures;
        private boolean anonymous;
        private boolean verified;

        public Builder method(String v) { method = v; return this; }
        public Builder rawPath(String v) { rawPath = v; return this; }
        public Builder rawQuery(String v) { rawQuery = v == null ? "" : v; query = QueryString.parse(rawQuery); return this; }
        public Builder headers(Headers v) { headers = v; return this; }
        public Builder header(String name, String value) { headers.add(name, value); return this; }
        public Builder body(InputStream v, long length) { body = v; contentLength = length; return this; }
        public Builder body(byte[] v) { body = new java.io.ByteArrayInputStream(v); contentLength = v.length; return this; }
        public Builder protocol(Protocol v) { protocol = v; return this; }
        public Builder scope(Scope v) { scope = v; return this; }
        public Builder credential(Credential v) { credential = v; return this; }
        public Builder requestId(String v) { requestId = v; return this; }
        public Builder endpoint(String v) { endpoint = v; return this; }
        public Builder remoteAddress(String v) { remoteAddress = v; return this; }
        public Builder target(String v) { target = v; return this; }
        public Builder postPolicySignatures(dev.cloudjar.protocol.auth.PostPolicySignatures v) { postPolicySignatures = v; return this; }
        public Builder anonymous(boolean v) { anonymous = v; return this; }
        public Builder verified(boolean v) { verified = v; return this; }

        public AwsRequest build() {
            return new AwsRequest(this);
        }
    }
}
